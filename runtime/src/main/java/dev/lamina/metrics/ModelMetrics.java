package dev.lamina.metrics;

import dev.lamina.Loss;
import dev.lamina.data.Dataset;
import dev.lamina.nn.Network;
import dev.lamina.train.Metric;

/**
 * The metrics of a network's predictions on a dataset (inference mode), and {@link Metric}s that
 * a listener or early stopping can watch:
 *
 * <pre>{@code
 * EarlyStopping.on(ModelMetrics.watchMacroF1(validation)).patience(5)
 * }</pre>
 */
public final class ModelMetrics {
  private static final int CHUNK = 500;

  private ModelMetrics() {}

  /**
   * Errors, RMSE and R² of a regression model's values.
   *
   * @param meanAbsoluteError mean |predicted − truth| over every sample and output, in the targets'
   *     units
   * @param rootMeanSquaredError √(mean squared error) of each output, averaged over outputs, in the
   *     targets' units
   * @param r2 the coefficient of determination averaged over outputs: 1 is perfect, 0 as good as
   *     the mean, negative worse
   */
  public record RegressionScores(double meanAbsoluteError, double rootMeanSquaredError,
      double r2) {}

  /**
   * The confusion matrix of a classifier's predicted classes against the data's labels.
   *
   * @param network a classifier
   * @param data labelled samples
   * @return the matrix, with max(data's classes, network's classes) classes
   */
  public static ConfusionMatrix confusion(Network network, Dataset data) {
    int[] predicted = new int[data.size()];
    forEachChunk(network, data, (input, first, rows) ->
        System.arraycopy(network.predict(input, rows), 0, predicted, first, rows));
    int classes = Math.max(data.classes(),
        network.spec().loss() == Loss.BINARY_CROSS_ENTROPY ? 2 : network.outputSize());
    return ConfusionMatrix.of(data.labels(), predicted, classes);
  }

  /**
   * The share of samples whose class is among the model's {@code k} most probable.
   *
   * @param network a classifier
   * @param data labelled samples
   * @param k how many of the most probable classes count, ≥ 1
   * @return the top-k accuracy, in [0, 1]
   */
  public static double topKAccuracy(Network network, Dataset data, int k) {
    int classes = network.outputSize();
    return RankingMetrics.topKAccuracy(probabilities(network, data), data.labels(), classes, k);
  }

  /**
   * ROC-AUC of the probability of class 1: a binary model's sigmoid, or the second softmax output
   * of a two-class model.
   *
   * @param network a classifier with one or two outputs
   * @param data samples labelled 0 or 1, both present
   * @return the area, in [0, 1]; 0.5 is chance
   * @throws IllegalArgumentException if the network has more than two outputs
   */
  public static double rocAuc(Network network, Dataset data) {
    int k = network.outputSize();
    if (k > 2) {
      throw new IllegalArgumentException("ROC-AUC is for binary classifiers; "
          + network.spec().name() + " has " + k + " outputs");
    }
    float[] p = probabilities(network, data);
    float[] positive = new float[data.size()];
    for (int i = 0; i < positive.length; i++) {
      positive[i] = p[i * k + k - 1];
    }
    return RankingMetrics.rocAuc(positive, data.labels());
  }

  /**
   * MAE, RMSE and R² of a regression model's values against the data's targets.
   *
   * @param network a regression model
   * @param data samples with targets
   * @return the three scores
   */
  public static RegressionScores regression(Network network, Dataset data) {
    int outputs = network.outputSize();
    float[] predicted = new float[data.size() * outputs];
    forEachChunk(network, data, (input, first, rows) -> System.arraycopy(
        network.predictValues(input, rows), 0, predicted, first * outputs, rows * outputs));
    float[] truth = data.targets();
    return new RegressionScores(
        RegressionMetrics.meanAbsoluteError(predicted, truth, outputs),
        RegressionMetrics.rootMeanSquaredError(predicted, truth, outputs),
        RegressionMetrics.r2(predicted, truth, outputs));
  }

  /**
   * Macro-averaged F1 on {@code data} at each epoch's end; higher is better.
   *
   * @param data labelled samples, e.g. a validation set
   * @return the metric, for {@code EarlyStopping} or a trainer's extra metrics
   */
  public static Metric watchMacroF1(Dataset data) {
    return Metric.maximize("macro F1", (stats, network) -> confusion(network, data).macroF1());
  }

  /**
   * ROC-AUC on {@code data} at each epoch's end; higher is better.
   *
   * @param data samples labelled 0 or 1
   * @return the metric, for {@code EarlyStopping} or a trainer's extra metrics
   */
  public static Metric watchRocAuc(Dataset data) {
    return Metric.maximize("ROC-AUC", (stats, network) -> rocAuc(network, data));
  }

  /**
   * R² on {@code data} at each epoch's end; higher is better.
   *
   * @param data samples with targets
   * @return the metric, for {@code EarlyStopping} or a trainer's extra metrics
   */
  public static Metric watchR2(Dataset data) {
    return Metric.maximize("R²", (stats, network) -> regression(network, data).r2());
  }

  /**
   * RMSE on {@code data} at each epoch's end; lower is better.
   *
   * @param data samples with targets
   * @return the metric, for {@code EarlyStopping} or a trainer's extra metrics
   */
  public static Metric watchRmse(Dataset data) {
    return Metric.minimize("RMSE",
        (stats, network) -> regression(network, data).rootMeanSquaredError());
  }

  private static float[] probabilities(Network network, Dataset data) {
    int k = network.outputSize();
    float[] p = new float[data.size() * k];
    forEachChunk(network, data, (input, first, rows) -> System.arraycopy(
        network.predictProbabilities(input, rows), 0, p, first * k, rows * k));
    return p;
  }

  private interface ChunkAction {
    void accept(float[] input, int first, int rows);
  }

  private static void forEachChunk(Network network, Dataset data, ChunkAction action) {
    int width = network.inputSize();
    if (data.featureSize() != width) {
      throw new IllegalArgumentException("data has " + data.featureSize() + " features per sample"
          + " but " + network.spec().name() + " takes " + width);
    }
    float[] input = new float[Math.min(CHUNK, Math.max(1, data.size())) * width];
    for (int first = 0; first < data.size(); first += CHUNK) {
      int rows = Math.min(CHUNK, data.size() - first);
      for (int r = 0; r < rows; r++) {
        data.copyFeatures(first + r, input, r * width);
      }
      action.accept(input, first, rows);
    }
  }
}
