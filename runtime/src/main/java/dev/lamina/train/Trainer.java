package dev.lamina.train;

import dev.lamina.augment.Augmentation;
import dev.lamina.augment.AugmentedBatches;
import dev.lamina.data.Dataset;
import dev.lamina.internal.TrainingStep;
import dev.lamina.nn.InputScaling;
import dev.lamina.nn.Network;
import dev.lamina.nn.Seeds;
import dev.lamina.nn.TaskFit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.function.LongFunction;

/**
 * Trains a network with mini-batch gradient descent: each epoch visits the training samples in a
 * fresh seeded order, and ends with an evaluation on the validation data. The same seed gives the
 * same weights, bit for bit. Weight decay, weight noise and early stopping are settings here; a
 * NaN or infinite training loss always stops training (see {@link TrainingEnd}).
 *
 * <pre>{@code
 * TrainingResult<FashionMlpNet> result = FashionMlpNet.trainer()
 *     .optimizer(Optimizer.adam(1e-3)).epochs(10).batchSize(128).seed(42)
 *     .build()
 *     .fit(split.train(), split.validation());
 * }</pre>
 */
public final class Trainer<N extends Network> {
  static {
    // Before a generated network links Vector API types: one message that says what to add.
    dev.lamina.nn.VectorApiCheck.require();
  }

  private final LongFunction<N> factory;
  private final TrainingConfig config;
  private final int threads;
  private final TrainingListener listener;

  private Trainer(Builder<N> b) {
    this.factory = b.factory;
    this.config = b.config.build();
    this.threads = b.threads;
    this.listener = b.listener;
  }

  /** A builder whose {@link #fit(Dataset, Dataset)} creates networks with {@code factory(seed)}. */
  public static <N extends Network> Builder<N> builder(LongFunction<N> factory) {
    return new Builder<>(Objects.requireNonNull(factory, "factory"));
  }

  /** What this trainer's runs compute with. */
  public TrainingConfig config() {
    return config;
  }

  /** Creates a network from the trainer's seed and trains it. */
  public TrainingResult<N> fit(Dataset train, Dataset validation) {
    return fit(factory.apply(Seeds.derive(config.seed(), "init")), train, validation);
  }

