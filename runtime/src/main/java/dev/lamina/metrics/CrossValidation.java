package dev.lamina.metrics;

import dev.lamina.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * k-fold cross-validation in one call: for each fold, {@code fit} trains on the other folds'
 * samples and scores on the fold's own, in fold order on the calling thread. Whatever is fitted
 * to data (a model, standardization) must be fitted inside {@code fit}, on its training part only.
 *
 * <pre>{@code
 * CrossValidation.Result cv = CrossValidation.run(data, Folds.stratified(data, 5, 42),
 *     (train, test) -> ModelMetrics.confusion(
 *         MyNet.trainer().seed(42).build().fit(train, test).network(), test).accuracy());
 * double mean = cv.mean();
 * }</pre>
 */
public final class CrossValidation {
  private CrossValidation() {}

  /** Trains on one part and scores on the other. */
  @FunctionalInterface
  public interface FitAndScore {
    double score(Dataset train, Dataset test);
  }

  /** Each fold's score, in fold order. */
  public record Result(double[] scores) {
    public Result {
      scores = scores.clone();
    }

    @Override
    public double[] scores() {
      return scores.clone();
    }

    public double mean() {
      double sum = 0;
      for (double s : scores) {
        sum += s;
      }
      return sum / scores.length;
    }

    /** The sample standard deviation over folds (n − 1). */
    public double standardDeviation() {
      double mean = mean();
      double sum = 0;
      for (double s : scores) {
        sum += (s - mean) * (s - mean);
      }
      return Math.sqrt(sum / (scores.length - 1));
    }
  }

  /** Runs {@code fit} once per fold of {@code folds} over {@code data}. */
  public static Result run(Dataset data, Folds folds, FitAndScore fit) {
    Objects.requireNonNull(fit, "fit");
    if (folds.samples() != data.size()) {
      throw new IllegalArgumentException("folds are for " + folds.samples() + " samples but the "
          + "data has " + data.size());
    }
    List<Double> scores = new ArrayList<>();
    for (int f = 0; f < folds.count(); f++) {
      scores.add(fit.score(data.select(folds.trainIndices(f)), data.select(folds.testIndices(f))));
    }
    return new Result(scores.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
