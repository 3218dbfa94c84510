package dev.lamina.examples;

import dev.lamina.examples.TabularLab.Recipe;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bin/lamina tabular-lab}: 5-fold cross-validation of a small annotated MLP on each of the
 * datasets Debian's python3-sklearn ships as CSV — breast cancer (binary), digits and wine
 * (classes) and diabetes (regression on the raw features). See docs/tasks.md for scikit-learn's
 * figures on the same folds.
 */
final class TabularLabCommand implements Command {
  @Override
  public String name() {
    return "tabular-lab";
  }

  @Override
  public String summary() {
    return "cross-validated MLPs on scikit-learn's tabular datasets (binary, classes, regression)";
  }

  @Override
  public String usage() {
    return "  --data DIR    the CSV files (default " + TabularData.SKLEARN + ")\n"
        + "  --seed N      seed of each fold's model (fold f uses N + f; default 42)\n"
        + "  --threads N   threads per training step (default 1)";
  }

  @Override
  public Map<String, Object> run(Options options, PrintStream out) throws Exception {
    Path dir = options.path("--data").orElse(TabularData.SKLEARN);
    long seed = options.longValue("--seed", 42);
    int threads = options.integer("--threads", 1, 1);
    options.requireAllUsed();

    List<TabularLab.Outcome> outcomes = new ArrayList<>();
    out.printf(Locale.ROOT, "5-fold cross-validation (sample i in fold i mod 5), standardization "
        + "fitted on each training fold%n%-14s %-10s %7s %8s %9s %7s %7s %8s%n", "dataset",
        "task", "samples", "features", "accuracy", "auc", "r2", "train s");
    outcomes.add(report(out, TabularLab.run(TabularData.breastCancer(dir),
        TabularLabModels_BreastCancerNet::trainer, new Recipe(150, 32, 1e-3, 1e-2), seed, threads)));
    outcomes.add(report(out, TabularLab.run(TabularData.digits(dir),
        TabularLabModels_DigitsNet::trainer, new Recipe(150, 32, 1e-3, 1e-3), seed, threads)));
    outcomes.add(report(out, TabularLab.run(TabularData.wine(dir),
        TabularLabModels_WineNet::trainer, new Recipe(100, 16, 1e-3, 1e-4), seed, threads)));
    outcomes.add(report(out, TabularLab.run(TabularData.diabetes(dir),
        TabularLabModels_DiabetesNet::trainer, new Recipe(300, 32, 1e-3, 1e-1), seed, threads)));

    List<Map<String, Object>> datasets = new ArrayList<>();
    for (TabularLab.Outcome o : outcomes) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("name", o.data().name());
      d.put("task", o.data().task());
      d.put("samples", o.data().data().size());
      d.put("features", o.data().data().featureSize());
      d.put("folds", TabularLab.FOLDS);
      if (!Double.isNaN(o.accuracy())) {
        d.put("accuracy", o.accuracy());
      }
      if (!Double.isNaN(o.auc())) {
        d.put("auc", o.auc());
      }
      if (!Double.isNaN(o.r2())) {
        d.put("r2", o.r2());
      }
      d.put("train_seconds", o.trainSeconds());
      datasets.add(d);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("datasets", datasets);
    return json;
  }

  private static TabularLab.Outcome report(PrintStream out, TabularLab.Outcome o) {
    out.printf(Locale.ROOT, "%-14s %-10s %7d %8d %9s %7s %7s %8.2f%n", o.data().name(),
        o.data().task(), o.data().data().size(), o.data().data().featureSize(),
        figure(o.accuracy()), figure(o.auc()), figure(o.r2()), o.trainSeconds());
    return o;
  }

  private static String figure(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
  }
}