  /**
   * Trains {@code network} from its current weights until the epochs are used up, early stopping
   * stops it, a training loss is not finite or the thread is interrupted; {@link
   * History#end()} says which, and which epoch's weights the network has.
   */
  public TrainingResult<N> fit(N network, Dataset train, Dataset validation) {
    try {
      return train(network, train, validation, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // only reading a checkpoint throws it
    }
  }

  /**
   * Goes on with the run saved in {@code checkpoint} (see {@link Checkpoints}) on a new network,
   * bit for bit as if it had never stopped. The trainer must have the settings and the data of
   * the run that wrote it; only the number of epochs, threads and listener may differ.
   *
   * @throws dev.lamina.io.ModelFileException if the checkpoint does not fit this model, trainer
   *     or data, or is damaged; nothing has trained then
   */
  public TrainingResult<N> resume(Path checkpoint, Dataset train, Dataset validation)
      throws IOException {
    return train(factory.apply(Seeds.derive(config.seed(), "init")), train, validation,
        checkpoint);
  }

  private TrainingResult<N> train(N network, Dataset train, Dataset validation, Path resume)
      throws IOException {
    requireMatches(network, train, "train");
    requireMatches(network, validation, "validation");
    if (config.augmentation() != null) {
      TaskFit.requireAugmentable(network.spec(), train);
    }
    // @Standardize and the like: statistics of the training set only, unless already fitted
    InputScaling.fitIfUnfitted(network, train);
    network.threads(threads);
    int rowsPerBatch = Math.min(config.batchSize(), train.size());
    requireTrainableLastBatch(network, train.size(), rowsPerBatch);
    WeightNoise noise = config.weightNoise() > 0
        ? new WeightNoise(network.parameters(), config.weightNoise(),
            Seeds.derive(config.seed(), "weight-noise"))
        : null;
    TrainingStep step = new TrainingStep(network, regularized(noise), rowsPerBatch);
    History history = new History();
    Stopping stopping = new Stopping(config.earlyStopping(), network);
    Checkpointer checkpointer = new Checkpointer(config.checkpoints(), settings(train, validation));
    Checkpointer.Resumed start = start(resume, checkpointer, network, step, stopping, history);
    int epochs = config.epochs();
    Augmentation augmentation = config.augmentation();
    TrainingEnd end = start.last() == null ? null
        : stopping.afterEpoch(start.last(), start.steps(), start.epoch() == epochs);
    int epoch = start.epoch() + 1;
    IntFunction<int[]> orders = e -> shuffle(train.size(), e);
    // Augmented batches are prepared ahead on another thread, in the same sample orders.
    // A resumed run prepares the batches of its remaining epochs, as the whole run would have.
    AugmentedBatches augmented = augmentation == null || end != null ? null
        : AugmentedBatches.resume(augmentation, train, rowsPerBatch, network.outputSize(), epoch,
            epochs, orders, Seeds.derive(config.seed(), "augment"));
    BatchLoop batches = new BatchLoop(train, rowsPerBatch, orders, step, noise, augmented,
        Seeds.derive(config.seed(), "dropout"), start.steps(), stopping, listener);
    try {
      for (; end == null; epoch++) {
        listener.onEpochStart(epoch, epochs, batches.count());
        end = batches.run(epoch);
        if (end != null) {
          break;
        }
        EpochStats stats = batches.stats(epoch, network.evaluate(validation));
        history.add(stats);
        listener.onEpochEnd(stats, epochs);
        checkpointer.epochEnded(epoch, batches.steps(), network, step.stepper(), stopping,
            history);
        end = stopping.afterEpoch(stats, batches.steps(), epoch == epochs);
      }
      checkpointer.finish();
    } finally {
      batches.close();
      if (end == null) {
        stopping.failed();
      }
    }
    history.end(end);
    listener.onTrainingEnd(end);
    return new TrainingResult<>(network, history);
  }

  /** The optimizer with the run's weight decay and weight noise, if it has any. */
  private Optimizer regularized(WeightNoise noise) {
    return config.weightDecay().isPresent() || noise != null
        ? new RegularizedOptimizer(config.optimizer(), config.weightDecay(), noise)
        : config.optimizer();
  }

  /**
   * Where the run starts: after the epoch saved in {@code resume}, restored into the run, or
   * before the first epoch (epoch 0, no stats) when {@code resume} is null.
   */
  private Checkpointer.Resumed start(Path resume, Checkpointer checkpointer, N network,
      TrainingStep step, Stopping stopping, History history) throws IOException {
    if (resume == null) {
      if (config.checkpoints() != null) {
        step.stepper().state(); // fails now, not after an epoch, if the optimizer cannot be saved
      }
      return new Checkpointer.Resumed(0, 0, null);
    }
    Checkpointer.Resumed resumed =
        checkpointer.resume(resume, network, step.stepper(), stopping, history);
    if (resumed.epoch() > config.epochs()) {
      throw new IllegalArgumentException("epochs must be at least " + resumed.epoch()
          + " to resume " + resume + ", which is at epoch " + resumed.epoch() + "; got "
          + config.epochs());
    }
    return resumed;
  }

  /** What a resumed run must share with the run that wrote its checkpoint. */
  private Map<String, String> settings(Dataset train, Dataset validation) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("seed", Long.toString(config.seed()));
    s.put("batch_size", Integer.toString(config.batchSize()));
    s.put("optimizer", config.optimizer().toString());
    s.put("weight_decay", config.weightDecay().toString());
    s.put("weight_noise", Double.toString(config.weightNoise()));
    s.put("early_stopping", String.valueOf(config.earlyStopping()));
    s.put("augmentation", String.valueOf(config.augmentation()));
    s.put("train_samples", Integer.toString(train.size()));
    s.put("validation_samples", Integer.toString(validation.size()));
    return s;
  }

  /** The order in which epoch {@code epoch} visits the training samples. */
  private int[] shuffle(int size, int epoch) {
    return Dataset.permutation(size,
        new SplittableRandom(Seeds.derive(Seeds.derive(config.seed(), "shuffle"), epoch)));
  }

