package dev.lamina.search;

import dev.lamina.report.LineChart;
import dev.lamina.train.Metric;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The trials of a {@link Search}, in trial order, with the best of them, a table and a chart.
 * Trials scored by cross-validation show their folds' spread beside their mean score.
 *
 * @param dimensions the names of the settings searched, in the space's order
 * @param trials every trial, in trial order (by {@link Trial#index()})
 * @param scoredBy what the scores are: {@link Metric#VALIDATION_ACCURACY} (higher is better) or
 *     {@link Metric#VALIDATION_LOSS} (lower is better)
 */
public record SearchResult(List<String> dimensions, List<Trial> trials, Metric scoredBy) {
  /** Copies both lists. */
  public SearchResult {
    dimensions = List.copyOf(dimensions);
    trials = List.copyOf(trials);
    Objects.requireNonNull(scoredBy, "scoredBy");
  }

  /**
   * Trials scored by validation accuracy.
   *
   * @param dimensions the names of the settings searched, in the space's order
   * @param trials every trial, in trial order
   */
  public SearchResult(List<String> dimensions, List<Trial> trials) {
    this(dimensions, trials, Metric.VALIDATION_ACCURACY);
  }

  /**
   * The trial with the best score (the highest accuracy, or the lowest loss); the earliest on
   * ties.
   *
   * @return the best trial
   * @throws IllegalStateException if no trial has a score
   */
  public Trial best() {
    return trials.stream().filter(t -> !Double.isNaN(t.score())).sorted(bestFirst()).findFirst()
        .orElseThrow(() -> new IllegalStateException("no trial gave a " + scoredBy.name()));
  }

  /**
   * How many folds each trial was cross-validated on.
   *
   * @return k, or 0 when the trials were scored on a validation set
   */
  public int folds() {
    return trials.isEmpty() ? 0 : trials.get(0).foldScores().size();
  }

  /**
   * A Markdown table: one row per trial, best first (trials without a score last), with its
   * settings, score and time; with cross-validation, the score is the mean over folds and a
   * column gives the folds' standard deviation.
   *
   * @return the table, one line per row
   */
  public String table() {
    int k = folds();
    StringBuilder s = new StringBuilder("| trial | ");
    dimensions.forEach(d -> s.append(d).append(" | "));
    s.append(k == 0 ? scoredBy.name() + " | "
        : k + "-fold " + scoredBy.name() + " (mean) | standard deviation | ");
    s.append("best epoch | seconds |\n|");
    s.append(" --- |".repeat(dimensions.size() + (k == 0 ? 4 : 5))).append('\n');
    trials.stream().sorted(bestFirst()).forEach(t -> {
      s.append("| ").append(t.index() + 1).append(" | ");
      dimensions.forEach(d -> s.append(t.settings().get(d)).append(" | "));
      s.append(String.format(Locale.ROOT, "%.4f | ", t.score()));
      if (k > 0) {
        s.append(String.format(Locale.ROOT, "%.4f | ", t.spread()));
      }
      s.append(String.format(Locale.ROOT, "%d | %.1f |%n", t.bestEpoch(), t.seconds()));
    });
    return s.toString();
  }

  /** Best score first (by the metric's goal), trials without one last, the earlier on ties. */
  private Comparator<Trial> bestFirst() {
    Comparator<Trial> byScore = Comparator.comparingDouble(Trial::score);
    return Comparator.comparing((Trial t) -> Double.isNaN(t.score()))
        .thenComparing(scoredBy.goal() == Metric.Goal.MAXIMIZE ? byScore.reversed() : byScore)
        .thenComparingInt(Trial::index);
  }

  /**
   * A PNG of each trial's score in trial order, beside the best score so far: how quickly the
   * search found its best. With cross-validation, the mean's one-standard-deviation band over
   * the folds is drawn too.
   *
   * @param file where to write the PNG; replaced atomically if it exists
   * @throws IOException if the file cannot be written
   */
  public void writeChart(Path file) throws IOException {
    int k = folds();
    double[] x = new double[trials.size()];
    double[] score = new double[trials.size()];
    double[] best = new double[trials.size()];
    double[] low = new double[trials.size()];
    double[] high = new double[trials.size()];
    boolean maximize = scoredBy.goal() == Metric.Goal.MAXIMIZE;
    double so = maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    for (int i = 0; i < x.length; i++) {
      Trial t = trials.get(i);
      x[i] = i + 1;
      score[i] = t.score();
      so = Double.isNaN(score[i]) ? so : maximize ? Math.max(so, score[i]) : Math.min(so, score[i]);
      best[i] = so;
      low[i] = score[i] - t.spread();
      high[i] = score[i] + t.spread();
    }
    LineChart chart = LineChart.titled("Search over " + String.join(", ", dimensions) + ": "
            + trials.size() + " trials" + (k > 0 ? ", " + k + "-fold cross-validation" : ""))
        .axes("trial", k > 0 ? scoredBy.name() + ", mean over " + k + " folds"
            : scoredBy.name(), true)
        .series(k > 0 ? "trial (mean)" : "trial", x, score)
        .series("best so far", x, best);
    if (k > 0) {
      chart.series("mean - sd", x, low).series("mean + sd", x, high);
    }
    chart.write(file, 900, 420);
  }
}
