package dev.lamina.examples;

import dev.lamina.data.Dataset;
import dev.lamina.data.FashionMnist;
import dev.lamina.report.HistoryFiles;
import dev.lamina.report.LearningCurveChart;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code bin/lamina regularization-lab}: an over-sized MLP on a small Fashion-MNIST subset with
 * no regularization, then each regularizer alone, then all together; a table of train accuracy,
 * test accuracy and their gap, and each kept run's learning curves.
 */
final class RegularizationLabCommand implements Command {
  @Override
  public String name() {
    return "regularization-lab";
  }

  @Override
  public String summary() {
    return "an over-sized MLP on 3,000 images with each regularizer: train vs test accuracy and the gap";
  }

  @Override
  public String usage() {
    return """
          --train N       training samples, drawn from Fashion-MNIST's training set (default 3000)
          --validation N  validation samples, drawn from the rest of it (default 2000)
          --epochs N      epochs per run (default 30)
          --batch N       mini-batch size (default 64)
          --lr X          Adam's learning rate (default 0.001)
          --only A,B      run only these regularizers (none, l2, decoupled, l1, dropout,
                          input_noise, weight_noise, label_smoothing, early_stopping, all)
          --out DIR       where the curves go (default lamina-out/regularization-lab)
          --seed N        seed of the subset and of every run (default 42)
          --threads N     threads per training step (default: all cores; same result for any N)
          --data DIR      directory holding the Fashion-MNIST files""";
  }

  @Override
  public Map<String, Object> run(Options options, PrintStream out) throws Exception {
    int trainSize = options.integer("--train", 3000, 1);
    int validationSize = options.integer("--validation", 2000, 1);
    RegularizationLab.Settings settings = new RegularizationLab.Settings(
        options.integer("--epochs", 30, 1), options.integer("--batch", 64, 1),
        options.number("--lr", 1e-3, 0), options.longValue("--seed", 42),
        options.integer("--threads", Runtime.getRuntime().availableProcessors(), 1));
    List<String> only = Arrays.asList(options.string("--only", "").split(","));
    Path dir = options.path("--out").orElse(Path.of("lamina-out", "regularization-lab"));
    List<RegularizationLab.Regularizer> regularizers = select(only);
    Outputs.checkDirectory("--out", dir);
    FashionMnist data = FashionData.load(options);
    if (trainSize <= 0 || validationSize <= 0 || trainSize + validationSize > data.train().size()) {
      throw new Options.UsageException("--train and --validation must be > 0 and add up to at most "
          + data.train().size() + ", got " + trainSize + " and " + validationSize);
    }
    int[] order = Dataset.permutation(data.train().size(), new SplittableRandom(settings.seed()));
    Dataset train = data.train().select(Arrays.copyOfRange(order, 0, trainSize));
    Dataset validation = data.train().select(
        Arrays.copyOfRange(order, trainSize, trainSize + validationSize));
    out.printf(Locale.ROOT, "784-256-256-10 MLP (270k weights), Adam lr %s, batch %d, "
            + "%d epochs; %d training, %d validation (strengths are chosen on it), %d test samples%n",
        settings.learningRate(), settings.batchSize(), settings.epochs(), train.size(),
        validation.size(), data.test().size());

    RegularizationLab lab = new RegularizationLab(settings);
    List<RegularizationLab.Outcome> outcomes = new ArrayList<>();
    for (RegularizationLab.Regularizer r : regularizers) {
      RegularizationLab.Outcome o = lab.run(r, train, validation, data.test(), out::println);
      outcomes.add(o);
      String title = r.name() + " (" + o.chosen().candidate().strength() + ")";
      LearningCurveChart.of(o.history()).title(title).write(dir.resolve(r.name() + ".png"));
      HistoryFiles.writeCsv(o.history(), dir.resolve(r.name() + ".csv"));
      HistoryFiles.writeJson(o.history(), dir.resolve(r.name() + ".json"));
    }
    printTable(out, outcomes);
    out.println("Learning curves (PNG), and the same numbers as CSV and JSON, in " + dir.toAbsolutePath());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (RegularizationLab.Outcome o : outcomes) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("regularizer", o.regularizer().name());
      row.put("train_accuracy", o.trainAccuracy());
      row.put("test_accuracy", o.testAccuracy());
      row.put("gap", o.gap());
      row.putAll(trialJson(o.chosen()));
      // Every strength tried, so that the choice can be checked.
      row.put("trials", o.trials().stream().map(RegularizationLabCommand::trialJson).toList());
      rows.add(row);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("rows", rows);
    return json;
  }

  private static Map<String, Object> trialJson(RegularizationLab.Trial trial) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("strength", trial.candidate().strength());
    json.put("validation_accuracy", trial.validationAccuracy());
    json.put("epochs", trial.epochs());
    json.put("kept_epoch", trial.keptEpoch());
    return json;
  }

  private static List<RegularizationLab.Regularizer> select(List<String> only) {
    List<RegularizationLab.Regularizer> all = RegularizationLab.regularizers();
    if (only.size() == 1 && only.get(0).isEmpty()) {
      return all;
    }
    List<String> names = all.stream().map(RegularizationLab.Regularizer::name).toList();
    for (String name : only) {
      if (!names.contains(name)) {
        throw new Options.UsageException("--only: unknown regularizer '" + name + "'; choose from "
            + String.join(", ", names));
      }
    }
    return all.stream().filter(r -> only.contains(r.name())).toList();
  }

  /** A Markdown table, so that it can go into the docs as printed. */
  private static void printTable(PrintStream out, List<RegularizationLab.Outcome> outcomes) {
    double baseGap = outcomes.stream().filter(o -> o.regularizer().name().equals("none"))
        .mapToDouble(RegularizationLab.Outcome::gap).findFirst().orElse(Double.NaN);
    out.println();
    out.println("| regularizer | strength (chosen on validation) | epochs run | weights of epoch "
        + "| validation acc | train acc | test acc | gap | gap vs none |");
    out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (RegularizationLab.Outcome o : outcomes) {
      out.printf(Locale.ROOT, "| %s | %s | %d | %d | %.4f | %.4f | %.4f | %.4f | %s |%n",
          o.regularizer().name(), o.chosen().candidate().strength(), o.chosen().epochs(),
          o.chosen().keptEpoch(),
          o.chosen().validationAccuracy(), o.trainAccuracy(), o.testAccuracy(), o.gap(),
          Double.isNaN(baseGap) || o.regularizer().name().equals("none") ? ""
              : String.format(Locale.ROOT, "%+.4f", o.gap() - baseGap));
    }
    out.println();
  }
}
