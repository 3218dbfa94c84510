package dev.lamina.examples;

import dev.lamina.augment.Augmentation;
import dev.lamina.augment.AugmentationSpec;
import dev.lamina.data.Dataset;
import dev.lamina.data.FashionMnist;
import dev.lamina.io.ModelFile;
import dev.lamina.io.SafeTensors;
import dev.lamina.io.Tensor;
import dev.lamina.nn.Evaluation;
import dev.lamina.nn.ModelSummary;
import dev.lamina.nn.Network;
import dev.lamina.nn.WeightPrecision;
import dev.lamina.train.Checkpoints;
import dev.lamina.train.Optimizer;
import dev.lamina.train.ProgressBar;
import dev.lamina.train.Trainer;
import dev.lamina.train.TrainingConfig;
import dev.lamina.train.TrainingResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bin/lamina fashion-mlp}: trains {@link FashionMlp} and reports its test accuracy, or
 * evaluates a saved one ({@code --load}); saves the model and the test logits on request.
 */
final class FashionMlpCommand implements Command {
  @Override
  public String name() {
    return "fashion-mlp";
  }

  @Override
  public String summary() {
    return "train the 784-256-128-10 MLP (He init, ReLU, dropout) on Fashion-MNIST";
  }

  @Override
  public String usage() {
    return """
          --recipe NAME       'default' (the small, fast run below) or 'best': the 784-1024-512-10
                              MLP with AdamW, warm-up and cosine decay and the preset augmentation
                              for 40 epochs, past 0.90 test accuracy (docs/training.md)
          --epochs N          epochs to train (default 10; 40 with --recipe best)
          --batch N           mini-batch size (default 128)
          --lr X              Adam's (--recipe best: AdamW's) learning rate (default 0.001)
          --seed N            seed of weights, shuffling and dropout (default 42)
          --threads N         threads per training step (default: all cores; same result for any N)
          --data DIR          directory holding the Fashion-MNIST files
          --save FILE         write the trained model to FILE (safetensors, PyTorch's layout)
          --load FILE         evaluate the model saved in FILE on the test set; no training
          --save-logits FILE  write the test set's logits to FILE, for scripts/lamina_torch.py check
          --checkpoints DIR   write a checkpoint to DIR every --checkpoint-every epochs and at the end
          --checkpoint-every N  epochs between checkpoints (default 1)
          --resume PATH       go on from a checkpoint file, or from the latest in a directory, bit for
                              bit as if the run had never stopped (give it the run's options)
        """ + OnnxOption.USAGE + FashionAugmentation.usage("none");
  }

