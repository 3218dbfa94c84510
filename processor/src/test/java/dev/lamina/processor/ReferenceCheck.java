package dev.lamina.processor;

import dev.lamina.internal.TrainableNetwork;
import dev.lamina.nn.Parameter;
import dev.lamina.nn.ReferenceNetwork;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A generated network against the scalar {@link ReferenceNetwork} on its own weights: training
 * output (same dropout masks and noise), every parameter's gradient, and inference with the
 * network's running statistics, with the tolerances of the examples' gradient checks. Returns
 * what differs, with the largest difference, or null.
 */
final class ReferenceCheck {
  private ReferenceCheck() {}

  static String compare(TrainableNetwork net, int rows, long seed) {
    ReferenceNetwork reference = new ReferenceNetwork(net.spec(), net.parameters());
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[rows * net.inputSize()];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    int[] labels = new int[rows];
    for (int i = 0; i < rows; i++) {
      labels[i] = random.nextInt(net.outputSize());
    }
    long maskSeed = seed + 1000;
    int outputs = rows * net.outputSize();

    float[] expected = reference.forwardTrain(x, rows, maskSeed).clone();
    float[] actual = net.forwardTrain(x, rows, maskSeed).clone();
    String problem = difference("train output", expected, actual, outputs, 1e-5, 1e-4);
    if (problem != null) {
      return problem;
    }
    float[] grad = new float[outputs];
    net.loss(actual, labels, rows, grad);
    net.backward(grad.clone(), rows);
    List<float[]> generated = net.parameters().list().stream().map(p -> p.gradient().clone()).toList();
    reference.forwardTrain(x, rows, maskSeed);
    reference.backward(grad, rows);
    List<Parameter> params = net.parameters().list();
    double largest = params.stream().mapToDouble(p -> maxAbs(p.gradient())).max().orElse(0);
    for (int i = 0; i < params.size(); i++) {
      Parameter p = params.get(i);
      double scale = maxAbs(p.gradient());
      // Absolute tolerance from the tensor's scale: small batches make batch norm's input gradient
      // a difference of nearly equal terms. A gradient that cancels exactly (a bias right before
      // a normalization) is float rounding of terms of the network's scale instead.
      double abs = scale <= 1e-6 * largest ? 1e-6 + 1e-4 * largest : 1e-6 + 5e-4 * scale;
      problem = difference(p.name() + " gradient", p.gradient(), generated.get(i), p.size(), abs, 1e-4);
      if (problem != null) {
        return problem;
      }
    }
    // The reference ran one more training pass: give it the network's running statistics.
    for (int i = 0; i < net.state().size(); i++) {
      float[] from = net.state().get(i).values();
      System.arraycopy(from, 0, reference.state().get(i).values(), 0, from.length);
    }
    return difference("inference output", reference.forwardInfer(x, rows).clone(),
        net.forwardInfer(x, rows), outputs, 1e-5, 1e-4);
  }

  /** The worst element beyond abs + rel·|expected|, or null if there is none. */
  private static String difference(String what, float[] expected, float[] actual, int count,
      double abs, double rel) {
    int worst = -1;
    double worstExcess = 0;
    double maxDiff = 0;
    for (int i = 0; i < count; i++) {
      double diff = Math.abs((double) expected[i] - actual[i]);
      maxDiff = Math.max(maxDiff, diff);
      double excess = diff - (abs + rel * Math.abs(expected[i]));
      if (excess > worstExcess || Double.isNaN(diff)) {
        worstExcess = Double.isNaN(diff) ? Double.POSITIVE_INFINITY : excess;
        worst = i;
      }
    }
    return worst < 0 ? null : String.format(
        "%s: largest excess at [%d]: expected %.9g, got %.9g (max |diff| %.3g; tolerance %.1g + %.1g·|expected|)",
        what, worst, expected[worst], actual[worst], maxDiff, abs, rel);
  }

  private static double maxAbs(float[] v) {
    double max = 0;
    for (float x : v) {
      max = Math.max(max, Math.abs(x));
    }
    return max;
  }
}
