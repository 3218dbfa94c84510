package dev.lamina;

/**
 * How a layer's weights (or, with {@link BiasInit}, its biases) start. fan_in is the number of
 * inputs of each unit, fan_out the number of units each input feeds; the variance-scaling
 * initializers (Xavier, LeCun, He) draw with standard deviation {@code gain / sqrt(fan)}, the fan
 * chosen by {@link FanMode} and the gain by {@link Gain}. A bare name draws from a normal
 * distribution; {@code _UNIFORM} draws from the uniform distribution with the same variance,
 * U(−√3·std, √3·std).
 */
public enum Init {
  /** {@link #HE} for ReLU and leaky ReLU, {@link #XAVIER} for every other activation. */
  AUTO,
  /** All zeros. On hidden weights every unit then computes the same thing: use for biases. */
  ZEROS,
  /** Every value equals {@code constant}. Same caveat as {@link #ZEROS} for hidden weights. */
  CONSTANT,
  /** N(mean, std²), with {@code mean} and {@code std} (the standard deviation, not the variance). */
  NORMAL,
  /** U(low, high). */
  UNIFORM,
  /**
   * N(mean, std²) with every draw outside mean ± 2·std redrawn, as Keras's TruncatedNormal and
   * PyTorch's {@code trunc_normal_(a = mean − 2·std, b = mean + 2·std)}. {@code std} is that of
   * the normal before truncation; the values' own standard deviation is 0.880·std.
   */
  TRUNCATED_NORMAL,
  /** Xavier / Glorot normal: std = gain·sqrt(2 / (fan_in + fan_out)). For tanh, sigmoid, linear. */
  XAVIER,
  /** Xavier / Glorot uniform: U(±gain·sqrt(6 / (fan_in + fan_out))). */
  XAVIER_UNIFORM,
  /** LeCun normal: std = gain·sqrt(1 / fan_in). For tanh and SELU-like activations. */
  LECUN,
  /** LeCun uniform: U(±gain·sqrt(3 / fan_in)). */
  LECUN_UNIFORM,
  /**
   * He / Kaiming normal: std = sqrt(2 / fan_in) for ReLU, sqrt(2 / ((1 + slope²)·fan_in)) for
   * leaky ReLU (PyTorch's {@code kaiming_normal_}). Keeps ReLU activations alive through depth.
   */
  HE,
  /** He / Kaiming uniform: U(±sqrt(3)·std) with {@link #HE}'s std. */
  HE_UNIFORM,
  /**
   * A random (Haar-distributed) orthogonal matrix times gain, as PyTorch's {@code orthogonal_}:
   * the columns (or the rows, whichever are fewer) are orthonormal. Weights only.
   */
  ORTHOGONAL;

  // The defaults of the distributions' parameters on @Dense and @BiasInit, stated once.
  /** Default mean of {@link #NORMAL} and {@link #TRUNCATED_NORMAL}. */
  public static final double DEFAULT_MEAN = 0.0;
  /** Default standard deviation of {@link #NORMAL} and {@link #TRUNCATED_NORMAL}. */
  public static final double DEFAULT_STD = 0.01;
  /** Default lower bound of {@link #UNIFORM}. */
  public static final double DEFAULT_LOW = -0.05;
  /** Default upper bound of {@link #UNIFORM}. */
  public static final double DEFAULT_HIGH = 0.05;
  /** Default value of {@link #CONSTANT}. */
  public static final double DEFAULT_CONSTANT = 0.0;
}