  @Override
  public Map<String, Object> run(Options options, PrintStream out) throws Exception {
    Optional<Path> load = options.path("--load");
    Optional<Path> save = options.path("--save");
    Optional<Path> saveLogits = options.path("--save-logits");
    Optional<Path> onnx = options.path("--onnx");
    onnx.ifPresent(file -> Outputs.checkFile("--onnx", file));
    int threads = options.integer("--threads", Runtime.getRuntime().availableProcessors(), 1);
    if (load.isPresent()) {
      if (save.isPresent()) {
        throw new Options.UsageException("--load evaluates a saved model without training, so"
            + " there is nothing to --save; drop one of them");
      }
      for (String training : List.of("--recipe", "--epochs", "--batch", "--lr", "--seed", "--augment",
          "--checkpoints", "--checkpoint-every", "--resume")) {
        if (options.path(training).isPresent()) {
          throw new Options.UsageException(training + " is a training option, but --load"
              + " evaluates a saved model without training; drop one of them");
        }
      }
      saveLogits.ifPresent(file -> Outputs.checkFile("--save-logits", file));
      FashionMnist data = FashionData.load(options);
      return evaluateSaved(load.get(), data, threads, saveLogits, onnx, out);
    }
    String recipe = options.string("--recipe", "default");
    if (!recipe.equals("default") && !recipe.equals("best")) {
      throw new Options.UsageException("--recipe must be 'default' or 'best', got '" + recipe
          + "'");
    }
    boolean best = recipe.equals("best");
    int epochs = options.integer("--epochs", best ? BestRecipe.EPOCHS : 10, 1);
    int batch = options.integer("--batch", 128, 1);
    double lr = options.number("--lr", 1e-3, 0);
    long seed = options.longValue("--seed", 42);
    if (best && options.path("--augment").isPresent()) {
      throw new Options.UsageException("--recipe best brings its own augmentation ("
          + FashionAugmentation.PRESET + "); drop --augment");
    }
    String augment = options.string("--augment", "none");
    Augmentation augmentation = FashionAugmentation.parse(augment);
    Optional<Path> checkpoints = options.path("--checkpoints");
    int every = options.integer("--checkpoint-every", 1, 1);
    Optional<Path> resume = resumeFile(options.path("--resume"));
    save.ifPresent(file -> Outputs.checkFile("--save", file));
    saveLogits.ifPresent(file -> Outputs.checkFile("--save-logits", file));
    checkpoints.ifPresent(dir -> Outputs.checkDirectory("--checkpoints", dir));
    FashionMnist data = FashionData.load(options);
    Dataset.Split split = data.train().split(1.0 / 12, seed);
    TrainingConfig config = (best ? BestRecipe.config(epochs, lr, batch, seed).toBuilder()
        : TrainingConfig.builder().optimizer(Optimizer.adam(lr)).epochs(epochs).batchSize(batch)
            .seed(seed).augmentation(augmentation.isIdentity() ? null : augmentation))
        .checkpoints(checkpoints.map(dir -> Checkpoints.to(dir).every(every)).orElse(null))
        .build();
    out.println(ModelSummary.of(best ? FashionMlpWideNet.SPEC : FashionMlpNet.SPEC));
    out.printf(Locale.ROOT, "Fashion-MNIST from %s: %d train, %d validation, %d test%n",
        data.directory(), split.train().size(), split.validation().size(), data.test().size());
    if (config.augmentation() != null) {
      out.println("Augmentation: " + config.augmentation());
    }
    if (best) {
      out.println("Recipe best: " + config.optimizer() + ", " + config.schedule());
    }
    if (resume.isPresent()) {
      out.println("Resuming from " + resume.get());
    }
    Map<String, Object> json = best
        ? train(FashionMlpWideNet.trainer(), config, threads, resume, split, data, save,
            saveLogits, onnx, out)
        : train(FashionMlpNet.trainer(), config, threads, resume, split, data, save, saveLogits,
            onnx, out);
    checkpoints.ifPresent(dir -> json.put("checkpoints", dir.toString()));
    resume.ifPresent(file -> json.put("resumed_from", file.toString()));
    if (best) {
      json.put("recipe", BestRecipe.describe(config));
    }
    return json;
  }

  /** Trains with {@code config}, reports the test accuracy, saves what was asked for. */
  private static <N extends Network> Map<String, Object> train(Trainer.Builder<N> builder,
      TrainingConfig config, int threads, Optional<Path> resume, Dataset.Split split,
      FashionMnist data, Optional<Path> save, Optional<Path> saveLogits, Optional<Path> onnx,
      PrintStream out) throws IOException {
    Trainer<N> trainer = builder.config(config).threads(threads)
        .listener(new ProgressBar(out)).build();
    TrainingResult<N> result = resume.isPresent()
        ? trainer.resume(resume.get(), split.train(), split.validation())
        : trainer.fit(split.train(), split.validation());
    Evaluation test = result.network().evaluate(data.test());
    out.printf(Locale.ROOT, "Test accuracy %.4f, loss %.4f (%d samples); trained in %.1f s, %,.0f samples/s%n",
        test.accuracy(), test.loss(), test.samples(), result.history().trainSeconds(),
        result.history().samplesPerSecond());

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("test_accuracy", test.accuracy());
    json.put("test_loss", test.loss());
    json.put("validation_accuracy", result.history().last().validationAccuracy());
    copyAccuracy(result.network(), data.test(), test, out, json);
    json.put("epochs", config.epochs());
    json.put("batch_size", config.batchSize());
    json.put("train_seconds", result.history().trainSeconds());
    json.put("train_samples_per_second", result.history().samplesPerSecond());
    json.put("augmentation", config.augmentation() == null ? "none"
        : AugmentationSpec.of(config.augmentation()));
    if (save.isPresent()) {
      Outputs.write("the trained model", save.get(),
          file -> ModelFile.save(result.network(), file));
      out.println("Saved the model to " + save.get());
      json.put("saved", save.get().toString());
    }
    if (saveLogits.isPresent()) {
      json.put("logits", writeLogits(result.network(), data.test(), saveLogits.get(), out));
    }
    OnnxOption.write(onnx, result.network(), out, json);
    return json;
  }

