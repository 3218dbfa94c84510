package dev.lamina.internal.kernel;

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
    for (int r = 0; r < rows; r++) {
      total += softmaxCrossEntropyRow(logits, labels, r, rows, classes, smoothing, gradient);
    }
    return total;
  }

  /**
   * Row {@code r} of {@link #softmaxCrossEntropy} in a batch of {@code rows}: returns its loss and
   * writes its gradient, so that threads can score a batch's rows with the same bits.
   */
  public static double softmaxCrossEntropyRow(float[] logits, int[] labels, int r, int rows,
      int classes, double smoothing, float[] gradient) {
    double off = smoothing / classes;
    double on = 1 - smoothing + off;
    int o = r * classes;
    double logSum = logSumExp(logits, o, classes);
    int label = labels[r];
    double loss = 0;
    for (int c = 0; c < classes; c++) {
      double target = c == label ? on : off;
      double logP = logits[o + c] - logSum;
      loss -= target * logP;
      if (gradient != null) {
        gradient[o + c] = (float) ((Math.exp(logP) - target) / rows);
      }
    }
    return loss;
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
      total += meanSquaredErrorRow(outputs, labels, r, rows, classes, gradient);
    }
    return total;
  }

  /** Row {@code r} of {@link #meanSquaredError} in a batch of {@code rows}: its loss and gradient. */
  public static double meanSquaredErrorRow(
      float[] outputs, int[] labels, int r, int rows, int classes, float[] gradient) {
    int o = r * classes;
    double rowSum = 0;
    for (int c = 0; c < classes; c++) {
      double diff = outputs[o + c] - (c == labels[r] ? 1 : 0);
      rowSum += diff * diff;
      if (gradient != null) {
        gradient[o + c] = (float) (2 * diff / ((double) rows * classes));
      }
    }
    return rowSum / classes;
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
