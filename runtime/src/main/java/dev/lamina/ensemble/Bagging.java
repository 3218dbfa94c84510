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
 *
 * @param <N> the type of each member's network
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
   *
   * @param <N> the generated network class
   * @param type the class, which must have a public constructor taking the seed
   * @return a builder with the defaults
   */
  public static <N extends Network> Builder<N> builder(Class<N> type) {
    return new Builder<>(ModelRef.of(type));
  }

  /**
   * Members made by {@code factory}, e.g. {@code FashionMlpNet::new}: in-process only.
   *
   * @param <N> the network's type
   * @param factory makes a network from a seed
   * @return a builder with the defaults
   */
  public static <N extends Network> Builder<N> builder(LongFunction<N> factory) {
    return new Builder<>(ModelRef.of(factory));
  }

  /**
   * Member {@code index}'s trainer seed, derived from the ensemble's seed (the config's).
   *
   * @param index the member, in [0, members)
   * @return the seed member {@code index} trains from
   */
  public long memberSeed(int index) {
    return Seeds.derive(config.seed(), (long) index);
  }

  /**
   * What every member trains with, each with its own seed.
   *
   * @return the configuration, with the ensemble's seed
   */
  public TrainingConfig config() {
    return config;
  }

  /**
   * One task per member, in member order: everything a member's training depends on.
   *
   * @return the tasks, one per member
   */
  public List<MemberTask> tasks() {
    List<MemberTask> tasks = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      tasks.add(new MemberTask(i, bootstrap, config.withSeed(memberSeed(i))));
    }
    return tasks;
  }

  /** {@return how each member's network is created} */
  public ModelRef<N> model() {
    return model;
  }

  /**
   * Trains in this JVM on bootstrap resamples of {@code train}, evaluating out of bag.
   *
   * @param train the training set every member resamples
   * @return the trained ensemble, with its out-of-bag estimate
   * @throws EnsembleTrainingException if a member fails; the members that finished are in it
   */
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
   *
   * @param train the training set
   * @param validation the data each epoch is evaluated on when bootstrap is off; may be null when
   *     it is on
   * @return the trained ensemble
   * @throws IllegalArgumentException if bootstrap is off and {@code validation} is null
   * @throws EnsembleTrainingException if a member fails; the members that finished are in it
   */
  public Ensemble<N> fit(Dataset train, Dataset validation) {
    Objects.requireNonNull(train, "train");
    if (!bootstrap && validation == null) { // before any member trains, not once per member
      throw new IllegalArgumentException(MemberTraining.NO_VALIDATION
          + "; pass fit(train, validation), or turn bootstrap on");
    }
    return fit(new InProcessMembers(train, validation, threads));
  }

  /**
   * Trains the members where {@code executor} says: a thread pool or a cluster.
   *
   * @param executor runs the tasks: {@link MemberExecutor#inProcess}, or a cluster's members
   * @return the trained ensemble
   * @throws EnsembleTrainingException if a member fails; the members that finished are in it
   */
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

  /**
   * Settings of a {@link Bagging}; every one has a default.
   *
   * @param <N> the type of each member's network
   */
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

    /**
     * How many members, k. Default: 5.
     *
     * @param members the number of members, > 0
     * @return this builder
     */
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
     *
     * @param config the configuration
     * @return this builder
     */
    public Builder<N> training(TrainingConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * Whether each member trains on its own bootstrap resample (n draws with replacement) rather
     * than the whole training set. Neural networks differ by their random initialization alone,
     * so switching it off is reasonable; it also switches off out-of-bag evaluation. Default: on.
     *
     * @param bootstrap true to resample
     * @return this builder
     */
    public Builder<N> bootstrap(boolean bootstrap) {
      this.bootstrap = bootstrap;
      return this;
    }

    /**
     * Members trained at once in this JVM, each on one thread; the result is the same for any
     * number. Default: every available processor.
     *
     * @param threads the thread count, > 0
     * @return this builder
     */
    public Builder<N> threads(int threads) {
      this.threads = TrainingConfig.requirePositive("threads", threads);
      return this;
    }

    /**
     * Hears members start, finish epochs (in-process) and finish. Default: silent.
     *
     * @param listener the listener; called from the members' threads
     * @return this builder
     */
    public Builder<N> listener(EnsembleListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** {@return the bagging with these settings} */
    public Bagging<N> build() {
      return new Bagging<>(this);
    }
  }
}
