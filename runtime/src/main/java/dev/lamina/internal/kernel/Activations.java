package dev.lamina.internal.kernel;

import dev.lamina.Nonlinearity;

/**
 * The scalar definition of every activation and its derivative, in double precision: the
 * readable math and the oracle the generated kernels are tested against. Each follows PyTorch's
 * module of the same name, thresholds included (softplus is x above 20; hard-swish's slope is
 * -1/2 at exactly -3 and 1 at exactly 3, as PyTorch 1.13's backward gives).
 */
public final class Activations {
  /** SELU's λ and α (Klambauer et al. 2017), as PyTorch has them. */
  public static final double SELU_LAMBDA = 1.0507009873554804934193349852946;
  public static final double SELU_ALPHA = 1.6732632423543772848170429916717;
  /** GELU's tanh form: tanh(SCALE·(x + CUBIC·x³)), SCALE = √(2/π). */
  public static final double GELU_TANH_SCALE = Math.sqrt(2 / Math.PI);
  public static final double GELU_TANH_CUBIC = 0.044715;
  /** Above this, softplus is x itself (PyTorch's default threshold, β = 1). */
  public static final double SOFTPLUS_THRESHOLD = 20;

  private Activations() {}

  public static double apply(Nonlinearity f, double slope, double x) {
    return switch (f) {
      case IDENTITY -> x;
      case RELU -> Math.max(x, 0);
      case LEAKY_RELU -> x > 0 ? x : slope * x;
      case TANH -> Math.tanh(x);
      case SIGMOID -> sigmoid(x);
      case GELU -> x * normalCdf(x);
      case GELU_TANH -> 0.5 * x * (1 + Math.tanh(GELU_TANH_SCALE * (x + GELU_TANH_CUBIC * x * x * x)));
      case SILU -> x * sigmoid(x);
      case ELU -> x > 0 ? x : Math.expm1(x);
      case SELU -> SELU_LAMBDA * (x > 0 ? x : SELU_ALPHA * Math.expm1(x));
      case SOFTPLUS -> x > SOFTPLUS_THRESHOLD ? x : Math.log1p(Math.exp(x));
      case HARDSWISH -> x * Math.min(Math.max(x + 3, 0), 6) / 6;
    };
  }

  /**
   * Whether f' needs the activation's input x: GELU (both forms), SiLU, softplus and hard-swish cannot be
   * inverted from their output (or only inaccurately), so the passes keep x for them; the others
   * write f' in terms of the output y.
   */
  public static boolean derivativeNeedsInput(Nonlinearity f) {
    return switch (f) {
      case GELU, GELU_TANH, SILU, SOFTPLUS, HARDSWISH -> true;
      default -> false;
    };
  }

  /** f'(x), from the input x or the output y = f(x), as {@link #derivativeNeedsInput} says. */
  public static double derivative(Nonlinearity f, double slope, double x, double y) {
    return derivativeNeedsInput(f) ? derivativeFromInput(f, x) : derivativeFromOutput(f, slope, y);
  }

  /** f'(x) written in terms of the output y = f(x), for the activations that allow it. */
  public static double derivativeFromOutput(Nonlinearity f, double slope, double y) {
    return switch (f) {
      case IDENTITY -> 1;
      case RELU -> y > 0 ? 1 : 0;
      case LEAKY_RELU -> y > 0 ? 1 : slope;
      case TANH -> 1 - y * y;
      case SIGMOID -> y * (1 - y);
      case ELU -> y > 0 ? 1 : y + 1; // e^x = y + 1
      case SELU -> y > 0 ? SELU_LAMBDA : y + SELU_LAMBDA * SELU_ALPHA; // λαe^x = y + λα
      case GELU, GELU_TANH, SILU, SOFTPLUS, HARDSWISH -> throw new IllegalArgumentException(
          f + "'s derivative needs the input: use derivative(f, slope, x, y)");
    };
  }

  /** f'(x) of the activations whose derivative needs the input ({@link #derivativeNeedsInput}). */
  public static double derivativeFromInput(Nonlinearity f, double x) {
    return switch (f) {
      case GELU -> normalCdf(x) + x * Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
      case GELU_TANH -> {
        double t = Math.tanh(GELU_TANH_SCALE * (x + GELU_TANH_CUBIC * x * x * x));
        yield 0.5 * (1 + t)
            + 0.5 * x * (1 - t * t) * GELU_TANH_SCALE * (1 + 3 * GELU_TANH_CUBIC * x * x);
      }
      case SILU -> {
        double s = sigmoid(x);
        yield s * (1 + x * (1 - s));
      }
      case SOFTPLUS -> x > SOFTPLUS_THRESHOLD ? 1 : sigmoid(x);
      case HARDSWISH -> x < -3 ? 0 : x < 3 ? x / 3 + 0.5 : 1;
      default -> throw new IllegalArgumentException(
          f + "'s derivative is written in terms of its output: use derivativeFromOutput");
    };
  }

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** Φ(x), the standard normal CDF, = erfc(−x/√2) / 2, to about 1e-15 relative. */
  public static double normalCdf(double x) {
    double z = x / Math.sqrt(2);
    if (z < -3) {
      return 0.5 * erfcLarge(-z);
    }
    if (z > 3) {
      return 1 - 0.5 * erfcLarge(z);
    }
    return 0.5 * (1 + erfSeries(z));
  }

  /** erf(z) by its Taylor series; for |z| ≤ 3 the largest term is below 1e3, so ~1e-13 is kept. */
  static double erfSeries(double z) {
    double z2 = z * z;
    double power = z; // (−1)^n z^(2n+1) / n!
    double sum = 0;
    for (int n = 0; n < 200; n++) {
      double term = power / (2 * n + 1);
      sum += term;
      if (Math.abs(term) < 1e-17 * Math.abs(sum)) {
        break;
      }
      power *= -z2 / (n + 1);
    }
    return 2 / Math.sqrt(Math.PI) * sum;
  }

  /**
   * erfc(z) for z ≥ 3 by its continued fraction e^(−z²)/√π · 1/(z + (1/2)/(z + 1/(z + (3/2)/(z +
   * ...)))), evaluated from a depth where it has long converged.
   */
  static double erfcLarge(double z) {
    double f = z;
    for (int k = 80; k >= 1; k--) {
      f = z + (k / 2.0) / f;
    }
    return Math.exp(-z * z) / Math.sqrt(Math.PI) / f;
  }
}
