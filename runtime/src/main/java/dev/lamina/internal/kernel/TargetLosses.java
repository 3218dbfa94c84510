package dev.lamina.internal.kernel;

/**
 * The regression and sigmoid losses, one row at a time: row {@code r} of a batch of {@code rows}
 * outputs {@code width} wide, against targets laid out the same way. Each returns the row's loss
 * (the mean over its {@code width} outputs) and writes the gradient of the batch mean, so that
 * the rows' losses summed and divided by {@code rows} are PyTorch's mean over rows × width, and
 * threads that score different rows give the same bits as one. Computed in double, rounded once.
 */
public final class TargetLosses {
  private TargetLosses() {}

  /** Squared error (o − t)² (PyTorch's {@code MSELoss()}); gradient 2(o − t) / (rows·width). */
  public static double squaredErrorRow(float[] out, float[] targets, int r, int rows, int width,
      float[] gradient) {
    int o = r * width;
    double sum = 0;
    for (int c = 0; c < width; c++) {
      double d = out[o + c] - (double) targets[o + c];
      sum += d * d;
      if (gradient != null) {
        gradient[o + c] = (float) (2 * d / ((double) rows * width));
      }
    }
    return sum / width;
  }

  /**
   * Absolute error |o − t| (PyTorch's {@code L1Loss()}); gradient sign(o − t) / (rows·width), 0
   * where the output equals the target, as PyTorch's.
   */
  public static double absoluteErrorRow(float[] out, float[] targets, int r, int rows, int width,
      float[] gradient) {
    int o = r * width;
    double sum = 0;
    for (int c = 0; c < width; c++) {
      double d = out[o + c] - (double) targets[o + c];
      sum += Math.abs(d);
      if (gradient != null) {
        gradient[o + c] = (float) (Math.signum(d) / ((double) rows * width));
      }
    }
    return sum / width;
  }

  /**
   * Huber loss (PyTorch's {@code HuberLoss(delta=δ)}): ½d² where |d| ≤ δ, δ(|d| − ½δ) beyond;
   * gradient d, clipped to ±δ, over rows·width.
   */
  public static double huberRow(float[] out, float[] targets, int r, int rows, int width,
      double delta, float[] gradient) {
    int o = r * width;
    double sum = 0;
    for (int c = 0; c < width; c++) {
      double d = out[o + c] - (double) targets[o + c];
      double a = Math.abs(d);
      sum += a <= delta ? 0.5 * d * d : delta * (a - 0.5 * delta);
      if (gradient != null) {
        gradient[o + c] = (float) (Math.max(-delta, Math.min(delta, d)) / ((double) rows * width));
      }
    }
    return sum / width;
  }

  /**
   * Sigmoid cross-entropy of logits z against 0/1 targets t (PyTorch's {@code
   * BCEWithLogitsLoss()}): −t·log σ(z) − (1 − t)·log(1 − σ(z)), computed as max(z, 0) − z·t +
   * log(1 + e^−|z|) so that no logit overflows; gradient (σ(z) − t) / (rows·width).
   */
  public static double sigmoidCrossEntropyRow(float[] logits, float[] targets, int r, int rows,
      int width, float[] gradient) {
    int o = r * width;
    double sum = 0;
    for (int c = 0; c < width; c++) {
      sum += sigmoidCrossEntropy(logits, o + c, targets[o + c], (double) rows * width, gradient);
    }
    return sum / width;
  }

  /**
   * {@link #sigmoidCrossEntropyRow} of one logit per row against a class label 0 or 1: binary
   * classification.
   */
  public static double binaryCrossEntropyRow(float[] logits, int[] labels, int r, int rows,
      float[] gradient) {
    return sigmoidCrossEntropy(logits, r, labels[r], rows, gradient);
  }

  /** One logit's sigmoid cross-entropy; its gradient divided by {@code count} into gradient. */
  private static double sigmoidCrossEntropy(float[] logits, int i, double t, double count,
      float[] gradient) {
    double z = logits[i];
    if (gradient != null) {
      gradient[i] = (float) ((sigmoid(z) - t) / count);
    }
    return Math.max(z, 0) - z * t + Math.log1p(Math.exp(-Math.abs(z)));
  }

  /** σ(z) = 1 / (1 + e^−z), without overflow for either sign. */
  public static double sigmoid(double z) {
    if (z >= 0) {
      return 1 / (1 + Math.exp(-z));
    }
    double e = Math.exp(z);
    return e / (1 + e);
  }
}
