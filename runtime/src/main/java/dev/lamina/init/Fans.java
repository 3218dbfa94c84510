package dev.lamina.init;

import dev.lamina.FanMode;

/**
 * The two fans of a weight tensor, as PyTorch's {@code _calculate_fan_in_and_fan_out} defines
 * them. A dense layer's weight has shape (fan_in, units) in Lamina, the transpose of PyTorch's
 * {@code Linear.weight}, so fan_in is its number of rows and fan_out its number of columns; an
 * image input reaches the first dense layer flattened, so its fan_in is channels × height × width.
 *
 * @param in the number of inputs of each unit
 * @param out the number of units each input feeds
 */
public record Fans(int in, int out) {
  /**
   * Checks both fans.
   *
   * @throws IllegalArgumentException if a fan is not positive
   */
  public Fans {
    if (in <= 0 || out <= 0) {
      throw new IllegalArgumentException(
          "fans must be > 0, got in = " + in + ", out = " + out + "; a layer has at least one "
              + "input and one unit");
    }
  }

  /**
   * The fans of a dense layer with {@code inputs} inputs and {@code units} units.
   *
   * @param inputs the number of inputs of each unit (flattened, for an image input), > 0
   * @param units the number of units, > 0
   * @return fan_in = {@code inputs}, fan_out = {@code units}
   */
  public static Fans dense(int inputs, int units) {
    return new Fans(inputs, units);
  }

  /** {@return (fan_in + fan_out) / 2, the fan Xavier divides by} */
  public double average() {
    return (in + out) / 2.0;
  }

  /**
   * The fan {@code mode} selects; {@link FanMode#AUTO} must be resolved first.
   *
   * @param mode IN, OUT or AVERAGE; not AUTO
   * @return fan_in, fan_out or their average
   * @throws IllegalArgumentException for {@link FanMode#AUTO}
   */
  public double select(FanMode mode) {
    return switch (mode) {
      case IN -> in;
      case OUT -> out;
      case AVERAGE -> average();
      case AUTO -> throw new IllegalArgumentException(
          "mode must be resolved to IN, OUT or AVERAGE first, got AUTO");
    };
  }
}
