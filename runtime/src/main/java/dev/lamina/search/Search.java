package dev.lamina.search;

import dev.lamina.data.Dataset;
import dev.lamina.ensemble.EnsembleListener;
import dev.lamina.ensemble.EnsembleTrainingException;
import dev.lamina.ensemble.MemberEpoch;
import dev.lamina.ensemble.MemberExecutor;
import dev.lamina.ensemble.MemberResult;
import dev.lamina.ensemble.MemberTask;
import dev.lamina.ensemble.ModelRef;
import dev.lamina.nn.Network;
import dev.lamina.train.TrainingConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * A hyperparameter search over the settings chosen at run time: each trial trains the model from
 * the base {@link TrainingConfig} with one combination of a {@link SearchSpace}'s values, and is
 * scored by its best validation accuracy. Trials are bagging's tasks without the bootstrap, so
 * they run where members do: on a thread pool in this JVM ({@link #fit(Dataset, Dataset)}), or on
 * a Hazelcast cluster ({@link #fit(MemberExecutor)}, whose data must include the validation set),
 * where a lost member's trials run again elsewhere. Every trial trains from the base seed, so
 * trials differ only by the settings searched, and the same search gives the same scores, bit for
 * bit, on any number of threads or machines.
 *
 * <pre>{@code
 * SearchResult result = Search.builder(FashionMlpNet.class)
 *     .base(TrainingConfig.builder().epochs(5).build())
 *     .grid(SearchSpace.of(SearchSpace.learningRate(3e-4, 1e-3, 3e-3),
 *         SearchSpace.weightDecay(WeightDecay.NONE, WeightDecay.l2(1e-4))))
 *     .build()
 *     .fit(split.train(), split.validation());
 * System.out.println(result.table());
 * }</pre>
 *
 * @param <N> the type of network each trial trains
 */
public final class Search<N extends Network> {
  private final ModelRef<N> model;
  private final TrainingConfig base;
  private final SearchSpace space;
  private final List<int[]> picks;
  private final int threads;
  private final EnsembleListener listener;

  private Search(Builder<N> b) {
    this.model = b.model;
    this.base = b.base;
    this.space = Objects.requireNonNull(b.space, "a search needs grid(space) or random(space, ...)");
    this.picks = b.picks;
    this.threads = b.threads;
    this.listener = b.listener;
  }

  /**
   * Trials of {@code type}, through its public {@code (long seed)} constructor: anywhere.
   *
   * @param <N> the generated network class
   * @param type the class, which must have a public constructor taking the seed
   * @return a builder with the defaults
   */
  public static <N extends Network> Builder<N> builder(Class<N> type) {
    return new Builder<>(ModelRef.of(type));
  }

  /**
   * Trials of networks made by {@code factory}: in-process only.
   *
   * @param <N> the network's type
   * @param factory makes a network from a seed
   * @return a builder with the defaults
   */
  public static <N extends Network> Builder<N> builder(LongFunction<N> factory) {
    return new Builder<>(ModelRef.of(factory));
  }

  /**
   * Every trial's configuration, in trial order.
   *
   * @return one configuration per trial: the base with the trial's settings applied
   */
  public List<TrainingConfig> configs() {
    List<TrainingConfig> configs = new ArrayList<>();
    for (int[] pick : picks) {
      TrainingConfig config = base;
      for (int d = 0; d < pick.length; d++) {
        config = space.dimensions().get(d).applyValue(config, pick[d]);
      }
      configs.add(config);
    }
    return configs;
  }

  /**
   * Trains every trial in this JVM on {@code train}, scoring each on {@code validation}.
   *
   * @param train the data each trial trains on
   * @param validation the data each trial is scored on, after every epoch
   * @return every trial with its score
   * @throws EnsembleTrainingException if a trial fails, or the thread is interrupted
   */
  public SearchResult fit(Dataset train, Dataset validation) {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(validation, "validation (a search scores each trial on it)");
    return fit(MemberExecutor.inProcess(train, validation, threads));
  }

  /**
   * Trains every trial where {@code executor} says; its data must hold a validation set.
   *
   * @param executor runs the trials: threads, or a cluster's members
   * @return every trial with its score
   * @throws EnsembleTrainingException if a trial fails, or the thread is interrupted
   */
  public SearchResult fit(MemberExecutor executor) {
    List<TrainingConfig> configs = configs();
    List<MemberTask> tasks = new ArrayList<>();
    for (int i = 0; i < configs.size(); i++) {
      tasks.add(new MemberTask(i, false, configs.get(i)));
    }
    List<MemberResult> results;
    try {
      results = executor.train(model, tasks, listener);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnsembleTrainingException("interrupted while the trials trained", e);
    }
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      MemberResult r = results.get(i);
      if (r.index() != i) {
        throw new EnsembleTrainingException(
            "result " + i + " is trial " + r.index() + "'s; results must be in order");
      }
      double score = Double.NaN;
      int bestEpoch = 0;
      for (MemberEpoch e : r.epochs()) {
        if (!Double.isNaN(e.validationAccuracy())
            && (bestEpoch == 0 || e.validationAccuracy() > score)) {
          score = e.validationAccuracy();
          bestEpoch = e.epoch();
        }
      }
      trials.add(new Trial(i, settings(picks.get(i)), configs.get(i), score, bestEpoch, r.end(),
          r.trainedBy(), r.seconds()));
    }
    return new SearchResult(space.dimensions().stream().map(SearchSpace.Dimension::name)
        .toList(), trials);
  }

  private Map<String, String> settings(int[] pick) {
    Map<String, String> s = new LinkedHashMap<>();
    for (int d = 0; d < pick.length; d++) {
      SearchSpace.Dimension<?> dimension = space.dimensions().get(d);
      s.put(dimension.name(), String.valueOf(dimension.values().get(pick[d])));
    }
    return s;
  }

  /**
   * Settings of a {@link Search}.
   *
   * @param <N> the type of network each trial trains
   */
  public static final class Builder<N extends Network> {
    private final ModelRef<N> model;
    private TrainingConfig base = TrainingConfig.DEFAULTS;
    private SearchSpace space;
    private List<int[]> picks;
    private int threads = TrainingConfig.availableThreads();
    private EnsembleListener listener = EnsembleListener.SILENT;

    private Builder(ModelRef<N> model) {
      this.model = model;
    }

    /**
     * The configuration every trial starts from. Default: {@link TrainingConfig#DEFAULTS}.
     *
     * @param base the configuration the searched settings are applied to
     * @return this builder
     */
    public Builder<N> base(TrainingConfig base) {
      this.base = Objects.requireNonNull(base, "base");
      return this;
    }

    /**
     * Grid search: one trial per combination of {@code space}'s values.
     *
     * @param space the settings and their values
     * @return this builder
     */
    public Builder<N> grid(SearchSpace space) {
      this.space = Objects.requireNonNull(space, "space");
      this.picks = space.grid();
      return this;
    }

    /**
     * Random search: {@code trials} combinations drawn from {@code space} with {@code seed}.
     *
     * @param space the settings and their values
     * @param trials how many combinations to draw, > 0
     * @param seed the seed of the draws (not of the training, which uses the base seed)
     * @return this builder
     */
    public Builder<N> random(SearchSpace space, int trials, long seed) {
      this.space = Objects.requireNonNull(space, "space");
      this.picks = space.random(TrainingConfig.requirePositive("trials", trials), seed);
      return this;
    }

    /**
     * Trials trained at once in this JVM, each on one thread. Default: every processor.
     *
     * @param threads how many trials train at once, > 0
     * @return this builder
     */
    public Builder<N> threads(int threads) {
      this.threads = TrainingConfig.requirePositive("threads", threads);
      return this;
    }

    /**
     * Hears trials start, finish epochs and finish, as bagging's members. Default: silent.
     *
     * @param listener hears every trial's progress; called from the trials' threads
     * @return this builder
     */
    public Builder<N> listener(EnsembleListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * {@return the search}
     *
     * @throws NullPointerException if neither {@link #grid} nor {@link #random} was called
     */
    public Search<N> build() {
      return new Search<>(this);
    }
  }
}
