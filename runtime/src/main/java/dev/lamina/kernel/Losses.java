package dev.lamina.kernel;

/**
 * The losses and their gradients with respect to the network's output, averaged over the batch.
 * Each returns the summed (not averaged) loss of the rows so callers can average over an epoch.
 */
public final class Losses {
  private Losses() {}

  /**
   * Softmax cross-entropy with label smoothing ε (PyTorch's {@code CrossEntropyLoss(
   * label_smoothing=ε)}: target = (1 − ε)·one-hot + ε/K). Stable for any logits: computed from
   * log-sum-exp around the row maximum. Writes dLoss/dLogits = (softmax − target) / rows.
   */
  public static double softmaxCrossEntropy(
      float[] logits, int[] labels, int rows, int classes, double smoothing, float[] gradient) {
    double total = 0;
    double off = smoothing / classes;
    double on = 1 - smoothing + off;
    for (int r = 0; r < rows; r++) {
      int o = r * classes;
      double logSum = logSumExp(logits, o, classes);
      int label = labels[r];
      for (int c = 0; c < classes; c++) {
        double target = c == label ? on : off;
        double logP = logits[o + c] - logSum;
        total -= target * logP;
        if (gradient != null) {
          gradient[o + c] = (float) ((Math.exp(logP) - target) / rows);
        }
      }
    }
    return total;
  }

  /**
   * log Σ exp(v[offset .. offset + n − 1]), in double around the maximum so that large values
   * cannot overflow.
   */
  static double logSumExp(float[] v, int offset, int n) {
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < n; c++) {
      max = Math.max(max, v[offset + c]);
    }
    double sum = 0;
    for (int c = 0; c < n; c++) {
      sum += Math.exp(v[offset + c] - max);
    }
    return max + Math.log(sum);
  }

  /**
   * Mean squared error against one-hot targets of {@code labels}, averaged over all rows × classes
   * outputs (PyTorch's {@code MSELoss()}); the returned sum is over rows of the per-row mean.
   */
  public static double meanSquaredError(
      float[] outputs, int[] labels, int rows, int classes, float[] gradient) {
    double total = 0;
    for (int r = 0; r < rows; r++) {
      int o = r * classes;
      double rowSum = 0;
      for (int c = 0; c < classes; c++) {
        double diff = outputs[o + c] - (c == labels[r] ? 1 : 0);
        rowSum += diff * diff;
        if (gradient != null) {
          gradient[o + c] = (float) (2 * diff / ((double) rows * classes));
        }
      }
      total += rowSum / classes;
    }
    return total;
  }

  /** Index of the largest of {@code classes} values starting at {@code offset} (first on ties). */
  public static int argmax(float[] values, int offset, int classes) {
    int best = 0;
    for (int c = 1; c < classes; c++) {
      if (values[offset + c] > values[offset + best]) {
        best = c;
      }
    }
    return best;
  }
}
