package dev.lamina.search;

import dev.lamina.ensemble.MemberEpoch;
import dev.lamina.ensemble.MemberResult;
import dev.lamina.train.Metric;
import dev.lamina.train.TrainingConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one trained task scored: its best epoch's validation accuracy or loss, as the search scores
 * (on the validation set, or on a fold's held-out samples), and the epoch, ending, place and time
 * of its training.
 *
 * @param score the best validation figure of any epoch; NaN when no epoch gave a number
 * @param epoch the epoch of that score, the earliest on ties; 0 when none
 * @param end how its training ended
 * @param trainedBy where it ran
 * @param seconds how long its training took
 */
record FoldScore(double score, int epoch, String end, String trainedBy, double seconds) {
  /**
   * The best epoch of {@code r} by {@code metric} (validation accuracy or loss): the one early
   * stopping on it would keep.
   */
  static FoldScore of(MemberResult r, Metric metric) {
    double score = Double.NaN;
    int epoch = 0;
    for (MemberEpoch e : r.epochs()) {
      double value = value(e, metric);
      if (!Double.isNaN(value) && (epoch == 0 || better(metric, value, score))) {
        score = value;
        epoch = e.epoch();
      }
    }
    return new FoldScore(score, epoch, r.end(), r.trainedBy(), r.seconds());
  }

  static double value(MemberEpoch e, Metric metric) {
    return metric.equals(Metric.VALIDATION_LOSS) ? e.validationLoss() : e.validationAccuracy();
  }

  /** Whether {@code a} is strictly better than {@code b} by the metric's goal. */
  static boolean better(Metric metric, double a, double b) {
    return metric.goal() == Metric.Goal.MAXIMIZE ? a > b : a < b;
  }

  /**
   * A cross-validated trial from its folds' scores, in fold order: the score is their mean, summed
   * in fold order as {@code CrossValidation.Result#mean} sums, so the bits are the same.
   */
  static Trial trial(int index, Map<String, String> settings, TrainingConfig config,
      List<FoldScore> folds) {
    double sum = 0;
    double epochs = 0;
    double seconds = 0;
    List<Double> scores = new ArrayList<>();
    Set<String> ends = new LinkedHashSet<>();
    Set<String> places = new LinkedHashSet<>();
    for (FoldScore f : folds) {
      sum += f.score;
      epochs += f.epoch;
      seconds += f.seconds;
      scores.add(f.score);
      ends.add(f.end);
      places.add(f.trainedBy);
    }
    String end = ends.size() == 1 ? ends.iterator().next() : foldEnds(folds);
    return new Trial(index, settings, config, sum / folds.size(),
        (int) Math.round(epochs / folds.size()), end, String.join(", ", places), seconds, scores);
  }

  private static String foldEnds(List<FoldScore> folds) {
    List<String> ends = new ArrayList<>();
    for (int f = 0; f < folds.size(); f++) {
      ends.add("fold " + f + ": " + folds.get(f).end);
    }
    return String.join("; ", ends);
  }
}