  /** {@code --resume}'s file: the path itself, or the latest checkpoint in a directory. */
  private static Optional<Path> resumeFile(Optional<Path> path) throws IOException {
    if (path.isPresent() && !Files.exists(path.get())) {
      throw new Options.UsageException("--resume " + path.get() + ": no such file or directory;"
          + " give a checkpoint file, or the --checkpoints directory of a run");
    }
    if (path.isEmpty() || !Files.isDirectory(path.get())) {
      return path;
    }
    return Optional.of(Checkpoints.latest(path.get()).orElseThrow(() -> new Options.UsageException(
        "--resume " + path.get() + " holds no checkpoint (epoch-NNNN.safetensors); give a"
            + " checkpoint file, or the --checkpoints directory of a run")));
  }

  private static Map<String, Object> evaluateSaved(Path file, FashionMnist data, int threads,
      Optional<Path> saveLogits, Optional<Path> onnx, PrintStream out) throws IOException {
    FashionMlpNet network = new FashionMlpNet(0); // every tensor is replaced by the file's
    ModelFile.Info info = ModelFile.load(network, file);
    network.threads(threads);
    out.println(ModelSummary.of(network));
    out.println("Loaded " + file + ": " + (info.model().isEmpty()
        ? "weights without Lamina metadata (e.g. saved from PyTorch)"
        : info.model() + " " + info.kind() + " saved by Lamina " + info.laminaVersion()));
    Evaluation test = network.evaluate(data.test());
    out.printf(Locale.ROOT, "Test accuracy %.4f, loss %.4f (%d samples)%n", test.accuracy(),
        test.loss(), test.samples());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("test_accuracy", test.accuracy());
    json.put("test_loss", test.loss());
    copyAccuracy(network, data.test(), test, out, json);
    json.put("loaded", file.toString());
    json.put("saved_by", info.laminaVersion());
    if (saveLogits.isPresent()) {
      json.put("logits", writeLogits(network, data.test(), saveLogits.get(), out));
    }
    OnnxOption.write(onnx, network, out, json);
    return json;
  }

  /**
   * The test accuracy of the network's bfloat16 and int8 inference copies ({@code
   * network.inferenceCopy(precision)}) beside the float network's.
   */
  private static void copyAccuracy(Network network, Dataset test, Evaluation full, PrintStream out,
      Map<String, Object> json) {
    for (WeightPrecision precision : List.of(WeightPrecision.BFLOAT16, WeightPrecision.INT8)) {
      Evaluation copy = network.inferenceCopy(precision).evaluate(test);
      String name = precision == WeightPrecision.BFLOAT16 ? "bf16" : "int8";
      out.printf(Locale.ROOT, "%s inference copy: test accuracy %.4f (%+.2f points), loss %.4f%n",
          precision == WeightPrecision.BFLOAT16 ? "bfloat16" : "int8 (per-unit scales)",
          copy.accuracy(), 100 * (copy.accuracy() - full.accuracy()), copy.loss());
      json.put("test_accuracy_" + name, copy.accuracy());
      json.put("test_loss_" + name, copy.loss());
    }
  }

  /** The inference logits of every sample of {@code data}, as tensor "logits" (samples, classes). */
  private static String writeLogits(Network network, Dataset data, Path file, PrintStream out)
      throws IOException {
    int width = network.inputSize();
    int classes = network.outputSize();
    float[] logits = new float[data.size() * classes];
    int chunk = 500;
    float[] batch = new float[chunk * width];
    for (int start = 0; start < data.size(); start += chunk) {
      int rows = Math.min(chunk, data.size() - start);
      for (int r = 0; r < rows; r++) {
        data.copyFeatures(start + r, batch, r * width);
      }
      System.arraycopy(network.forwardInfer(batch, rows), 0, logits, start * classes,
          rows * classes);
    }
    Outputs.write("the test set's logits", file, to -> SafeTensors.write(to, Map.of("lamina.model",
        network.spec().name(), "lamina.data", "Fashion-MNIST test set, in file order"),
        List.of(new Tensor("logits", new int[] {data.size(), classes}, logits))));
    out.println("Wrote the test set's logits to " + file);
    return file.toString();
  }
}