  /** Batch normalization cannot train on a batch of one sample: its variance is 0. */
  private static void requireTrainableLastBatch(Network network, int samples, int rowsPerBatch) {
    int last = samples % rowsPerBatch;
    if (last > 0 && last < network.spec().minTrainingRows()) {
      int suggestion = rowsPerBatch + 1;
      while (samples % suggestion == 1) {
        suggestion++;
      }
      throw new IllegalArgumentException("batchSize " + rowsPerBatch + " leaves a last batch of "
          + last + " sample of the " + samples + " training samples, and " + network.spec().name()
          + " uses batch normalization, which needs at least 2 per batch; use e.g. batchSize "
          + suggestion);
    }
  }

  private static void requireMatches(Network network, Dataset data, String name) {
    if (data.featureSize() != network.inputSize()) {
      throw new IllegalArgumentException(name + " has " + data.featureSize()
          + " features per sample but " + network.spec().name() + " takes " + network.inputSize());
    }
    TaskFit.require(network.spec(), data, name);
    if (data.size() == 0) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
  }

  /**
   * Settings of a {@link Trainer}: its {@link TrainingConfig}, whole with {@link #config} or one
   * setting at a time (each documented on {@link TrainingConfig}, starting from {@link
   * TrainingConfig#DEFAULTS}), and how the run executes: threads and listener.
   */
  public static final class Builder<N extends Network> {
    private final LongFunction<N> factory;
    private TrainingConfig.Builder config = TrainingConfig.builder();
    private int threads = TrainingConfig.availableThreads();
    private TrainingListener listener = TrainingListener.SILENT;

    private Builder(LongFunction<N> factory) {
      this.factory = factory;
    }

    /** Replaces every setting of the training configuration with {@code config}'s. */
    public Builder<N> config(TrainingConfig config) {
      this.config = Objects.requireNonNull(config, "config").toBuilder();
      return this;
    }

    /** See {@link TrainingConfig#optimizer()}. */
    public Builder<N> optimizer(Optimizer optimizer) {
      config.optimizer(optimizer);
      return this;
    }

    /** See {@link TrainingConfig#epochs()}. */
    public Builder<N> epochs(int epochs) {
      config.epochs(epochs);
      return this;
    }

    /** See {@link TrainingConfig#batchSize()}. */
    public Builder<N> batchSize(int batchSize) {
      config.batchSize(batchSize);
      return this;
    }

    /** See {@link TrainingConfig#seed()}. */
    public Builder<N> seed(long seed) {
      config.seed(seed);
      return this;
    }

    /** See {@link TrainingConfig#weightDecay()}. */
    public Builder<N> weightDecay(WeightDecay weightDecay) {
      config.weightDecay(weightDecay);
      return this;
    }

    /** See {@link TrainingConfig#weightNoise()}. */
    public Builder<N> weightNoise(double std) {
      config.weightNoise(std);
      return this;
    }

    /** See {@link TrainingConfig#checkpoints()}. */
    public Builder<N> checkpoints(Checkpoints checkpoints) {
      config.checkpoints(checkpoints);
      return this;
    }

    /** See {@link TrainingConfig#earlyStopping()}. */
    public Builder<N> earlyStopping(EarlyStopping earlyStopping) {
      config.earlyStopping(earlyStopping);
      return this;
    }

    /** See {@link TrainingConfig#augmentation()}: prepared on a thread ahead of the step. */
    public Builder<N> augmentation(Augmentation augmentation) {
      config.augmentation(augmentation);
      return this;
    }

    /**
     * Threads each training step runs on; the weights come out bit-identical for any number.
     * Default: every available processor.
     */
    public Builder<N> threads(int threads) {
      this.threads = TrainingConfig.requirePositive("threads", threads);
      return this;
    }

    /** Default: silent. Use {@code new ProgressBar(System.out)} for a progress bar. */
    public Builder<N> listener(TrainingListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public Trainer<N> build() {
      return new Trainer<>(this);
    }
  }
}
