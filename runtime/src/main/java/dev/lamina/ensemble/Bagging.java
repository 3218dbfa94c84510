package dev.lamina.ensemble;

import dev.lamina.data.Dataset;
import dev.lamina.nn.Network;
import dev.lamina.nn.Seeds;
import dev.lamina.train.TrainingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * Bootstrap aggregating: trains k members of one model, each from its own seed (initial weights,
 * shuffling, dropout masks) and, by default, on its own bootstrap resample of the training set,
 * then lets them vote. Each member trains as a {@code Trainer} would with the ensemble's {@link
 * TrainingConfig} (every setting: weight decay, weight noise, early stopping on its out-of-bag
 * samples, checkpoints, augmentation), the config's seed replaced by the member's. Members
 * train in parallel on a thread pool sized to the machine, each network on one thread; {@link
 * #fit(MemberExecutor)} runs the same tasks on a cluster instead.
 * The same seed gives the same ensemble, bit for bit, on any number of threads or machines.
 *
 * <pre>{@code
 * Bagging<FashionMlpNet> bagging = Bagging.builder(FashionMlpNet.class)
 *     .members(5)
 *     .training(TrainingConfig.builder().epochs(10).optimizer(Optimizer.adam(1e-3)).build())
 *     .build();
 * Ensemble<FashionMlpNet> ensemble = bagging.fit(train);       // threads in this JVM
 * double oob = ensemble.outOfBag().orElseThrow().accuracy();
 * }</pre>
 */
public final class Bagging<N extends Network> {
  private final ModelRef<N> model;
  private final int members;
  private final boolean bootstrap;
  private final TrainingConfig config;
  private final int threads;
  private final EnsembleListener listener;

  private Bagging(Builder<N> b) {
    this.model = b.model;
    this.members = b.members;
    this.bootstrap = b.bootstrap;
    this.config = b.config;
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

  /** Member {@code index}'s trainer seed, derived from the ensemble's seed (the config's). */
  public long memberSeed(int index) {
    return Seeds.derive(config.seed(), (long) index);
  }

  /** What every member trains with, each with its own seed. */
  public TrainingConfig config() {
    return config;
  }

  /** One task per member, in member order: everything a member's training depends on. */
  public List<MemberTask> tasks() {
    List<MemberTask> tasks = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      tasks.add(new MemberTask(i, bootstrap, config.withSeed(memberSeed(i))));
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
    private boolean bootstrap = true;
    private TrainingConfig config = TrainingConfig.DEFAULTS;
    private int threads = TrainingConfig.availableThreads();
    private EnsembleListener listener = EnsembleListener.SILENT;

    private Builder(ModelRef<N> model) {
      this.model = model;
    }

    /** How many members, k. Default: 5. */
    public Builder<N> members(int members) {
      this.members = TrainingConfig.requirePositive("members", members);
      return this;
    }

    /**
     * What each member trains with. Its seed is the ensemble's: member i trains from {@code
     * Seeds.derive(seed, i)}. Early stopping watches a member's out-of-bag samples (with
     * bootstrap off: the validation set), so {@code Metric.VALIDATION_LOSS} is the out-of-bag
     * loss; checkpoints go to {@code member-<i>} under the configured directory, and a member
     * whose directory holds a checkpoint goes on from it. Default: {@link TrainingConfig#DEFAULTS}.
     */
    public Builder<N> training(TrainingConfig config) {
      this.config = Objects.requireNonNull(config, "config");
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

    /**
     * Members trained at once in this JVM, each on one thread; the result is the same for any
     * number. Default: every available processor.
     */
    public Builder<N> threads(int threads) {
      this.threads = TrainingConfig.requirePositive("threads", threads);
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
