package dev.lamina.init;

import dev.lamina.Nonlinearity;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Draws one tensor's starting values as its {@link InitSpec} says. */
public final class Draws {
  private Draws() {}

  /**
   * Fills the row-major {@code rows × cols} tensor {@code values} (a dense weight is (fan_in,
   * units), a bias (1, units)) for a layer with {@code fans} and {@code activation}. Only
   * {@code random} decides the values: the same seed gives the same bits.
   *
   * @param values the tensor to fill, row-major, at least {@code rows × cols} long
   * @param rows the tensor's rows (fan_in for a dense weight, 1 for a bias)
   * @param cols the tensor's columns (the layer's units)
   * @param spec the initializer and its parameters; AUTO is resolved for {@code activation}
   * @param fans the layer's fan_in and fan_out, which variance-scaling divides by
   * @param activation the activation after the layer, which picks AUTO's initializer and the gain
   * @param slope the negative slope of a leaky ReLU activation (ignored for the others)
   * @param random the generator every value is drawn from
   */
  public static void fill(float[] values, int rows, int cols, InitSpec spec, Fans fans,
      Nonlinearity activation, double slope, SplittableRandom random) {
    if ((long) rows * cols != values.length) {
      throw new IllegalArgumentException("values must hold rows × cols = " + rows + " × " + cols
          + " floats, got " + values.length);
    }
    InitSpec s = spec.resolve(activation);
    double scale = s.scale(fans, activation, slope);
    switch (s.init()) {
      case ZEROS -> Arrays.fill(values, 0f);
      case CONSTANT -> Arrays.fill(values, (float) s.constant());
      case NORMAL -> normal(values, s.mean(), scale, random);
      case TRUNCATED_NORMAL -> truncatedNormal(values, s.mean(), scale, random);
      case UNIFORM -> uniform(values, s.low(), s.high(), random);
      case XAVIER, LECUN, HE -> normal(values, 0, scale, random);
      case XAVIER_UNIFORM, LECUN_UNIFORM, HE_UNIFORM -> {
        double bound = Math.sqrt(3) * scale;
        uniform(values, -bound, bound, random);
      }
      case ORTHOGONAL -> Orthogonal.fill(values, rows, cols, s.gainValue(activation, slope), random);
      case AUTO -> throw new AssertionError("resolved above");
    }
  }

  private static void normal(float[] values, double mean, double std, SplittableRandom random) {
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (mean + std * random.nextGaussian());
    }
  }

  private static void truncatedNormal(float[] values, double mean, double std,
      SplittableRandom random) {
    for (int i = 0; i < values.length; i++) {
      double g;
      do {
        g = random.nextGaussian();
      } while (Math.abs(g) > InitSpec.TRUNCATION);
      values[i] = (float) (mean + std * g);
    }
  }

  private static void uniform(float[] values, double low, double high, SplittableRandom random) {
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (low + (high - low) * random.nextDouble());
    }
  }
}
