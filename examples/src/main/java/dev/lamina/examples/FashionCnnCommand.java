package dev.lamina.examples;

import dev.lamina.augment.Augmentation;
import dev.lamina.augment.AugmentationSpec;
import dev.lamina.data.Dataset;
import dev.lamina.data.FashionMnist;
import dev.lamina.nn.Evaluation;
import dev.lamina.nn.ModelSummary;
import dev.lamina.train.EarlyStopping;
import dev.lamina.train.Metric;
import dev.lamina.train.Optimizer;
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
 * {@code bin/lamina fashion-cnn}: trains {@link FashionCnn} on Fashion-MNIST with the examples'
 * augmentation and reports its test accuracy, as {@code fashion-mlp} does for the MLP. Every epoch
 * runs; the network ends with the weights of the epoch that did best on the validation split (the
 * test set is never looked at before the end).
 */
final class FashionCnnCommand implements Command {
  /**
   * The CNN's default augmentation: mirror half the images and shift half by up to 2 pixels.
   * Rotating and scaling too held this small network back (docs/convolutions.md).
   */
  static final String AUGMENTATION = "hflip=0.5,crop=0.5:28:28:2";
  static final int EPOCHS = 25;

  @Override
  public String name() {
    return "fashion-cnn";
  }

  @Override
  public String summary() {
    return "train a small CNN (2 conv-BN-ReLU-pool blocks, dropout, dense head) with augmentation";
  }

  @Override
  public String usage() {
    return """
          --epochs N          epochs to train (default 25)
          --batch N           mini-batch size (default 128)
          --lr X              Adam learning rate (default 0.001)
          --seed N            seed of weights, shuffling, dropout and augmentation (default 42)
          --threads N         threads per training step (default: all cores; same result for any N)
          --data DIR          directory holding the Fashion-MNIST files
        """ + OnnxOption.USAGE + FashionAugmentation.usage(AUGMENTATION);
  }

  @Override
  public Map<String, Object> run(Options options, PrintStream out) throws Exception {
    int epochs = options.integer("--epochs", EPOCHS, 1);
    int batch = options.integer("--batch", 128, 1);
    double lr = options.number("--lr", 1e-3, 0);
    long seed = options.longValue("--seed", 42);
    int threads = options.integer("--threads", Runtime.getRuntime().availableProcessors(), 1);
    String augment = options.string("--augment", AUGMENTATION);
    Augmentation augmentation = augment.equals("none") ? null : FashionAugmentation.parse(augment);
    Optional<Path> onnx = options.path("--onnx");
    onnx.ifPresent(file -> Outputs.checkFile("--onnx", file));
    FashionMnist data = FashionData.load(options);
    Dataset.Split split = data.train().split(1.0 / 12, seed);
    out.println(ModelSummary.of(FashionCnnNet.SPEC));
    out.printf(Locale.ROOT, "Fashion-MNIST from %s: %d train, %d validation, %d test; augmentation: %s%n",
        data.directory(), split.train().size(), split.validation().size(), data.test().size(),
        augmentation == null ? "none" : augment.equals("fashion") ? FashionAugmentation.PRESET : augment);

    Trainer.Builder<FashionCnnNet> trainer = FashionCnnNet.trainer()
        .optimizer(Optimizer.adam(lr))
        .epochs(epochs)
        .batchSize(batch)
        .seed(seed)
        .threads(threads)
        .listener(new ProgressBar(out))
        .earlyStopping(EarlyStopping.on(Metric.VALIDATION_ACCURACY).patience(epochs));
    if (augmentation != null) {
      trainer.augmentation(augmentation);
    }
    TrainingResult<FashionCnnNet> result = trainer.build().fit(split.train(), split.validation());
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
    json.put("best_epoch", result.history().end().bestEpoch());
    json.put("batch_size", batch);
    json.put("threads", threads);
    json.put("augmentation", augmentation == null ? "none" : AugmentationSpec.of(augmentation));
    json.put("train_seconds", result.history().trainSeconds());
    json.put("train_samples_per_second", result.history().samplesPerSecond());
    OnnxOption.write(onnx, result.network(), out, json);
    return json;
  }
}
