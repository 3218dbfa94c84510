package dev.lamina.search;

import dev.lamina.report.LineChart;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The trials of a {@link Search}, in trial order, with the best of them, a table and a chart.
 *
 * @param dimensions the names of the settings searched, in the space's order
 * @param trials every trial, in trial order (by {@link Trial#index()})
 */
public record SearchResult(List<String> dimensions, List<Trial> trials) {
  /** Copies both lists. */
  public SearchResult {
    dimensions = List.copyOf(dimensions);
    trials = List.copyOf(trials);
  }

  /**
   * The trial with the highest score; the earliest on ties.
   *
   * @return the best trial
   * @throws IllegalStateException if no trial has a score
   */
  public Trial best() {
    return trials.stream().filter(t -> !Double.isNaN(t.score()))
        .max(Comparator.comparingDouble(Trial::score)
            .thenComparing(Comparator.comparingInt(Trial::index).reversed()))
        .orElseThrow(() -> new IllegalStateException("no trial gave a validation accuracy"));
  }

  /**
   * A Markdown table: one row per trial, best first, with its settings, score and time.
   *
   * @return the table, one line per row
   */
  public String table() {
    StringBuilder s = new StringBuilder("| trial | ");
    dimensions.forEach(d -> s.append(d).append(" | "));
    s.append("validation accuracy | best epoch | seconds |\n|");
    s.append(" --- |".repeat(dimensions.size() + 4)).append('\n');
    trials.stream().sorted(Comparator.comparingDouble(Trial::score).reversed()
        .thenComparingInt(Trial::index)).forEach(t -> {
          s.append("| ").append(t.index() + 1).append(" | ");
          dimensions.forEach(d -> s.append(t.settings().get(d)).append(" | "));
          s.append(String.format(Locale.ROOT, "%.4f | %d | %.1f |%n", t.score(), t.bestEpoch(),
              t.seconds()));
        });
    return s.toString();
  }

  /**
   * A PNG of each trial's score in trial order, beside the best score so far: how quickly the
   * search found its best.
   *
   * @param file where to write the PNG; replaced atomically if it exists
   * @throws IOException if the file cannot be written
   */
  public void writeChart(Path file) throws IOException {
    double[] x = new double[trials.size()];
    double[] score = new double[trials.size()];
    double[] best = new double[trials.size()];
    double so = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < x.length; i++) {
      x[i] = i + 1;
      score[i] = trials.get(i).score();
      so = Double.isNaN(score[i]) ? so : Math.max(so, score[i]);
      best[i] = so;
    }
    LineChart.titled("Search over " + String.join(", ", dimensions) + ": " + trials.size()
            + " trials")
        .axes("trial", "validation accuracy", true)
        .series("trial", x, score)
        .series("best so far", x, best)
        .write(file, 900, 420);
  }
}
