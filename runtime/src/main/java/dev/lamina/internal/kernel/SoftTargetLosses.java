package dev.lamina.internal.kernel;

/**
 * The losses of {@link Losses} against soft targets: a probability row per sample instead of a
 * class (mixup's blended labels λ·y + (1 − λ)·y′). With a one-hot row they equal the {@link
 * Losses} forms exactly in value and gradient. Each returns the summed loss of the rows and
 * writes dLoss/dOutput averaged over the batch, like {@link Losses}.
 */
public final class SoftTargetLosses {
  private SoftTargetLosses() {}

  /**
   * Softmax cross-entropy −Σ t·log softmax(z) against targets smoothed by ε: t = (1 − ε)·target
   * + ε/K (PyTorch's {@code CrossEntropyLoss(label_smoothing=ε)} with probability targets).
   * Gradient (softmax − t) / rows. For mixup it equals λ·CE(y) + (1 − λ)·CE(y′).
   */
  public static double softmaxCrossEntropy(float[] logits, float[] targets, int rows, int classes,
      double smoothing, float[] gradient) {
    double total = 0;
    double off = smoothing / classes;
    for (int r = 0; r < rows; r++) {
      int o = r * classes;
      double logSum = Losses.logSumExp(logits, o, classes);
      for (int c = 0; c < classes; c++) {
        double target = (1 - smoothing) * targets[o + c] + off;
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
   * Mean squared error against the target rows, averaged over rows × classes outputs (PyTorch's
   * {@code MSELoss()}); gradient 2·(output − target) / (rows·classes).
   */
  public static double meanSquaredError(float[] outputs, float[] targets, int rows, int classes,
      float[] gradient) {
    double total = 0;
    for (int r = 0; r < rows; r++) {
      int o = r * classes;
      double rowSum = 0;
      for (int c = 0; c < classes; c++) {
        double diff = outputs[o + c] - (double) targets[o + c];
        rowSum += diff * diff;
        if (gradient != null) {
          gradient[o + c] = (float) (2 * diff / ((double) rows * classes));
        }
      }
      total += rowSum / classes;
    }
    return total;
  }
}
