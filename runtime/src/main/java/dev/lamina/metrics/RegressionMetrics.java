package dev.lamina.metrics;

/**
 * Mean absolute error, root mean squared error and R² of predictions against true values, both
 * row-major {@code samples × outputs}. With several outputs each metric is computed per output
 * and averaged (scikit-learn's {@code multioutput="uniform_average"}). Sums run in double.
 */
public final class RegressionMetrics {
  private RegressionMetrics() {}

  /**
   * Mean |predicted − truth|.
   *
   * @param predicted the predictions, row-major (samples × outputs)
   * @param truth the targets, same layout
   * @param outputs values per sample, > 0
   * @return the mean absolute error over every sample and output, in the targets' units
   */
  public static double meanAbsoluteError(float[] predicted, float[] truth, int outputs) {
    int n = requireShapes(predicted, truth, outputs);
    double sum = 0;
    for (int i = 0; i < predicted.length; i++) {
      sum += Math.abs((double) predicted[i] - truth[i]);
    }
    return sum / ((double) n * outputs);
  }

  /**
   * √(mean (predicted − truth)²) of each output, averaged over outputs.
   *
   * @param predicted the predictions, row-major (samples × outputs)
   * @param truth the targets, same layout
   * @param outputs values per sample, > 0
   * @return the RMSE, in the targets' units
   */
  public static double rootMeanSquaredError(float[] predicted, float[] truth, int outputs) {
    int n = requireShapes(predicted, truth, outputs);
    double total = 0;
    for (int o = 0; o < outputs; o++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        double d = (double) predicted[i * outputs + o] - truth[i * outputs + o];
        sum += d * d;
      }
      total += Math.sqrt(sum / n);
    }
    return total / outputs;
  }

  /**
   * The coefficient of determination 1 − Σ(truth − predicted)² / Σ(truth − mean)² of each output,
   * averaged over outputs: 1 is perfect, 0 is as good as predicting the mean. An output whose true
   * values are all equal scores 1 when predicted exactly, else 0 (scikit-learn's convention).
   *
   * @param predicted the predictions, row-major (samples × outputs)
   * @param truth the targets, same layout
   * @param outputs values per sample, > 0
   * @return R², at most 1
   */
  public static double r2(float[] predicted, float[] truth, int outputs) {
    int n = requireShapes(predicted, truth, outputs);
    double total = 0;
    for (int o = 0; o < outputs; o++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += truth[i * outputs + o];
      }
      mean /= n;
      double residual = 0;
      double spread = 0;
      for (int i = 0; i < n; i++) {
        double t = truth[i * outputs + o];
        double d = t - predicted[i * outputs + o];
        residual += d * d;
        spread += (t - mean) * (t - mean);
      }
      total += spread == 0 ? (residual == 0 ? 1 : 0) : 1 - residual / spread;
    }
    return total / outputs;
  }

  private static int requireShapes(float[] predicted, float[] truth, int outputs) {
    if (outputs <= 0) {
      throw new IllegalArgumentException("outputs must be > 0, got " + outputs);
    }
    if (predicted.length != truth.length || truth.length % outputs != 0 || truth.length == 0) {
      throw new IllegalArgumentException("predicted and truth must both hold samples × outputs "
          + "values (outputs = " + outputs + ", at least one sample); got " + predicted.length
          + " and " + truth.length);
    }
    return truth.length / outputs;
  }
}
