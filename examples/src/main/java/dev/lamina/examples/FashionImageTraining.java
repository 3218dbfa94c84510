package dev.lamina.examples;

import dev.lamina.augment.Augmentation;
import dev.lamina.augment.AugmentationSpec;
import dev.lamina.data.Dataset;
import dev.lamina.data.FashionMnist;
import dev.lamina.nn.Evaluation;
import dev.lamina.nn.ModelSummary;
import dev.lamina.nn.Network;
import dev.lamina.nn.NetworkSpec;
import dev.lamina.report.ModelGraphChart;
import dev.lamina.report.PngFiles;
import dev.lamina.train.EarlyStopping;
import dev.lamina.train.Metric;
import dev.lamina.train.ProgressBar;
import dev.lamina.train.Trainer;
import dev.lamina.train.TrainingResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code fashion-cnn} and {@code fashion-resnet} share: Fashion-MNIST split into training and
 * validation, training with the examples' augmentation, the weights of the epoch that did best on
 * validation (every epoch runs; the test set is looked at only at the end), then the test accuracy,
 * printed and as JSON.
 */
final class FashionImageTraining {
  /** The options both commands take, after their own (the defaults are each command's). */
  static String usage(int epochs, double lr, String augmentation) {
    return String.format(Locale.ROOT, """
          --epochs N          epochs to train (default %d)
          --batch N           mini-batch size (default 128)
          --lr X              Adam learning rate (default %s)
          --seed N            seed of weights, shuffling, dropout and augmentation (default 42)
          --threads N         threads per training step (default: all cores; same result for any N)
          --data DIR          directory holding the Fashion-MNIST files
          --graph FILE        write a picture of the model's graph (PNG) before training
        """, epochs, lr) + OnnxOption.USAGE + FashionAugmentation.usage(augmentation);
  }

  private FashionImageTraining() {}

  /**
   * Trains a network of {@code spec} from {@code trainer} (its optimizer and schedule already set
   * by {@code configure}, from the learning rate and epochs) and reports it.
   */
  static <N extends Network> Map<String, Object> run(Options options, PrintStream out,
      NetworkSpec spec, Trainer.Builder<N> trainer, int defaultEpochs, double defaultLr,
      String defaultAugmentation, Configure<N> configure) throws Exception {
    int epochs = options.integer("--epochs", defaultEpochs, 1);
    int batch = options.integer("--batch", 128, 1);
    double lr = options.number("--lr", defaultLr, 0);
    long seed = options.longValue("--seed", 42);
    int threads = options.integer("--threads", Runtime.getRuntime().availableProcessors(), 1);
    String augment = options.string("--augment", defaultAugmentation);
    Augmentation augmentation = augment.equals("none") ? null : FashionAugmentation.parse(augment);
    Optional<Path> onnx = options.path("--onnx");
    onnx.ifPresent(file -> Outputs.checkFile("--onnx", file));
    Optional<Path> graph = options.path("--graph");
    graph.ifPresent(file -> Outputs.checkFile("--graph", file));
    if (graph.isPresent()) {
      Outputs.write("the model's graph", graph.get(),
          file -> PngFiles.write(ModelGraphChart.draw(spec), file));
      out.println("Wrote the model's graph to " + graph.get());
    }
    FashionMnist data = FashionData.load(options);
    Dataset.Split split = data.train().split(1.0 / 12, seed);
    ModelSummary summary = ModelSummary.of(spec);
    out.println(summary);

    out.printf(Locale.ROOT, "Fashion-MNIST from %s: %d train, %d validation, %d test; augmentation: %s%n",
        data.directory(), split.train().size(), split.validation().size(), data.test().size(),
        augmentation == null ? "none" : augment.equals("fashion") ? FashionAugmentation.PRESET : augment);

    configure.apply(trainer, lr, epochs)
        .epochs(epochs)
        .batchSize(batch)
        .seed(seed)
        .threads(threads)
        .listener(new ProgressBar(out))
        .earlyStopping(EarlyStopping.on(Metric.VALIDATION_ACCURACY).patience(epochs));
    if (augmentation != null) {
      trainer.augmentation(augmentation);
    }
    TrainingResult<N> result = trainer.build().fit(split.train(), split.validation());
    Evaluation test = result.network().evaluate(data.test());
    out.printf(Locale.ROOT, "Test accuracy %.4f, loss %.4f (%d samples), weights of epoch %d; "
        + "trained in %.1f s, %,.0f samples/s%n", test.accuracy(), test.loss(), test.samples(),
        result.history().end().bestEpoch(), result.history().trainSeconds(),
        result.history().samplesPerSecond());

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("test_accuracy", test.accuracy());
    json.put("test_loss", test.loss());
    int best = result.history().end().bestEpoch();
    json.put("validation_accuracy", best > 0
        ? result.history().epochs().get(best - 1).validationAccuracy() : Double.NaN);
    json.put("epochs", result.history().epochs().size());
    json.put("best_epoch", best);
    json.put("batch_size", batch);
    json.put("threads", threads);
    json.put("parameters", summary.trainableParameters());
    json.put("augmentation", augmentation == null ? "none" : AugmentationSpec.of(augmentation));
    json.put("train_seconds", result.history().trainSeconds());
    json.put("train_samples_per_second", result.history().samplesPerSecond());
    OnnxOption.write(onnx, result.network(), out, json);
    return json;
  }

  /** Sets a command's optimizer (and schedule) from the learning rate and the epochs. */
  interface Configure<N extends Network> {
    Trainer.Builder<N> apply(Trainer.Builder<N> trainer, double lr, int epochs);
  }
}
