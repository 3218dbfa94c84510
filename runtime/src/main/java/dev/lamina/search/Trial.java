package dev.lamina.search;

import dev.lamina.train.TrainingConfig;
import java.util.List;
import java.util.Map;

/**
 * One trial of a {@link Search}: the values it tried, the configuration they make, and how it
 * scored: on the validation set, or by k-fold cross-validation (then {@link #foldScores()} holds
 * each fold's score, the score is their mean and {@link #spread()} their standard deviation).
 *
 * @param settings each dimension's name and the value tried, in the space's order
 * @param score the best validation accuracy of any of its epochs, or the lowest validation loss
 *     when the search scores by loss ({@link SearchResult#scoredBy()}): the epoch early stopping
 *     would keep; with cross-validation, the mean over folds of each fold's best figure on its
 *     held-out samples; NaN when no epoch gave a number
 * @param bestEpoch the epoch of that score; with cross-validation, the folds' best epochs'
 *     mean, rounded: how many epochs to train the chosen configuration for on all the data
 * @param end how its training ended; with cross-validation, each fold's ending when they differ
 * @param trainedBy where it ran: a thread, or a cluster member's address; with
 *     cross-validation, every place one of its folds ran, in fold order
 * @param index the trial's place in the search, from 0; grid trials count the last dimension
 *     fastest
 * @param config the configuration the trial trained with: the base with its settings applied
 * @param seconds how long its training took, wall time; with cross-validation, summed over folds
 * @param foldScores each fold's score, in fold order; empty when the trial was scored on a
 *     validation set
 */
public record Trial(int index, Map<String, String> settings, TrainingConfig config, double score,
    int bestEpoch, String end, String trainedBy, double seconds, List<Double> foldScores) {
  /** Copies the settings and the fold scores. */
  public Trial {
    settings = Map.copyOf(settings);
    foldScores = List.copyOf(foldScores);
  }

  /**
   * A trial scored on a validation set: no fold scores.
   *
   * @param index the trial's place in the search, from 0
   * @param settings each dimension's name and the value tried
   * @param config the configuration the trial trained with
   * @param score its best epoch's validation accuracy (or loss)
   * @param bestEpoch the epoch of that score
   * @param end how its training ended
   * @param trainedBy where it ran
   * @param seconds how long its training took
   */
  public Trial(int index, Map<String, String> settings, TrainingConfig config, double score,
      int bestEpoch, String end, String trainedBy, double seconds) {
    this(index, settings, config, score, bestEpoch, end, trainedBy, seconds, List.of());
  }

  /**
   * How much the folds' scores differ: their sample standard deviation (n − 1), computed as
   * {@code CrossValidation.Result#standardDeviation} does.
   *
   * @return the standard deviation; NaN for a trial scored on a validation set
   */
  public double spread() {
    int k = foldScores.size();
    if (k < 2) {
      return Double.NaN;
    }
    double sum = 0;
    for (double s : foldScores) {
      sum += s;
    }
    double mean = sum / k;
    double squares = 0;
    for (double s : foldScores) {
      squares += (s - mean) * (s - mean);
    }
    return Math.sqrt(squares / (k - 1));
  }
}
