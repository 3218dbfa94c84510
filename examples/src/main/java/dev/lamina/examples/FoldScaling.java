package dev.lamina.examples;

import dev.lamina.data.Dataset;

/**
 * Standardization fitted on one training fold and applied to both its parts: each feature, and
 * for regression the target, shifted by the training mean and divided by the training standard
 * deviation (a constant column is only shifted). Predictions are scaled back to the target's
 * units with {@link #unscaleTargets}.
 */
final class FoldScaling {
  private final double[] mean;
  private final double[] std;
  private final double targetMean;
  private final double targetStd;

  private FoldScaling(double[] mean, double[] std, double targetMean, double targetStd) {
    this.mean = mean;
    this.std = std;
    this.targetMean = targetMean;
    this.targetStd = targetStd;
  }

  /** Fitted on {@code train} alone. */
  static FoldScaling fit(Dataset train) {
    int n = train.size();
    int width = train.featureSize();
    float[] x = train.features();
    double[] mean = new double[width];
    double[] std = new double[width];
    for (int j = 0; j < width; j++) {
      double[] column = new double[n];
      for (int i = 0; i < n; i++) {
        column[i] = x[i * width + j];
      }
      double[] ms = meanAndStd(column);
      mean[j] = ms[0];
      std[j] = ms[1];
    }
    double targetMean = 0;
    double targetStd = 1;
    if (train.targetKind() == Dataset.TargetKind.VALUES) {
      float[] y = train.targets();
      double[] column = new double[y.length];
      for (int i = 0; i < y.length; i++) {
        column[i] = y[i];
      }
      double[] ms = meanAndStd(column);
      targetMean = ms[0];
      targetStd = ms[1];
    }
    return new FoldScaling(mean, std, targetMean, targetStd);
  }

  /** {@code data} with standardized features (and, for regression, targets). */
  Dataset apply(Dataset data) {
    int width = data.featureSize();
    float[] x = data.features();
    for (int i = 0; i < x.length; i++) {
      int j = i % width;
      x[i] = (float) ((x[i] - mean[j]) / std[j]);
    }
    if (data.targetKind() == Dataset.TargetKind.VALUES) {
      float[] y = data.targets();
      for (int i = 0; i < y.length; i++) {
        y[i] = (float) ((y[i] - targetMean) / targetStd);
      }
      return Dataset.regression(x, y, width, data.targetSize());
    }
    return Dataset.of(x, data.labels(), width, data.classes());
  }

  /** Predicted standardized targets back in the target's units. */
  float[] unscaleTargets(float[] scaled) {
    float[] y = new float[scaled.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) (scaled[i] * targetStd + targetMean);
    }
    return y;
  }

  /** The mean and the population standard deviation (1 for a constant column). */
  private static double[] meanAndStd(double[] v) {
    double mean = 0;
    for (double d : v) {
      mean += d;
    }
    mean /= v.length;
    double sum = 0;
    for (double d : v) {
      sum += (d - mean) * (d - mean);
    }
    double std = Math.sqrt(sum / v.length);
    return new double[] {mean, std > 0 ? std : 1};
  }
}
