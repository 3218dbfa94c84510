package dev.lamina.examples;

import dev.lamina.data.Dataset;
import dev.lamina.data.FashionMnist;
import dev.lamina.nn.Network;
import dev.lamina.report.LineChart;
import dev.lamina.train.EpochStats;
import dev.lamina.train.History;
import dev.lamina.train.Optimizer;
import dev.lamina.train.Trainer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * {@code bin/lamina batchnorm-lab}: the same MLP with and without batch normalization, at a
 * normal and at a high learning rate, and from a poor init; learning curves and a table.
 */
final class BatchNormLabCommand implements Command {
  private record Run(String name, boolean batchNorm, double learningRate, String init,
      LongFunction<Network> factory) {}

  @Override
  public String name() {
    return "batchnorm-lab";
  }

  @Override
  public String summary() {
    return "train the MLP with and without batch norm at normal and high learning rates and a poor init";
  }

  @Override
  public String usage() {
    return """
          --epochs N    epochs per run (default 5)
          --lr X        the normal learning rate of SGD with momentum 0.9 (default 0.02)
          --high-lr X   the high learning rate (default 0.5)
          --out DIR     where the curves go (default lamina-out/batchnorm-lab)
          --seed N      seed of every run (default 42)
          --data DIR    directory holding the Fashion-MNIST files""";
  }

  @Override
  public Map<String, Object> run(Options options, PrintStream out) throws Exception {
    int epochs = options.integer("--epochs", 5, 1);
    double lr = options.number("--lr", 0.02, 0);
    double highLr = options.number("--high-lr", 0.5, 0);
    long seed = options.longValue("--seed", 42);
    Path dir = options.path("--out").orElse(Path.of("lamina-out", "batchnorm-lab"));
    Outputs.checkDirectory("--out", dir);
    FashionMnist data = FashionData.load(options);
    Dataset.Split split = data.train().split(1.0 / 12, seed);
    List<Run> runs = List.of(
        new Run("plain", false, lr, "he", BatchNormLabModels_PlainNet::new),
        new Run("batchnorm", true, lr, "he", BatchNormLabModels_NormalizedNet::new),
        new Run("plain, high lr", false, highLr, "he", BatchNormLabModels_PlainNet::new),
        new Run("batchnorm, high lr", true, highLr, "he", BatchNormLabModels_NormalizedNet::new),
        new Run("plain, poor init", false, lr, "normal_1", BatchNormLabModels_PlainPoorInitNet::new),
        new Run("batchnorm, poor init", true, lr, "normal_1",
            BatchNormLabModels_NormalizedPoorInitNet::new));

    out.printf("%-22s %-6s %-9s %-9s %12s %10s%n", "run", "BN", "lr", "init", "val accuracy", "val loss");
    LineChart accuracy = LineChart.titled("Validation accuracy per epoch (SGD, momentum 0.9)")
        .axes("epoch", "validation accuracy", true);
    LineChart loss = LineChart.titled("Validation loss per epoch (SGD, momentum 0.9)")
        .axes("epoch", "validation loss", true);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Run run : runs) {
      History history = Trainer.builder(run.factory())
          .optimizer(Optimizer.sgd(run.learningRate()).momentum(0.9))
          .epochs(epochs).batchSize(128).seed(seed).build()
          .fit(split.train(), split.validation()).history();
      EpochStats last = history.last();
      out.printf(Locale.ROOT, "%-22s %-6s %-9s %-9s %12.4f %10.4f%n", run.name(), run.batchNorm(),
          run.learningRate(), run.init(), last.validationAccuracy(), last.validationLoss());
      double[] x = history.epochs().stream().mapToDouble(EpochStats::epoch).toArray();
      String label = run.name() + " (lr " + run.learningRate() + ")";
      accuracy.series(label, x, history.epochs().stream().mapToDouble(EpochStats::validationAccuracy).toArray());
      loss.series(label, x, history.epochs().stream().mapToDouble(EpochStats::validationLoss).toArray());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", run.name());
      row.put("batchnorm", run.batchNorm());
      row.put("learning_rate", run.learningRate());
      row.put("init", run.init());
      row.put("val_accuracy", last.validationAccuracy());
      row.put("val_loss", last.validationLoss());
      rows.add(row);
    }
    Files.createDirectories(dir);
    accuracy.write(dir.resolve("validation-accuracy.png"), 1000, 480);
    loss.write(dir.resolve("validation-loss.png"), 1000, 480);
    out.println("Curves: " + dir.resolve("validation-accuracy.png") + ", "
        + dir.resolve("validation-loss.png"));
    return Map.of("runs", rows);
  }
}
