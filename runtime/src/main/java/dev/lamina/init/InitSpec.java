package dev.lamina.init;

import dev.lamina.FanMode;
import dev.lamina.Gain;
import dev.lamina.Init;
import dev.lamina.Nonlinearity;

/**
 * One tensor's initializer with its parameters, as the processor read them from {@code @Dense} or
 * {@code @BiasInit}. Parameters the initializer does not read keep {@link Init}'s defaults. Build
 * one with the factories: {@link #normal}, {@link #uniform}, {@link #scaled}...
 *
 * @param init the initializer; {@link Init#AUTO} is resolved per activation when drawing
 * @param fanMode the fan of a variance-scaling initializer; AUTO is the initializer's own
 * @param gain the gain of a variance-scaling or orthogonal initializer; AUTO is its own
 * @param mean the mean of NORMAL and TRUNCATED_NORMAL
 * @param std the standard deviation of NORMAL and TRUNCATED_NORMAL (before truncation)
 * @param low the lower bound of UNIFORM
 * @param high the upper bound of UNIFORM
 * @param constant the value of CONSTANT
 */
public record InitSpec(
    Init init, FanMode fanMode, Gain gain, double mean, double std, double low, double high,
    double constant) {

  /** Truncating N(0, 1) to [−2, 2] leaves this standard deviation: √(1 − 4φ(2) / (2Φ(2) − 1)). */
  public static final double TRUNCATED_STD_FACTOR = 0.87962566103423978;
  /** Truncated normal draws outside mean ± this many standard deviations are redrawn. */
  public static final double TRUNCATION = 2;

  /**
   * Checks the parameters.
   *
   * @throws IllegalArgumentException if a value is null or not finite, {@code std} is not positive
   *     for a normal, or {@code low} is not below {@code high} for UNIFORM
   */
  public InitSpec {
    if (init == null || fanMode == null || gain == null) {
      throw new IllegalArgumentException("init, fanMode and gain must not be null, got "
          + init + ", " + fanMode + ", " + gain);
    }
    for (double v : new double[] {mean, std, low, high, constant}) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("the parameters of " + init + " must be finite, got mean = "
            + mean + ", std = " + std + ", low = " + low + ", high = " + high + ", constant = "
            + constant);
      }
    }
    if ((init == Init.NORMAL || init == Init.TRUNCATED_NORMAL) && !(std > 0)) {
      throw new IllegalArgumentException("std of " + init + " must be > 0, got " + std
          + "; std is the standard deviation (not the variance), e.g. 0.01");
    }
    if (init == Init.UNIFORM && !(low < high)) {
      throw new IllegalArgumentException(
          "low of UNIFORM must be below high, got low = " + low + ", high = " + high);
    }
  }

  /**
   * {@code init} with every parameter at its default.
   *
   * @param init the initializer
   * @return {@code init} with {@link Init}'s defaults (mean 0, std 0.01, range [−0.05, 0.05),
   *     constant 0) and AUTO fan mode and gain
   */
  public static InitSpec of(Init init) {
    return new InitSpec(init, FanMode.AUTO, Gain.AUTO, Init.DEFAULT_MEAN, Init.DEFAULT_STD,
        Init.DEFAULT_LOW, Init.DEFAULT_HIGH, Init.DEFAULT_CONSTANT);
  }

  /** {@return every value 0 (the default for biases)} */
  public static InitSpec zeros() {
    return of(Init.ZEROS);
  }

  /**
   * Every value {@code value}.
   *
   * @param value the value, finite
   * @return the CONSTANT initializer
   */
  public static InitSpec constant(double value) {
    return new InitSpec(Init.CONSTANT, FanMode.AUTO, Gain.AUTO, Init.DEFAULT_MEAN,
        Init.DEFAULT_STD, Init.DEFAULT_LOW, Init.DEFAULT_HIGH, value);
  }

  /**
   * Values drawn from N(mean, std²).
   *
   * @param mean the mean, finite
   * @param std the standard deviation (not the variance), > 0
   * @return the NORMAL initializer
   * @throws IllegalArgumentException if {@code std} is not positive
   */
  public static InitSpec normal(double mean, double std) {
    return new InitSpec(Init.NORMAL, FanMode.AUTO, Gain.AUTO, mean, std, Init.DEFAULT_LOW,
        Init.DEFAULT_HIGH, Init.DEFAULT_CONSTANT);
  }

  /**
   * Values drawn from N(mean, std²), those outside mean ± {@value #TRUNCATION} std redrawn, as
   * PyTorch's {@code trunc_normal_}; their standard deviation is {@value #TRUNCATED_STD_FACTOR}
   * std.
   *
   * @param mean the mean, finite
   * @param std the standard deviation before truncation, > 0
   * @return the TRUNCATED_NORMAL initializer
   * @throws IllegalArgumentException if {@code std} is not positive
   */
  public static InitSpec truncatedNormal(double mean, double std) {
    return new InitSpec(Init.TRUNCATED_NORMAL, FanMode.AUTO, Gain.AUTO, mean, std,
        Init.DEFAULT_LOW, Init.DEFAULT_HIGH, Init.DEFAULT_CONSTANT);
  }

  /**
   * Values drawn uniformly from [low, high).
   *
   * @param low the lower bound
   * @param high the upper bound, above {@code low}
   * @return the UNIFORM initializer
   * @throws IllegalArgumentException if {@code low} is not below {@code high}
   */
  public static InitSpec uniform(double low, double high) {
    return new InitSpec(Init.UNIFORM, FanMode.AUTO, Gain.AUTO, Init.DEFAULT_MEAN,
        Init.DEFAULT_STD, low, high, Init.DEFAULT_CONSTANT);
  }

  /**
   * A variance-scaling (Xavier, LeCun, He), orthogonal or AUTO initializer.
   *
   * @param init XAVIER, LECUN, HE, one of their uniform forms, ORTHOGONAL or AUTO
   * @param fanMode the fan the variance is divided by; AUTO for the initializer's own
   * @param gain the factor on the standard deviation; AUTO for the one the activation asks for
   * @return the initializer with its other parameters at their defaults
   * @throws IllegalArgumentException for any other {@code init}; use the factory named after it
   */
  public static InitSpec scaled(Init init, FanMode fanMode, Gain gain) {
    if (!isScaled(init) && init != Init.ORTHOGONAL && init != Init.AUTO) {
      throw new IllegalArgumentException("init must be XAVIER, LECUN, HE (or their _UNIFORM forms), "
          + "ORTHOGONAL or AUTO, got " + init + "; use the factory named after it");
    }
    return new InitSpec(init, fanMode, gain, Init.DEFAULT_MEAN, Init.DEFAULT_STD,
        Init.DEFAULT_LOW, Init.DEFAULT_HIGH, Init.DEFAULT_CONSTANT);
  }

  /**
   * Whether {@code init} draws with std = gain / sqrt(fan): Xavier, LeCun, He and their uniforms.
   *
   * @param init any initializer
   * @return true for XAVIER, LECUN, HE and their uniform forms; false for ORTHOGONAL, AUTO and the
   *     fixed-distribution ones
   */
  public static boolean isScaled(Init init) {
    return switch (init) {
      case XAVIER, XAVIER_UNIFORM, LECUN, LECUN_UNIFORM, HE, HE_UNIFORM -> true;
      default -> false;
    };
  }

  /**
   * Whether {@code init} draws from a uniform distribution of the same variance.
   *
   * @param init any initializer
   * @return true for UNIFORM and the uniform forms of the variance-scaling initializers
   */
  public static boolean isUniform(Init init) {
    return init == Init.XAVIER_UNIFORM || init == Init.LECUN_UNIFORM || init == Init.HE_UNIFORM
        || init == Init.UNIFORM;
  }

  /**
   * {@link Init#AUTO}: He for the ReLU family ({@link Gains#isReluFamily}), LeCun for SELU (its
   * self-normalizing property assumes it), Xavier for every other activation.
   *
   * @param init the initializer; anything but AUTO is returned as it is
   * @param activation the activation after the layer
   * @return the initializer AUTO stands for under {@code activation}, or {@code init} itself
   */
  public static Init resolve(Init init, Nonlinearity activation) {
    if (init != Init.AUTO) {
      return init;
    }
    if (activation == Nonlinearity.SELU) {
      return Init.LECUN;
    }
    return Gains.isReluFamily(activation) ? Init.HE : Init.XAVIER;
  }

  /**
   * This initializer with AUTO resolved for {@code activation}, and its fan mode made explicit.
   *
   * @param activation the activation after the layer
   * @return a copy with a concrete initializer and fan mode; the other parameters unchanged
   */
  public InitSpec resolve(Nonlinearity activation) {
    Init resolved = resolve(init, activation);
    FanMode mode = fanMode != FanMode.AUTO || !isScaled(resolved)
        ? fanMode
        : resolved == Init.XAVIER || resolved == Init.XAVIER_UNIFORM ? FanMode.AVERAGE : FanMode.IN;
    return new InitSpec(resolved, mode, gain, mean, std, low, high, constant);
  }

  /**
   * The gain of a variance-scaling or orthogonal initializer under {@code activation}.
   *
   * @param activation the activation after the layer, for an AUTO gain
   * @param slope the negative slope of a leaky ReLU activation
   * @return the explicit gain, or the one {@link Gains} gives for {@code activation}
   */
  public double gainValue(Nonlinearity activation, double slope) {
    Init resolved = resolve(init, activation);
    if (gain == Gain.ACTIVATION) {
      return Gains.of(activation, slope);
    }
    return resolved == Init.HE || resolved == Init.HE_UNIFORM ? Gains.he(activation, slope) : 1;
  }

  /**
   * The standard deviation the values are drawn with: gain / sqrt(fan) for the variance-scaling
   * initializers, {@code std} for the normals (before truncation), 0 for the constants.
   *
   * @param fans the layer's fans, for the variance-scaling initializers
   * @param activation the activation after the layer (AUTO initializer and gain)
   * @param slope the negative slope of a leaky ReLU activation
   * @return the standard deviation, ≥ 0
   */
  public double scale(Fans fans, Nonlinearity activation, double slope) {
    InitSpec r = resolve(activation);
    return switch (r.init) {
      case ZEROS, CONSTANT -> 0;
      case NORMAL, TRUNCATED_NORMAL -> std;
      case UNIFORM -> (high - low) / Math.sqrt(12);
      case ORTHOGONAL -> gainValue(activation, slope) / Math.sqrt(Math.max(fans.in(), fans.out()));
      case AUTO -> throw new AssertionError("resolved above");
      default -> gainValue(activation, slope) / Math.sqrt(fans.select(r.fanMode));
    };
  }

  /**
   * The standard deviation of the values: {@link #scale} except for the truncated normal (0.880
   * of it). For orthogonal it is that of an entry of a random orthogonal matrix, gain / sqrt(n)
   * with n the longer side.
   *
   * @param fans the layer's fans
   * @param activation the activation after the layer (AUTO initializer and gain)
   * @param slope the negative slope of a leaky ReLU activation
   * @return the standard deviation the drawn values have, ≥ 0
   */
  public double expectedStd(Fans fans, Nonlinearity activation, double slope) {
    double s = scale(fans, activation, slope);
    return init == Init.TRUNCATED_NORMAL ? s * TRUNCATED_STD_FACTOR : s;
  }

  /**
   * Half the width of the uniform forms' support: √3 times their standard deviation.
   *
   * @param fans the layer's fans
   * @param activation the activation after the layer (AUTO initializer and gain)
   * @param slope the negative slope of a leaky ReLU activation
   * @return b such that values are drawn from U(−b, b)
   */
  public double uniformBound(Fans fans, Nonlinearity activation, double slope) {
    return Math.sqrt(3) * scale(fans, activation, slope);
  }

  @Override
  public String toString() {
    return switch (init) {
      case ZEROS -> "zeros";
      case CONSTANT -> "constant(" + constant + ")";
      case NORMAL -> "normal(mean = " + mean + ", std = " + std + ")";
      case TRUNCATED_NORMAL -> "truncated_normal(mean = " + mean + ", std = " + std + ")";
      case UNIFORM -> "uniform(" + low + ", " + high + ")";
      default -> {
        java.util.List<String> options = new java.util.ArrayList<>();
        if (fanMode != FanMode.AUTO) {
          options.add("fan = " + fanMode);
        }
        if (gain != Gain.AUTO) {
          options.add("gain = " + gain);
        }
        yield init.name().toLowerCase(java.util.Locale.ROOT)
            + (options.isEmpty() ? "" : "(" + String.join(", ", options) + ")");
      }
    };
  }
}
