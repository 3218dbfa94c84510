package dev.lamina.search;

import dev.lamina.data.Dataset;
import dev.lamina.ensemble.EnsembleListener;
import dev.lamina.ensemble.EnsembleTrainingException;
import dev.lamina.ensemble.MemberExecutor;
import dev.lamina.ensemble.MemberResult;
import dev.lamina.ensemble.MemberTask;
import dev.lamina.ensemble.ModelRef;
import dev.lamina.metrics.CrossValidation;
import dev.lamina.metrics.Folds;
import dev.lamina.nn.Network;
import dev.lamina.nn.Seeds;
import dev.lamina.train.Metric;
import dev.lamina.train.TrainingConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * A hyperparameter search over the settings chosen at run time: each trial trains the model from
 * the base {@link TrainingConfig} with one combination of a {@link SearchSpace}'s values, and is
 * scored by its best validation accuracy (or, for regression, its lowest validation loss: {@link
 * Builder#scoreBy}): on a validation set ({@link #fit(Dataset, Dataset)}),
 * or, with {@link Builder#crossValidation(int) k-fold cross-validation}, on each fold's held-out
 * samples after training on the others, the trial's score being the mean over folds ({@link
 * #fit(Dataset)}). Trials are bagging's tasks without the bootstrap (with cross-validation, one
 * task per trial and fold, as {@link CrossValidation}'s), so they run where members do: on a
 * thread pool in this JVM, or on a Hazelcast cluster ({@link #fit(MemberExecutor)}, whose data
 * must include the validation set, or {@link #fit(Dataset, MemberExecutor)}), where a lost
 * member's tasks run again elsewhere. Every trial trains from the base seed, so trials differ
 * only by the settings searched, and the same search gives the same scores, bit for bit, on any
 * number of threads or machines.
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
  /** The folds asked for: 0 when trials are scored on a validation set. */
  private final int k;
  /** The folds given to the builder, or null to draw them from the data. */
  private final Folds folds;
  /** What trials are scored by, or null to let the results decide (see Builder#scoreBy). */
  private final Metric scoreBy;

  private Search(Builder<N> b) {
    this.model = b.model;
    this.base = b.base;
    this.space = Objects.requireNonNull(b.space, "a search needs grid(space) or random(space, ...)");
    this.picks = b.picks;
    this.threads = b.threads;
    this.listener = b.listener;
    this.k = b.k;
    this.folds = b.folds;
    this.scoreBy = b.scoreBy;
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
   * @throws IllegalArgumentException if the search scores by cross-validation, or {@code
   *     validation} is null
   * @throws EnsembleTrainingException if a trial fails, or the thread is interrupted
   */
  public SearchResult fit(Dataset train, Dataset validation) {
    Objects.requireNonNull(train, "train");
    requireValidationScoring("fit(train, validation)");
    if (validation == null) {
      throw new IllegalArgumentException("validation is null, but a search scores each trial on"
          + " it: pass a validation set, or build the search with crossValidation(k) and call"
          + " fit(data) to score each trial on folds of the training data");
    }
    return fit(MemberExecutor.inProcess(train, validation, threads));
  }

  /**
   * Trains every trial where {@code executor} says; its data must hold a validation set.
   *
   * @param executor runs the trials: threads, or a cluster's members
   * @return every trial with its score
   * @throws IllegalArgumentException if the search scores by cross-validation
   * @throws EnsembleTrainingException if a trial fails, or the thread is interrupted
   */
  public SearchResult fit(MemberExecutor executor) {
    Objects.requireNonNull(executor, "executor");
    requireValidationScoring("fit(executor)");
    List<TrainingConfig> configs = configs();
    List<MemberTask> tasks = new ArrayList<>();
    for (int i = 0; i < configs.size(); i++) {
      tasks.add(new MemberTask(i, false, configs.get(i)));
    }
    List<MemberResult> results = train(executor, tasks);
    Metric metric = metric(results);
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      MemberResult r = results.get(i);
      requireIndex(r, i);
      FoldScore best = FoldScore.of(r, metric);
      trials.add(new Trial(i, settings(picks.get(i)), configs.get(i), best.score(),
          best.epoch(), r.end(), r.trainedBy(), r.seconds()));
    }
    return new SearchResult(dimensionNames(), trials, metric);
  }

  /**
   * What the trials are scored by: the builder's {@link Builder#scoreBy}, or else validation
   * accuracy when the tasks report one (classification) and validation loss when none does
   * (regression, whose accuracy is NaN).
   */
  private Metric metric(List<MemberResult> results) {
    if (scoreBy != null) {
      return scoreBy;
    }
    boolean accuracy = results.stream().flatMap(r -> r.epochs().stream())
        .anyMatch(e -> !Double.isNaN(e.validationAccuracy()));
    return accuracy ? Metric.VALIDATION_ACCURACY : Metric.VALIDATION_LOSS;
  }

  /**
   * Scores every trial by k-fold cross-validation on threads in this JVM: for each trial and fold
   * of {@link #folds(Dataset)}, a network trains with the trial's configuration on every sample
   * of {@code data} but the fold's, and its best epoch's accuracy (or loss) on the fold's samples is the
   * fold's score; the trial's score is the mean over its folds. The fold scores are those {@link
   * CrossValidation} gives for the trial's configuration and the same folds, bit for bit.
   *
   * @param data every sample: each fold trains on some and is scored on the others
   * @return every trial with its score and its folds' scores
   * @throws IllegalArgumentException if the search was not built with {@link
   *     Builder#crossValidation(int)}, or the data has fewer samples than folds
   * @throws EnsembleTrainingException if a fold fails, or the thread is interrupted
   */
  public SearchResult fit(Dataset data) {
    Objects.requireNonNull(data, "data");
    requireCrossValidation("fit(data)");
    return fit(data, MemberExecutor.inProcess(data, null, threads));
  }

  /**
   * Scores every trial by k-fold cross-validation, as {@link #fit(Dataset)} does, with the
   * (trial, fold) tasks trained where {@code executor} says, e.g. {@code cluster.members(dataRef)}:
   * task {@code trial × k + fold}, so a cluster spreads the folds of one trial as it does its
   * trials, and a lost member's tasks run again elsewhere. The executor's training data must be
   * {@code data}, the same samples in the same order (checked through each fold's size and
   * held-out samples and, for class labels, their labels).
   *
   * @param data every sample, as the executor's training data holds them
   * @param executor trains the folds: threads, or a cluster's members
   * @return every trial with its score and its folds' scores
   * @throws IllegalArgumentException if the search was not built with {@link
   *     Builder#crossValidation(int)}, the data has fewer samples than folds, or the executor
   *     trained on other data
   * @throws EnsembleTrainingException if a fold fails, or the thread is interrupted
   */
  public SearchResult fit(Dataset data, MemberExecutor executor) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(executor, "executor");
    requireCrossValidation("fit(data, executor)");
    Folds f = folds(data);
    List<TrainingConfig> configs = configs();
    List<MemberTask> tasks = new ArrayList<>();
    for (int t = 0; t < configs.size(); t++) {
      for (int fold = 0; fold < k; fold++) {
        tasks.add(new MemberTask(t * k + fold, false, configs.get(t), f.testIndices(fold)));
      }
    }
    List<MemberResult> results = train(executor, tasks);
    Metric metric = metric(results);
    List<Trial> trials = new ArrayList<>();
    for (int t = 0; t < configs.size(); t++) {
      List<FoldScore> scores = new ArrayList<>();
      for (int fold = 0; fold < k; fold++) {
        MemberResult r = results.get(t * k + fold);
        requireIndex(r, t * k + fold);
        requireSameData(r, data, f, t, fold);
        scores.add(FoldScore.of(r, metric));
      }
      trials.add(FoldScore.trial(t, settings(picks.get(t)), configs.get(t), scores));
    }
    return new SearchResult(dimensionNames(), trials, metric);
  }

  /**
   * The folds a cross-validating search scores its trials on, the same for every trial: those
   * given to {@link Builder#crossValidation(Folds)}, or else {@code k} folds of {@code data} drawn
   * with a seed derived from the base configuration's, stratified by class when the data has
   * class labels ({@link Folds#stratified}), plain otherwise ({@link Folds#plain}).
   *
   * @param data every sample the search will fit on
   * @return the folds
   * @throws IllegalArgumentException if the search does not cross-validate, the data has fewer
   *     samples than folds, or the given folds are for another number of samples
   */
  public Folds folds(Dataset data) {
    Objects.requireNonNull(data, "data");
    requireCrossValidation("folds(data)");
    if (folds != null) {
      if (folds.samples() != data.size()) {
        throw new IllegalArgumentException("the folds given to crossValidation(folds) are for "
            + folds.samples() + " samples but the data has " + data.size()
            + ": make them from this data, e.g. Folds.stratified(data, " + k + ", seed)");
      }
      return folds;
    }
    if (data.size() < k) {
      throw new IllegalArgumentException("crossValidation(" + k + ") needs at least " + k
          + " samples, one per fold, but the data has " + data.size() + ": use at most "
          + data.size() + " folds (5 or 10 are usual)");
    }
    long seed = Seeds.derive(base.seed(), "folds");
    return data.targetKind() == Dataset.TargetKind.CLASS_LABEL
        ? Folds.stratified(data, k, seed)
        : Folds.plain(data.size(), k, seed);
  }

  private List<MemberResult> train(MemberExecutor executor, List<MemberTask> tasks) {
    List<MemberResult> results;
    try {
      results = executor.train(model, tasks, listener);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnsembleTrainingException("interrupted while the trials trained", e);
    }
    if (results.size() != tasks.size()) {
      throw new EnsembleTrainingException(
          "expected " + tasks.size() + " trained tasks, got " + results.size());
    }
    return results;
  }

  private void requireValidationScoring(String call) {
    if (k > 0) {
      throw new IllegalArgumentException(call + " scores trials on a validation set, but this"
          + " search was built with crossValidation(" + k + "), which holds out part of the data"
          + " itself: call fit(data) (or fit(data, executor)) with every sample, or build the"
          + " search without crossValidation to score on a separate validation set");
    }
  }

  private void requireCrossValidation(String call) {
    if (k == 0) {
      throw new IllegalArgumentException(call + " scores trials by cross-validation, but this"
          + " search was built without crossValidation(k): add e.g. crossValidation(5) to the"
          + " builder, or call fit(train, validation) to score on a validation set");
    }
  }

  private static void requireIndex(MemberResult r, int index) {
    if (r.index() != index) {
      throw new EnsembleTrainingException(
          "result " + index + " is task " + r.index() + "'s; results must be in task order");
    }
  }

  /** Task (trial, fold)'s result was trained on {@code data}, not on other data of the executor. */
  private static void requireSameData(MemberResult r, Dataset data, Folds f, int trial,
      int fold) {
    int[] test = f.testIndices(fold);
    String differs = r.trainingSize() != data.size()
        ? "has " + r.trainingSize() + " samples, not " + data.size()
        : !Arrays.equals(r.outOfBag(), test) ? "held out other samples than fold " + fold + "'s"
        : data.targetKind() == Dataset.TargetKind.CLASS_LABEL
            && !Arrays.equals(r.outOfBagLabels(), data.select(test).labels())
            ? "has other labels for fold " + fold + "'s samples" : null;
    if (differs != null) {
      throw new IllegalArgumentException("the data trial " + trial + " fold " + fold
          + " trained on (" + r.trainedBy() + ") " + differs + ": the executor's data must be"
          + " the data given to fit, in the same order");
    }
  }

  private List<String> dimensionNames() {
    return space.dimensions().stream().map(SearchSpace.Dimension::name).toList();
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
    private int k;
    private Folds folds;
    private Metric scoreBy;

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
     * Scores each trial by k-fold cross-validation instead of on a validation set: fit with
     * {@link Search#fit(Dataset)} (or {@link Search#fit(Dataset, MemberExecutor)}), and see
     * {@link Search#folds(Dataset)} for the folds. Each trial trains k times, so a search costs
     * k times as much as on a validation set. Default: no cross-validation.
     *
     * @param k the number of folds, ≥ 2
     * @return this builder
     * @throws IllegalArgumentException if {@code k} &lt; 2
     */
    public Builder<N> crossValidation(int k) {
      if (k < 2) {
        throw new IllegalArgumentException("crossValidation(k) needs k >= 2 folds, got " + k
            + ": each fold is scored after training on the others; 5 or 10 are usual");
      }
      this.k = k;
      this.folds = null;
      return this;
    }

    /**
     * Scores each trial by cross-validation on these folds, as {@link #crossValidation(int)}
     * does with folds it draws; the folds must be made for the data given to fit.
     *
     * @param folds which samples each fold holds out, e.g. {@code Folds.stratified(data, 5, 42)}
     * @return this builder
     */
    public Builder<N> crossValidation(Folds folds) {
      this.folds = Objects.requireNonNull(folds, "folds");
      this.k = folds.count();
      return this;
    }

    /**
     * What each trial is scored by: its best epoch's {@link Metric#VALIDATION_ACCURACY} (the
     * highest) or {@link Metric#VALIDATION_LOSS} (the lowest), figures every epoch records.
     * Default: accuracy when the trials report one (classification), else the loss (regression).
     *
     * @param metric {@code Metric.VALIDATION_ACCURACY} or {@code Metric.VALIDATION_LOSS}
     * @return this builder
     * @throws IllegalArgumentException for any other metric
     */
    public Builder<N> scoreBy(Metric metric) {
      Objects.requireNonNull(metric, "metric");
      if (!metric.equals(Metric.VALIDATION_ACCURACY) && !metric.equals(Metric.VALIDATION_LOSS)) {
        throw new IllegalArgumentException("scoreBy takes Metric.VALIDATION_ACCURACY or"
            + " Metric.VALIDATION_LOSS, the figures every epoch of every trial records; got '"
            + metric.name() + "'. To select on another metric, train the best trials again with"
            + " early stopping on it");
      }
      this.scoreBy = metric;
      return this;
    }

    /**
     * Tasks trained at once in this JVM, each on one thread. Default: every processor.
     *
     * @param threads how many trials (or trials' folds) train at once, > 0
     * @return this builder
     */
    public Builder<N> threads(int threads) {
      this.threads = TrainingConfig.requirePositive("threads", threads);
      return this;
    }

    /**
     * Hears trials start, finish epochs and finish, as bagging's members; with cross-validation
     * each (trial, fold) task is a member, numbered {@code trial × k + fold}. Default: silent.
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
