package dev.lamina.nn;

import dev.lamina.Loss;
import dev.lamina.internal.kernel.Losses;
import dev.lamina.internal.kernel.TargetLosses;

/**
 * What a network's raw outputs mean for its task: class probabilities (softmax), the probability
 * of class 1 or of each label (sigmoid), regression values as they are, and classes or label
 * flags. Computed in double and rounded once. {@link Network}'s {@code predict…} methods use it.
 */
final class TaskPrediction {
  private TaskPrediction() {}

  static float[] probabilities(Network network, float[] input, int rows) {
    Loss loss = network.spec().loss();
    float[] out = network.forwardInfer(requireInput(network, input, rows), rows);
    int k = network.outputSize();
    float[] p = new float[rows * k];
    switch (loss) {
      case SOFTMAX_CROSS_ENTROPY -> {
        for (int r = 0; r < rows; r++) {
          double max = Double.NEGATIVE_INFINITY;
          for (int c = 0; c < k; c++) {
            max = Math.max(max, out[r * k + c]);
          }
          double sum = 0;
          for (int c = 0; c < k; c++) {
            sum += Math.exp(out[r * k + c] - max);
          }
          for (int c = 0; c < k; c++) {
            p[r * k + c] = (float) (Math.exp(out[r * k + c] - max) / sum);
          }
        }
      }
      case BINARY_CROSS_ENTROPY, MULTI_LABEL_CROSS_ENTROPY -> {
        for (int i = 0; i < rows * k; i++) {
          p[i] = (float) TargetLosses.sigmoid(out[i]);
        }
      }
      default -> throw new IllegalStateException(network.spec().name() + " is trained with "
          + loss + ", which gives values, not probabilities; use predictValues");
    }
    return p;
  }

  static float[] values(Network network, float[] input, int rows) {
    Loss loss = network.spec().loss();
    if (loss != Loss.MEAN_SQUARED_ERROR && loss != Loss.MEAN_ABSOLUTE_ERROR && loss != Loss.HUBER) {
      throw new IllegalStateException(network.spec().name() + " is a classifier (" + loss
          + "); use predictProbabilities or predict for its classes");
    }
    float[] out = network.forwardInfer(requireInput(network, input, rows), rows);
    return java.util.Arrays.copyOf(out, rows * network.outputSize());
  }

  static int[] classes(Network network, float[] input, int rows) {
    Loss loss = network.spec().loss();
    if (loss == Loss.MULTI_LABEL_CROSS_ENTROPY) {
      throw new IllegalStateException(network.spec().name() + " predicts several labels per "
          + "sample, not one class; use predictLabels(input, rows, threshold)");
    }
    float[] out = network.forwardInfer(requireInput(network, input, rows), rows);
    int k = network.outputSize();
    int[] classes = new int[rows];
    for (int r = 0; r < rows; r++) {
      classes[r] = loss == Loss.BINARY_CROSS_ENTROPY
          ? (out[r] > 0 ? 1 : 0) // σ(z) > 1/2
          : Losses.argmax(out, r * k, k);
    }
    return classes;
  }

  static int[] labels(Network network, float[] input, int rows, double threshold) {
    if (network.spec().loss() != Loss.MULTI_LABEL_CROSS_ENTROPY) {
      throw new IllegalStateException(network.spec().name() + " is trained with "
          + network.spec().loss() + ", not MULTI_LABEL_CROSS_ENTROPY; use predict for classes");
    }
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("threshold must be a probability in (0, 1), got "
          + threshold + "; 0.5 takes every label more likely than not");
    }
    float[] p = probabilities(network, input, rows);
    int[] flags = new int[p.length];
    for (int i = 0; i < p.length; i++) {
      flags[i] = p[i] >= threshold ? 1 : 0;
    }
    return flags;
  }

  private static float[] requireInput(Network network, float[] input, int rows) {
    if (rows <= 0) {
      throw new IllegalArgumentException("rows must be > 0, got " + rows);
    }
    if (input.length < (long) rows * network.inputSize()) {
      throw new IllegalArgumentException("input must hold rows × " + network.inputSize()
          + " features = " + (long) rows * network.inputSize() + " floats, got " + input.length);
    }
    return input;
  }
}
