package dev.lamina.internal.kernel;

import dev.lamina.Nonlinearity;

/**
 * The scalar definition of every activation and its derivative, in double precision: the
 * readable math and the oracle the generated kernels are tested against.
 */
public final class Activations {
  private Activations() {}

  public static double apply(Nonlinearity f, double slope, double x) {
    return switch (f) {
      case IDENTITY -> x;
      case RELU -> Math.max(x, 0);
      case LEAKY_RELU -> x > 0 ? x : slope * x;
      case TANH -> Math.tanh(x);
      case SIGMOID -> 1 / (1 + Math.exp(-x));
    };
  }

  /** f'(x) written in terms of the output y = f(x), which is what the backward pass keeps. */
  public static double derivativeFromOutput(Nonlinearity f, double slope, double y) {
    return switch (f) {
      case IDENTITY -> 1;
      case RELU -> y > 0 ? 1 : 0;
      case LEAKY_RELU -> y > 0 ? 1 : slope;
      case TANH -> 1 - y * y;
      case SIGMOID -> y * (1 - y);
    };
  }
}
