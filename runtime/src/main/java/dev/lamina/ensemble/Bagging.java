package dev.lamina.ensemble;

import dev.lamina.augment.Augmentation;
import dev.lamina.data.Dataset;
import dev.lamina.nn.Network;
import dev.lamina.nn.Seeds;
import dev.lamina.train.EarlyStopping;
import dev.lamina.train.Metric;
import dev.lamina.train.Optimizer;
import dev.lamina.train.TrainingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * Bootstrap aggregating: trains k members of one model, each from its own seed (initial weights,
 * shuffling, dropout masks) and, by default, on its own bootstrap resample of the training set,
 * then lets them vote. Members train in parallel on a thread pool sized to the machine, each
 * network on one thread; {@link #fit(MemberExecutor)} runs the same tasks on a cluster instead.
 * The same seed gives the same ensemble, bit for bit, on any number of threads or machines.
 *
 * <pre>{@code
 * Bagging<FashionMlpNet> bagging = Bagging.builder(FashionMlpNet.class)
 *     .members(5).epochs(10).optimizer(Optimizer.adam(1e-3)).seed(42)
 *     .build();
 * Ensemble<FashionMlpNet> ensemble = bagging.fit(train);       // threads in this JVM
 * double oob = ensemble.outOfBag().orElseThrow().accuracy();
 * }</pre>
 */
public final class Bagging<N extends Network> {
  private final ModelRef<N> model;
  private final int members;
  private final long seed;
  private final boolean bootstrap;
  private final int epochs;
  private final int batchSize;
  private final OptimizerSettings optimizer;
  private final StoppingSettings earlyStopping;
  private final InProcessOnly<Augmentation> augmentation;
  private final int threads;
  private final EnsembleListener listener;

  private Bagging(Builder<N> b) {
    this.model = b.model;
    this.members = b.members;
    this.seed = b.seed;
    this.bootstrap = b.bootstrap;
    this.epochs = b.epochs;
    this.batchSize = b.batchSize;
    this.optimizer = OptimizerSettings.of(b.optimizer);
    this.earlyStopping = b.earlyStopping == null ? null : StoppingSettings.of(b.earlyStopping);
    this.augmentation =
        b.augmentation == null ? null : new InProcessOnly<>("augmentation", b.augmentation);
    this.threads = b.threads;
    this.listener = b.listener;
  }

  /**
   * Members of {@code type}, created through its public {@code (long seed)} constructor: runs
   * in-process or on a cluster whose members have the class on their class path.
   */
  public static <N extends Network> Builder<N> builder(Class<N> type) {
    return new Builder<>(ModelRef.of(type));
  }

  /** Members made by {@code factory}, e.g. {@code FashionMlpNet::new}: in-process only. */
  public static <N extends Network> Builder<N> builder(LongFunction<N> factory) {
    return new Builder<>(ModelRef.of(factory));
  }

  /** Member {@code index}'s trainer seed, derived from the ensemble's seed. */
  public long memberSeed(int index) {
    return Seeds.derive(seed, (long) index);
  }

  /** One task per member, in member order: everything a member's training depends on. */
  public List<MemberTask> tasks() {
    List<MemberTask> tasks = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      tasks.add(new MemberTask(i, memberSeed(i), bootstrap, epochs, batchSize, optimizer,
          earlyStopping, augmentation));
    }
    return tasks;
  }

  public ModelRef<N> model() {
    return model;
  }

  /** Trains in this JVM on bootstrap resamples of {@code train}, evaluating out of bag. */
  public Ensemble<N> fit(Dataset train) {
    if (!bootstrap) {
      throw new IllegalArgumentException("fit(train) needs bootstrap on, to evaluate each member"
          + " on its out-of-bag samples; with bootstrap(false) call fit(train, validation)");
    }
    return fit(train, null);
  }

  /**
   * Trains in this JVM. Each epoch is evaluated on the member's out-of-bag samples when bootstrap
   * is on, else on {@code validation}.
   */
  public Ensemble<N> fit(Dataset train, Dataset validation) {
    Objects.requireNonNull(train, "train");
    return fit(new InProcessMembers(train, validation, threads));
  }

  /** Trains the members where {@code executor} says: a thread pool or a cluster. */
  public Ensemble<N> fit(MemberExecutor executor) {
    List<MemberTask> tasks = tasks();
    List<MemberResult> results;
    try {
      results = executor.train(model, tasks, listener);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnsembleTrainingException("interrupted while the members trained", e);
    }
    if (results.size() != tasks.size()) {
      throw new EnsembleTrainingException(
          "expected " + tasks.size() + " trained members, got " + results.size());
    }
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i).index() != i) {
        throw new EnsembleTrainingException(
            "result " + i + " is member " + results.get(i).index() + "'s; results must be in order");
      }
    }
    return Ensemble.of(model, results);
  }

  /** Settings of a {@link Bagging}; every one has a default. */
  public static final class Builder<N extends Network> {
    private final ModelRef<N> model;
    private int members = 5;
    private long seed = TrainingSettings.SEED;
    private boolean bootstrap = true;
    private int epochs = TrainingSettings.EPOCHS;
    private int batchSize = TrainingSettings.BATCH_SIZE;
    private Optimizer optimizer = TrainingSettings.OPTIMIZER;
    private EarlyStopping earlyStopping;
    private Augmentation augmentation;
    private int threads = TrainingSettings.threads();
    private EnsembleListener listener = EnsembleListener.SILENT;

    private Builder(ModelRef<N> model) {
      this.model = model;
    }

    /** How many members, k. Default: 5. */
    public Builder<N> members(int members) {
      this.members = TrainingSettings.requirePositive("members", members);
      return this;
    }

    /** The ensemble's seed; member i trains from {@code Seeds.derive(seed, i)}. Default: 42. */
    public Builder<N> seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Whether each member trains on its own bootstrap resample (n draws with replacement) rather
     * than the whole training set. Neural networks differ by their random initialization alone,
     * so switching it off is reasonable; it also switches off out-of-bag evaluation. Default: on.
     */
    public Builder<N> bootstrap(boolean bootstrap) {
      this.bootstrap = bootstrap;
      return this;
    }

    /** Epochs each member trains. Default: 10. */
    public Builder<N> epochs(int epochs) {
      this.epochs = TrainingSettings.requirePositive("epochs", epochs);
      return this;
    }

    /** Default: 128. */
    public Builder<N> batchSize(int batchSize) {
      this.batchSize = TrainingSettings.requirePositive("batchSize", batchSize);
      return this;
    }

    /**
     * Default: {@code Optimizer.adam(1e-3)}. On a cluster it must be Adam, SGD, or {@link
     * java.io.Serializable}.
     */
    public Builder<N> optimizer(Optimizer optimizer) {
      this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
      return this;
    }

    /**
     * Stops each member on its own when its out-of-bag metric stops improving (with bootstrap
     * off: its validation metric), e.g. {@code EarlyStopping.on(Metric.VALIDATION_LOSS)}; null
     * for none. On a cluster the metric must be one of {@link Metric}'s constants. Default: none.
     */
    public Builder<N> earlyStopping(EarlyStopping earlyStopping) {
      this.earlyStopping = earlyStopping;
      return this;
    }

    /**
     * Augments each member's training batches; each member draws its transforms from its own
     * seed. In-process only: an augmentation is code. Default: none.
     */
    public Builder<N> augmentation(Augmentation augmentation) {
      this.augmentation = augmentation;
      return this;
    }

    /**
     * Members trained at once in this JVM, each on one thread; the result is the same for any
     * number. Default: every available processor.
     */
    public Builder<N> threads(int threads) {
      this.threads = TrainingSettings.requirePositive("threads", threads);
      return this;
    }

    /** Default: silent. */
    public Builder<N> listener(EnsembleListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public Bagging<N> build() {
      return new Bagging<>(this);
    }
  }
}
