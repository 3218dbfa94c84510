package dev.lamina.search;

import dev.lamina.train.LearningRateSchedule;
import dev.lamina.train.TrainingConfig;
import dev.lamina.train.WeightDecay;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * The settings a {@link Search} tries: each dimension a run-time setting with the values to try.
 * Grid search tries every combination; random search draws each trial's value of each dimension
 * uniformly from its values, from a seed.
 *
 * <pre>{@code
 * SearchSpace space = SearchSpace.of(
 *     SearchSpace.learningRate(3e-4, 1e-3, 3e-3),
 *     SearchSpace.weightDecay(WeightDecay.NONE, WeightDecay.l2(1e-4), WeightDecay.l2(1e-3)));
 * }</pre>
 *
 * @param dimensions the settings searched, at least one; a trial's settings are listed in this
 *     order
 */
public record SearchSpace(List<Dimension<?>> dimensions) {
  /**
   * Copies the dimensions.
   *
   * @throws IllegalArgumentException if there are none
   */
  public SearchSpace {
    dimensions = List.copyOf(dimensions);
    if (dimensions.isEmpty()) {
      throw new IllegalArgumentException("a search space needs at least one dimension, e.g."
          + " SearchSpace.learningRate(1e-4, 1e-3, 1e-2)");
    }
  }

  /**
   * {@return a space of {@code dimensions}, in this order}
   *
   * @param dimensions the settings searched, at least one
   * @throws IllegalArgumentException if there are none
   */
  public static SearchSpace of(Dimension<?>... dimensions) {
    return new SearchSpace(List.of(dimensions));
  }

  /**
   * One setting and the values to try.
   *
   * @param <T> the type of the setting's values
   * @param name how tables, charts and {@link Trial#settings()} name the setting, e.g. {@code
   *     "learning_rate"}
   * @param values the values to try, at least one; they print with {@code String.valueOf}
   * @param apply gives the configuration with a value set, from a trial's base configuration
   */
  public record Dimension<T>(String name, List<T> values,
      BiFunction<TrainingConfig, T, TrainingConfig> apply) {
    /**
     * Copies the values.
     *
     * @throws IllegalArgumentException if there are none
     */
    public Dimension {
      Objects.requireNonNull(name, "name");
      values = List.copyOf(values);
      Objects.requireNonNull(apply, "apply");
      if (values.isEmpty()) {
        throw new IllegalArgumentException(name + " needs at least one value to try");
      }
    }

    TrainingConfig applyValue(TrainingConfig config, int index) {
      return apply.apply(config, values.get(index));
    }
  }

  /**
   * The optimizer's learning rate (it keeps its other settings).
   *
   * @param rates the learning rates to try, at least one
   * @return the {@code learning_rate} dimension
   */
  public static Dimension<Double> learningRate(double... rates) {
    return new Dimension<>("learning_rate", boxed(rates),
        (c, v) -> c.toBuilder().optimizer(c.optimizer().withLearningRate(v)).build());
  }

  /**
   * The weight decay every parameter gets (a layer's {@code @Decay} still scales it).
   *
   * @param decays the decays to try, at least one
   * @return the {@code weight_decay} dimension
   */
  public static Dimension<WeightDecay> weightDecay(WeightDecay... decays) {
    return new Dimension<>("weight_decay", List.of(decays),
        (c, v) -> c.toBuilder().weightDecay(v).build());
  }

  /**
   * The standard deviation of the Gaussian noise added to the weights before each step.
   *
   * @param stds the standard deviations to try, each ≥ 0 (0 for none)
   * @return the {@code weight_noise} dimension
   */
  public static Dimension<Double> weightNoise(double... stds) {
    return new Dimension<>("weight_noise", boxed(stds),
        (c, v) -> c.toBuilder().weightNoise(v).build());
  }

  /**
   * Samples per step.
   *
   * @param sizes the batch sizes to try, each > 0
   * @return the {@code batch_size} dimension
   */
  public static Dimension<Integer> batchSize(int... sizes) {
    return new Dimension<>("batch_size", java.util.Arrays.stream(sizes).boxed().toList(),
        (c, v) -> c.toBuilder().batchSize(v).build());
  }

  /**
   * The number of passes over the training data, at most (early stopping may end a trial sooner).
   *
   * @param epochs the epoch counts to try, each > 0
   * @return the {@code epochs} dimension
   */
  public static Dimension<Integer> epochs(int... epochs) {
    return new Dimension<>("epochs", java.util.Arrays.stream(epochs).boxed().toList(),
        (c, v) -> c.toBuilder().epochs(v).build());
  }

  /**
   * How the learning rate changes over a trial.
   *
   * @param schedules the schedules to try, at least one
   * @return the {@code schedule} dimension
   */
  public static Dimension<LearningRateSchedule> schedule(LearningRateSchedule... schedules) {
    return new Dimension<>("schedule", List.of(schedules),
        (c, v) -> c.toBuilder().schedule(v).build());
  }

  /** Every combination, the last dimension varying fastest; each as value indices. */
  List<int[]> grid() {
    List<int[]> all = new ArrayList<>();
    int[] at = new int[dimensions.size()];
    while (true) {
      all.add(at.clone());
      int d = dimensions.size() - 1;
      while (d >= 0 && ++at[d] == dimensions.get(d).values().size()) {
        at[d--] = 0;
      }
      if (d < 0) {
        return all;
      }
    }
  }

  /** {@code trials} draws, each dimension's value uniform over its values. */
  List<int[]> random(int trials, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<int[]> all = new ArrayList<>();
    for (int t = 0; t < trials; t++) {
      int[] at = new int[dimensions.size()];
      for (int d = 0; d < at.length; d++) {
        at[d] = random.nextInt(dimensions.get(d).values().size());
      }
      all.add(at);
    }
    return all;
  }

  private static List<Double> boxed(double[] values) {
    return java.util.Arrays.stream(values).boxed().toList();
  }
}
