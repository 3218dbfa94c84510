package dev.lamina.examples;

import dev.lamina.augment.Augmentation;
import dev.lamina.augment.AugmentationSpec;
import dev.lamina.data.Dataset;
import dev.lamina.data.FashionMnist;
import dev.lamina.nn.Evaluation;
import dev.lamina.train.Optimizer;
import dev.lamina.train.ProgressBar;
import dev.lamina.train.Trainer;
import dev.lamina.train.TrainingResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bin/lamina augmentation-lab}: trains the Fashion-MNIST MLP with and without augmentation,
 * on the whole training set and on a small subset (where more data matters most), and reports
 * each run's accuracy on its own (clean) training data, on the test set, and the gap between.
 */
final class AugmentationLabCommand implements Command {
  @Override
  public String name() {
    return "augmentation-lab";
  }

  @Override
  public String summary() {
    return "train the MLP with and without augmentation, full set and a subset; test accuracy and gap";
  }

  @Override
  public String usage() {
    return FashionAugmentation.usage("fashion") + "\n" + """
          --train-size N     size of the full training set (default: all 55,000 not held out)
          --epochs N         epochs on the full training set (default 10)
          --subset N         size of the small training subset (default 2000)
          --subset-epochs N  epochs on the subset (default 150)
          --batch N          mini-batch size (default 128)
          --lr X             Adam learning rate (default 0.001)
          --seed N           seed of everything random (default 42)
          --threads N        threads per training step (default: all cores)
          --data DIR         directory holding the Fashion-MNIST files""";
  }

  @Override
  public Map<String, Object> run(Options options, PrintStream out) throws Exception {
    Augmentation augmentation = FashionAugmentation.parse(options.string("--augment", "fashion"));
    int trainSize = options.integer("--train-size", 0, 0);
    int epochs = options.integer("--epochs", 10, 1);
    int subset = options.integer("--subset", 2000, 1);
    int subsetEpochs = options.integer("--subset-epochs", 150, 1);
    int batch = options.integer("--batch", 128, 1);
    double lr = options.number("--lr", 1e-3, 0);
    long seed = options.longValue("--seed", 42);
    int threads = options.integer("--threads", Runtime.getRuntime().availableProcessors(), 1);
    FashionMnist data = FashionData.load(options);
    Dataset.Split split = data.train().split(1.0 / 12, seed);
    Dataset full = split.train();
    if (trainSize < 0 || trainSize > full.size()) {
      throw new Options.UsageException("--train-size must be in [1, " + full.size() + "], got "
          + trainSize);
    }
    full = trainSize == 0 ? full : full.head(trainSize);
    if (subset <= 0 || subset >= full.size()) {
      throw new Options.UsageException("--subset must be in [1, " + (full.size() - 1)
          + "] (smaller than the full training set), got " + subset);
    }
    out.printf(Locale.ROOT, "Fashion-MNIST MLP, augmentation: %s%n", augmentation);

    List<Map<String, Object>> rows = new ArrayList<>();
    for (Dataset train : List.of(full, full.head(subset))) {
      int runEpochs = train.size() == full.size() ? epochs : subsetEpochs;
      for (boolean augmented : new boolean[] {false, true}) {
        out.printf(Locale.ROOT, "%n%s, %,d samples, %d epochs:%n",
            augmented ? "With augmentation" : "Without augmentation", train.size(), runEpochs);
        Trainer.Builder<FashionMlpNet> trainer = FashionMlpNet.trainer()
            .optimizer(Optimizer.adam(lr)).epochs(runEpochs).batchSize(batch).seed(seed)
            .threads(threads).listener(new ProgressBar(out));
        if (augmented) {
          trainer.augmentation(augmentation);
        }
        TrainingResult<FashionMlpNet> result = trainer.build().fit(train, split.validation());
        Evaluation onTrain = result.network().evaluate(train);
        Evaluation onTest = result.network().evaluate(data.test());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("augmentation", augmented);
        row.put("train_size", train.size());
        row.put("epochs", runEpochs);
        row.put("train_accuracy", onTrain.accuracy());
        row.put("validation_accuracy", result.history().last().validationAccuracy());
        row.put("test_accuracy", onTest.accuracy());
        row.put("gap", onTrain.accuracy() - onTest.accuracy());
        row.put("train_seconds", result.history().trainSeconds());
        rows.add(row);
      }
    }

    out.printf("%nAccuracy on the clean training data and on the 10,000 test images%n");
    out.println("  augmentation  train size  epochs | train acc  test acc    gap | seconds");
    for (Map<String, Object> row : rows) {
      out.printf(Locale.ROOT, "  %-12s  %10d  %6d | %9.4f  %8.4f  %+.4f | %7.1f%n",
          row.get("augmentation"), row.get("train_size"), row.get("epochs"),
          row.get("train_accuracy"), row.get("test_accuracy"), row.get("gap"),
          row.get("train_seconds"));
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("augmentation_spec", AugmentationSpec.of(augmentation));
    json.put("rows", rows);
    return json;
  }
}
