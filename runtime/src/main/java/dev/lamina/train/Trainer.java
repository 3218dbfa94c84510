package dev.lamina.train;

import dev.lamina.augment.Augmentation;
import dev.lamina.augment.AugmentedBatches;
import dev.lamina.data.Dataset;
import dev.lamina.internal.TrainingStep;
import dev.lamina.nn.InputScaling;
import dev.lamina.nn.Network;
import dev.lamina.nn.Parameters;
import dev.lamina.nn.Seeds;
import dev.lamina.nn.TaskFit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 *
 * @param <N> the type of network it trains
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
    this.listener = new Listeners(b.listeners);
  }

  /**
   * A builder whose {@link #fit(Dataset, Dataset)} creates networks with {@code factory(seed)}.
   *
   * @param <N> the network's type
   * @param factory makes a network from a seed
   * @return a builder with {@link TrainingConfig#DEFAULTS}
   */
  public static <N extends Network> Builder<N> builder(LongFunction<N> factory) {
    return new Builder<>(Objects.requireNonNull(factory, "factory"));
  }

  /**
   * What this trainer's runs compute with.
   *
   * @return the configuration
   */
  public TrainingConfig config() {
    return config;
  }

  /**
   * Creates a network from the trainer's seed and trains it, without validation data.
   *
   * @param train the training data
   * @return the trained network and its history
   */
  public TrainingResult<N> fit(Dataset train) {
    return fit(train, null);
  }

  /**
   * Creates a network from the trainer's seed and trains it, evaluating it on {@code validation}
   * after every epoch; {@code validation} may be null: no evaluation (the epochs' validation
   * figures are NaN), and then nothing may watch a validation metric.
   *
   * @param train the training data
   * @param validation the validation data, or null
   * @return the trained network and its history
   * @throws IllegalArgumentException if {@code validation} is null and early stopping or a
   *     reduce-on-plateau schedule watches a validation metric (before any network is made), or
   *     the data does not fit the network
   */
  public TrainingResult<N> fit(Dataset train, Dataset validation) {
    requireValidationIfWatched(validation);
    return fit(factory.apply(Seeds.derive(config.seed(), "init")), train, validation);
  }

  /**
   * Trains {@code network} from its current weights until the epochs are used up, early stopping
   * stops it, a training loss is not finite, a listener stops it or the thread is interrupted;
   * {@link History#end()} says which, and which epoch's weights the network has. {@code
   * validation} may be null, as in {@link #fit(Dataset, Dataset)}. Frozen layers keep their
   * weights; the others train.
   *
   * @param network the network to train, in place
   * @param train the training data
   * @param validation the validation data, or null
   * @return {@code network} and its history
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
   * @param checkpoint a checkpoint file this trainer's settings wrote
   * @param train the run's training data
   * @param validation the run's validation data, or null
   * @return the network trained to the end and the whole run's history
   * @throws dev.lamina.io.ModelFileException if the checkpoint does not fit this model, trainer
   *     or data, or is damaged; nothing has trained then
   * @throws IOException if the checkpoint cannot be read
   */
  public TrainingResult<N> resume(Path checkpoint, Dataset train, Dataset validation)
      throws IOException {
    requireValidationIfWatched(validation);
    return train(factory.apply(Seeds.derive(config.seed(), "init")), train, validation,
        checkpoint);
  }

  /** Before a network is made: a run without validation data must not watch a validation metric. */
  private void requireValidationIfWatched(Dataset validation) {
    if (validation == null) {
      RunChecks.requireNoValidationMetric(config);
    }
  }

  private TrainingResult<N> train(N network, Dataset train, Dataset validation, Path resume)
      throws IOException {
    RunChecks.requireMatches(network, train, "train");
    if (config.augmentation() != null) {
      TaskFit.requireAugmentable(network.spec(), train);
    }
    if (validation != null) {
      RunChecks.requireMatches(network, validation, "validation");
    } else {
      RunChecks.requireNoValidationMetric(config);
    }
    // @Standardize and the like: statistics of the training set only, unless already fitted
    InputScaling.fitIfUnfitted(network, train);
    network.threads(threads);
    int rowsPerBatch = Math.min(config.batchSize(), train.size());
    RunChecks.requireTrainableLastBatch(network, train.size(), rowsPerBatch);
    Parameters trainable = RunChecks.trainable(network, config.frozen());
    WeightNoise noise = config.weightNoise() > 0
        ? new WeightNoise(trainable, config.weightNoise(),
            Seeds.derive(config.seed(), "weight-noise"))
        : null;
    TrainingStep step = new TrainingStep(network, regularized(noise), trainable, rowsPerBatch);
    int batchCount = (train.size() + rowsPerBatch - 1) / rowsPerBatch;
    Rates rates = new Rates(config.schedule(), config.optimizer().learningRate(),
        config.epochs(), batchCount);
    if (rates.varies()) {
      step.stepper().learningRate(rates.rate(1, 0)); // fails now if the optimizer cannot follow
    }
    History history = new History();
    Stopping stopping = new Stopping(config.earlyStopping(), network);
    Checkpointer checkpointer = new Checkpointer(config.checkpoints(), settings(train, validation));
    Checkpointer.Resumed start =
        start(resume, checkpointer, network, step, stopping, rates, history);
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
    TrainingRun run = new TrainingRun(network);
    BatchLoop batches = new BatchLoop(train, rowsPerBatch, orders, step, noise, augmented,
        Seeds.derive(config.seed(), "dropout"), start.steps(), stopping, listener, rates, run);
    try {
      if (end == null) {
        listener.onTrainingStart(run);
      }
      for (; end == null; epoch++) {
        listener.onEpochStart(epoch, epochs, batches.count());
        end = batches.run(epoch);
        if (end != null) {
          break;
        }
        EpochStats stats = batches.stats(epoch,
            validation == null ? RunChecks.NO_VALIDATION : network.evaluate(validation));
        history.add(stats);
        listener.onEpochEnd(stats, epochs);
        rates.epochEnded(stats, network);
        checkpointer.epochEnded(epoch, batches.steps(), network, step.stepper(), stopping,
            rates, history);
        end = stopping.afterEpoch(stats, batches.steps(), epoch == epochs);
        if (end == null && run.stopReason() != null) {
          end = stopping.stopped(epoch, batches.steps(), run.stopReason());
        }
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

  /** The optimizer with the run's weight decay, weight noise and clipping, if it has any. */
  private Optimizer regularized(WeightNoise noise) {
    return config.weightDecay().isPresent() || noise != null || config.clipping() != null
        ? new RegularizedOptimizer(config.optimizer(), config.weightDecay(), noise,
            config.clipping())
        : config.optimizer();
  }

  /**
   * Where the run starts: after the epoch saved in {@code resume}, restored into the run, or
   * before the first epoch (epoch 0, no stats) when {@code resume} is null.
   */
  private Checkpointer.Resumed start(Path resume, Checkpointer checkpointer, N network,
      TrainingStep step, Stopping stopping, Rates rates, History history) throws IOException {
    if (resume == null) {
      if (config.checkpoints() != null) {
        step.stepper().state(); // fails now, not after an epoch, if the optimizer cannot be saved
      }
      return new Checkpointer.Resumed(0, 0, null);
    }
    Checkpointer.Resumed resumed =
        checkpointer.resume(resume, network, step.stepper(), stopping, rates, history);
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
    // Settings added later are recorded only when set, so older checkpoints still resume.
    if (!config.schedule().equals(LearningRateSchedule.CONSTANT)) {
      s.put("schedule", config.schedule()
          + (config.schedule().spansRun() ? " over " + config.epochs() + " epochs" : ""));
    }
    if (config.clipping() != null) {
      s.put("clipping", config.clipping().toString());
    }
    if (!config.frozen().isEmpty()) {
      s.put("frozen", String.join(",", config.frozen()));
    }
    s.put("train_samples", Integer.toString(train.size()));
    s.put("validation_samples", validation == null ? "none" : Integer.toString(validation.size()));
    return s;
  }

  /** The order in which epoch {@code epoch} visits the training samples. */
  private int[] shuffle(int size, int epoch) {
    return Dataset.permutation(size,
        new SplittableRandom(Seeds.derive(Seeds.derive(config.seed(), "shuffle"), epoch)));
  }

  /**
   * Settings of a {@link Trainer}: its {@link TrainingConfig}, whole with {@link #config} or one
   * setting at a time (each documented on {@link TrainingConfig}, starting from {@link
   * TrainingConfig#DEFAULTS}), and how the run executes: threads and listener.
   *
   * @param <N> the type of network it trains
   */
  public static final class Builder<N extends Network> {
    private final LongFunction<N> factory;
    private TrainingConfig.Builder config = TrainingConfig.builder();
    private int threads = TrainingConfig.availableThreads();
    private final List<TrainingListener> listeners = new ArrayList<>();

    private Builder(LongFunction<N> factory) {
      this.factory = factory;
    }

    /**
     * Replaces every setting of the training configuration with {@code config}'s.
     *
     * @param config the configuration
     * @return this builder
     */
    public Builder<N> config(TrainingConfig config) {
      this.config = Objects.requireNonNull(config, "config").toBuilder();
      return this;
    }

    /**
     * See {@link TrainingConfig#optimizer()}.
     *
     * @param optimizer the optimizer
     * @return this builder
     */
    public Builder<N> optimizer(Optimizer optimizer) {
      config.optimizer(optimizer);
      return this;
    }

    /**
     * See {@link TrainingConfig#epochs()}.
     *
     * @param epochs the most epochs, > 0
     * @return this builder
     */
    public Builder<N> epochs(int epochs) {
      config.epochs(epochs);
      return this;
    }

    /**
     * See {@link TrainingConfig#batchSize()}.
     *
     * @param batchSize samples per step, > 0
     * @return this builder
     */
    public Builder<N> batchSize(int batchSize) {
      config.batchSize(batchSize);
      return this;
    }

    /**
     * See {@link TrainingConfig#seed()}.
     *
     * @param seed the seed of everything random
     * @return this builder
     */
    public Builder<N> seed(long seed) {
      config.seed(seed);
      return this;
    }

    /**
     * See {@link TrainingConfig#weightDecay()}.
     *
     * @param weightDecay the decay
     * @return this builder
     */
    public Builder<N> weightDecay(WeightDecay weightDecay) {
      config.weightDecay(weightDecay);
      return this;
    }

    /**
     * See {@link TrainingConfig#weightNoise()}.
     *
     * @param std the noise's standard deviation, ≥ 0; 0 for none
     * @return this builder
     */
    public Builder<N> weightNoise(double std) {
      config.weightNoise(std);
      return this;
    }

    /**
     * See {@link TrainingConfig#checkpoints()}.
     *
     * @param checkpoints where and how often; null for none
     * @return this builder
     */
    public Builder<N> checkpoints(Checkpoints checkpoints) {
      config.checkpoints(checkpoints);
      return this;
    }

    /**
     * See {@link TrainingConfig#earlyStopping()}.
     *
     * @param earlyStopping when to stop; null for never
     * @return this builder
     */
    public Builder<N> earlyStopping(EarlyStopping earlyStopping) {
      config.earlyStopping(earlyStopping);
      return this;
    }

    /**
     * See {@link TrainingConfig#augmentation()}: prepared on a thread ahead of the step.
     *
     * @param augmentation what to do to each training sample; null for nothing
     * @return this builder
     */
    public Builder<N> augmentation(Augmentation augmentation) {
      config.augmentation(augmentation);
      return this;
    }

    /**
     * See {@link TrainingConfig#schedule()}.
     *
     * @param schedule the learning-rate schedule
     * @return this builder
     */
    public Builder<N> schedule(LearningRateSchedule schedule) {
      config.schedule(schedule);
      return this;
    }

    /**
     * See {@link TrainingConfig#clipping()}.
     *
     * @param clipping the gradient limit; null for none
     * @return this builder
     */
    public Builder<N> clipping(GradientClipping clipping) {
      config.clipping(clipping);
      return this;
    }

    /**
     * See {@link TrainingConfig#frozen()}.
     *
     * @param layers the names of the layers that do not train
     * @return this builder
     */
    public Builder<N> frozen(String... layers) {
      config.frozen(layers);
      return this;
    }

    /**
     * Threads each training step runs on; the weights come out bit-identical for any number.
     * Default: every available processor.
     *
     * @param threads the thread count, > 0
     * @return this builder
     */
    public Builder<N> threads(int threads) {
      this.threads = TrainingConfig.requirePositive("threads", threads);
      return this;
    }

    /**
     * Adds a listener; each is told, in the order they were added. None by default. Use {@code
     * new ProgressBar(System.out)} for a progress bar.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder<N> listener(TrainingListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** {@return the trainer} */
    public Trainer<N> build() {
      return new Trainer<>(this);
    }
  }
}
