package dev.lamina.metrics;

import dev.lamina.data.Dataset;
import dev.lamina.ensemble.Ensemble;
import dev.lamina.ensemble.EnsembleListener;
import dev.lamina.ensemble.EnsembleTrainingException;
import dev.lamina.ensemble.MemberExecutor;
import dev.lamina.ensemble.MemberResult;
import dev.lamina.ensemble.MemberTask;
import dev.lamina.ensemble.ModelRef;
import dev.lamina.nn.Network;
import dev.lamina.train.TrainingConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * k-fold cross-validation in one call: for each fold, a model trains on the other folds' samples
 * and is scored on the fold's own. Two ways:
 *
 * <ul>
 *   <li>{@link #run(Dataset, Folds, FitAndScore)}: any code of yours trains and scores each fold,
 *       in fold order on the calling thread. Whatever is fitted to data (a model,
 *       standardization) must be fitted inside {@code fit}, on its training part only;
 *   <li>{@link #builder(Class)}: a model class trained with a {@link TrainingConfig}, one fold per
 *       task of bagging's executor, so the folds train in parallel on threads in this JVM ({@link
 *       #fit(Dataset)}) or on a Hazelcast cluster ({@link #fit(Dataset, MemberExecutor)}), where a
 *       fold whose cluster member dies runs again on another. Every fold trains from the config's
 *       seed on one thread, so the scores are the same bits wherever the folds ran. Each trained
 *       network comes back here and is scored by your {@link Scorer} on the fold's test samples.
 * </ul>
 *
 * <pre>{@code
 * CrossValidation.Result cv = CrossValidation.run(data, Folds.stratified(data, 5, 42),
 *     (train, test) -> ModelMetrics.confusion(
 *         MyNet.trainer().seed(42).build().fit(train, test).network(), test).accuracy());
 * double mean = cv.mean();
 *
 * CrossValidation.Result same = CrossValidation.builder(MyNet.class)
 *     .folds(Folds.stratified(data, 5, 42))
 *     .training(TrainingConfig.builder().seed(42).build())
 *     .score((network, test) -> ModelMetrics.confusion(network, test).accuracy())
 *     .build()
 *     .fit(data);                                  // or .fit(data, cluster.members(dataRef))
 * }</pre>
 *
 * @param <N> the type of network each fold trains
 */
public final class CrossValidation<N extends Network> {
  private final ModelRef<N> model;
  private final Folds folds;
  private final TrainingConfig config;
  private final Scorer<? super N> scorer;
  private final int threads;
  private final EnsembleListener listener;

  private CrossValidation(Builder<N> b) {
    this.model = b.model;
    this.folds = Objects.requireNonNull(b.folds, "folds: cross-validation needs folds(...)");
    this.config = b.config;
    this.scorer = Objects.requireNonNull(b.scorer, "scorer: cross-validation needs score(...)");
    this.threads = b.threads;
    this.listener = b.listener;
  }

  /** Trains on one part and scores on the other. */
  @FunctionalInterface
  public interface FitAndScore {
    /**
     * Trains on {@code train} and scores the result on {@code test}.
     *
     * @param train the samples of the other folds
     * @param test the fold's own samples
     * @return the fold's score (higher or lower better: the caller decides)
     */
    double score(Dataset train, Dataset test);
  }

  /**
   * Scores a network trained on the other folds on one fold's test samples.
   *
   * @param <N> the type of network scored
   */
  @FunctionalInterface
  public interface Scorer<N extends Network> {
    /**
     * Scores {@code network} on {@code test}.
     *
     * @param network the network trained on the other folds
     * @param test the fold's own samples
     * @return the fold's score
     */
    double score(N network, Dataset test);
  }

  /**
   * Each fold's score, in fold order.
   *
   * @param scores one score per fold, in whatever unit the scorer gives
   */
  public record Result(double[] scores) {
    /** Copies the scores. */
    public Result {
      scores = scores.clone();
    }

    /** {@return a copy of the scores, in fold order} */
    @Override
    public double[] scores() {
      return scores.clone();
    }

    /** {@return the mean score over folds} */
    public double mean() {
      double sum = 0;
      for (double s : scores) {
        sum += s;
      }
      return sum / scores.length;
    }

    /**
     * The sample standard deviation over folds (n − 1).
     *
     * @return the standard deviation; NaN with a single fold
     */
    public double standardDeviation() {
      double mean = mean();
      double sum = 0;
      for (double s : scores) {
        sum += (s - mean) * (s - mean);
      }
      return Math.sqrt(sum / (scores.length - 1));
    }
  }

  /**
   * Runs {@code fit} once per fold of {@code folds} over {@code data}.
   *
   * @param data every sample; each fold's train and test parts are taken from it
   * @param folds which samples each fold tests on; as many samples as {@code data}
   * @param fit trains on a fold's training part and returns its score on the test part
   * @return each fold's score, in fold order
   */
  public static Result run(Dataset data, Folds folds, FitAndScore fit) {
    Objects.requireNonNull(fit, "fit");
    requireFoldsFit(folds, data);
    List<Double> scores = new ArrayList<>();
    for (int f = 0; f < folds.count(); f++) {
      scores.add(fit.score(data.select(folds.trainIndices(f)), data.select(folds.testIndices(f))));
    }
    return new Result(scores.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /**
   * Folds of {@code type}, created through its public {@code (long seed)} constructor: anywhere.
   *
   * @param <N> the generated network class
   * @param type the class, which must have a public constructor taking the seed
   * @return a builder; folds and a scorer must still be given
   */
  public static <N extends Network> Builder<N> builder(Class<N> type) {
    return new Builder<>(ModelRef.of(type));
  }

  /**
   * Folds of networks made by {@code factory}, e.g. {@code MyNet::new}: in-process only.
   *
   * @param <N> the network's type
   * @param factory makes a network from a seed
   * @return a builder; folds and a scorer must still be given
   */
  public static <N extends Network> Builder<N> builder(LongFunction<N> factory) {
    return new Builder<>(ModelRef.of(factory));
  }

  /**
   * One task per fold, in fold order: fold f trains with the config (its seed unchanged) on every
   * sample but fold f's, which it holds out, is evaluated on each epoch and is scored on.
   *
   * @return one task per fold, to run with a {@link MemberExecutor}
   */
  public List<MemberTask> tasks() {
    List<MemberTask> tasks = new ArrayList<>();
    for (int f = 0; f < folds.count(); f++) {
      tasks.add(new MemberTask(f, false, config, folds.testIndices(f)));
    }
    return tasks;
  }

  /**
   * Trains the folds on threads in this JVM, on {@code data}, and scores them.
   *
   * @param data every sample, as the folds were made for
   * @return each fold's score, in fold order
   * @throws EnsembleTrainingException when a fold cannot be trained
   */
  public Result fit(Dataset data) {
    Objects.requireNonNull(data, "data");
    return fit(data, MemberExecutor.inProcess(data, null, threads));
  }

  /**
   * Trains the folds where {@code executor} says, e.g. {@code cluster.members(dataRef)}, and
   * scores each trained network here on its fold of {@code data}. The executor's training data
   * must be {@code data}: the same samples in the same order (checked through the sizes and, for
   * class labels, the labels of each fold's test samples).
   *
   * @param data every sample, as the executor's training data holds them
   * @param executor trains the folds: threads, or a cluster's members
   * @return each fold's score, in fold order
   * @throws EnsembleTrainingException when a fold cannot be trained; the folds that finished are
   *     in its {@code finished()}
   */
  public Result fit(Dataset data, MemberExecutor executor) {
    Objects.requireNonNull(data, "data");
    requireFoldsFit(folds, data);
    List<MemberTask> tasks = tasks();
    List<MemberResult> results;
    try {
      results = executor.train(model, tasks, listener);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnsembleTrainingException("interrupted while the folds trained", e);
    }
    if (results.size() != tasks.size()) {
      throw new EnsembleTrainingException(
          "expected " + tasks.size() + " trained folds, got " + results.size());
    }
    for (int f = 0; f < results.size(); f++) {
      requireSameData(results.get(f), f, data);
    }
    Ensemble<N> trained = Ensemble.of(model, results);
    double[] scores = new double[tasks.size()];
    for (int f = 0; f < scores.length; f++) {
      scores[f] = scorer.score(trained.members().get(f).network(),
          data.select(folds.testIndices(f)));
    }
    return new Result(scores);
  }

  /**
   * What each fold trains with.
   *
   * @return the configuration, with its seed
   */
  public TrainingConfig config() {
    return config;
  }

  /** {@return which samples each fold tests on} */
  public Folds folds() {
    return folds;
  }

  private static void requireFoldsFit(Folds folds, Dataset data) {
    if (folds.samples() != data.size()) {
      throw new IllegalArgumentException("folds are for " + folds.samples() + " samples but the "
          + "data has " + data.size());
    }
  }

  /** Fold {@code f}'s result was trained on {@code data}, not on other data of the executor's. */
  private void requireSameData(MemberResult r, int f, Dataset data) {
    if (r.index() != f) {
      throw new EnsembleTrainingException(
          "result " + f + " is fold " + r.index() + "'s; results must be in fold order");
    }
    int[] test = folds.testIndices(f);
    String differs = null;
    if (r.trainingSize() != data.size()) {
      differs = "has " + r.trainingSize() + " samples, not " + data.size();
    } else if (!Arrays.equals(r.outOfBag(), test)) {
      differs = "held out other samples than fold " + f + "'s";
    } else if (data.targetKind() == Dataset.TargetKind.CLASS_LABEL
        && !Arrays.equals(r.outOfBagLabels(), data.select(test).labels())) {
      differs = "has other labels for fold " + f + "'s test samples";
    }
    if (differs != null) {
      throw new IllegalArgumentException("the data fold " + f + " trained on (" + r.trainedBy()
          + ") " + differs + ": the executor's data must be the data given to fit, in the same"
          + " order");
    }
  }

  /**
   * Settings of a {@link CrossValidation}; folds and a scorer must be given.
   *
   * @param <N> the type of network each fold trains
   */
  public static final class Builder<N extends Network> {
    private final ModelRef<N> model;
    private Folds folds;
    private TrainingConfig config = TrainingConfig.DEFAULTS;
    private Scorer<? super N> scorer;
    private int threads = TrainingConfig.availableThreads();
    private EnsembleListener listener = EnsembleListener.SILENT;

    private Builder(ModelRef<N> model) {
      this.model = model;
    }

    /**
     * Which samples each fold tests on, e.g. {@link Folds#stratified}. Required.
     *
     * @param folds the folds
     * @return this builder
     */
    public Builder<N> folds(Folds folds) {
      this.folds = Objects.requireNonNull(folds, "folds");
      return this;
    }

    /**
     * What every fold trains with, from the config's seed. Each epoch is evaluated on the fold's
     * test samples, so early stopping, if set, watches them (as {@code fit(train, test)} would).
     * Default: {@link TrainingConfig#DEFAULTS}.
     *
     * @param config the configuration
     * @return this builder
     */
    public Builder<N> training(TrainingConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * How a trained network is scored on its fold's test samples. Required.
     *
     * @param scorer scores a trained network on a fold's test samples
     * @return this builder
     */
    public Builder<N> score(Scorer<? super N> scorer) {
      this.scorer = Objects.requireNonNull(scorer, "scorer");
      return this;
    }

    /**
     * Folds trained at once in this JVM by {@link #fit(Dataset)}, each on one thread; the
     * scores are the same for any number. Default: every available processor.
     *
     * @param threads the thread count, > 0
     * @return this builder
     */
    public Builder<N> threads(int threads) {
      this.threads = TrainingConfig.requirePositive("threads", threads);
      return this;
    }

    /**
     * Hears each fold start, finish and, on a cluster, start again elsewhere. Default: silent.
     *
     * @param listener hears the folds; called from the folds' threads
     * @return this builder
     */
    public Builder<N> listener(EnsembleListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * {@return the cross-validation}
     *
     * @throws NullPointerException if the folds or the scorer were not given
     */
    public CrossValidation<N> build() {
      return new CrossValidation<>(this);
    }
  }
}
