package dev.lamina.nn;

import dev.lamina.data.Dataset;
import dev.lamina.internal.InputScaler;
import java.util.List;

/**
 * Preprocessing of a network's input that travels with the model: how each feature is scaled
 * before the first layer, with statistics fitted on the training set and kept as non-trainable
 * {@link StateTensor}s ({@code <input>.mean} / {@code .std}, or {@code .min} / {@code .max}, and
 * {@code .count}, the number of samples they were fitted on; 0 means not fitted, and the input
 * then passes unchanged). Declared with {@link dev.lamina.Standardize} or {@link
 * dev.lamina.MinMaxScale} on the {@link dev.lamina.Input} field.
 */
public enum InputScaling {
  /** The input as it is. */
  NONE(null, null),
  /** {@code (x - mean) / std}, population std, 1 where a feature never varies. */
  STANDARDIZE("mean", "std"),
  /** {@code (x - min) / (max - min)}, the range taken as 1 where a feature never varies. */
  MIN_MAX("min", "max");

  private final String first;
  private final String second;

  InputScaling(String first, String second) {
    this.first = first;
    this.second = second;
  }

  /** The state tensors it needs for an input of {@code size} features named {@code input}. */
  List<StateTensor> newState(String input, int size) {
    if (this == NONE) {
      return List.of();
    }
    float[] scale = new float[size];
    java.util.Arrays.fill(scale, this == STANDARDIZE ? 1f : 0f);
    float[] shift = new float[size];
    if (this == MIN_MAX) {
      java.util.Arrays.fill(scale, 1f); // max = 1 over min = 0: the identity until fitted
    }
    return List.of(new StateTensor(input + "." + first, shift),
        new StateTensor(input + "." + second, scale),
        new StateTensor(input + ".count", new float[1]));
  }

  /**
   * Fits {@code network}'s input statistics to {@code data} (the training set only), replacing
   * any fitted before. Fails naming the sample and feature of a non-finite value.
   *
   * @param network a network with this scaling on its input
   * @param data the training data
   */
  public static void fit(Network network, Dataset data) {
    InputScaling scaling = network.spec().inputScaling();
    if (scaling == NONE) {
      throw new IllegalArgumentException(network.spec().name() + " has no input scaling to fit:"
          + " declare it with @Standardize or @MinMaxScale on its @Input");
    }
    if (data.featureSize() != network.inputSize()) {
      throw new IllegalArgumentException("data must have " + network.inputSize() + " features"
          + " per sample to fit " + network.spec().name() + "'s input scaling, got "
          + data.featureSize());
    }
    if (data.size() == 0) {
      throw new IllegalArgumentException("data must hold samples to fit the input scaling of "
          + network.spec().name() + ", got none");
    }
    InputScaler.of(network.spec(), network.state()).fit(data);
  }

  /**
   * Fits, as {@link #fit}, unless the statistics are fitted already (a loaded or resumed model).
   *
   * @param network a network with this scaling on its input
   * @param data the training data
   */
  public static void fitIfUnfitted(Network network, Dataset data) {
    NetworkSpec spec = network.spec();
    if (spec.inputScaling() != NONE && !InputScaler.of(spec, network.state()).fitted()) {
      fit(network, data);
    }
  }

  /**
   * The name of the statistic subtracted: {@code mean} or {@code min} (null for NONE).
   *
   * @return the name, or null
   */
  public String shiftStatistic() {
    return first;
  }

  /**
   * The name of the statistic divided by: {@code std}, or {@code max} (the range's end).
   *
   * @return the name, or null
   */
  public String spreadStatistic() {
    return second;
  }
}
