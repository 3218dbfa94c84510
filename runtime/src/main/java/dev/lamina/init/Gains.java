package dev.lamina.init;

import dev.lamina.Nonlinearity;

/** The gains of PyTorch's {@code torch.nn.init.calculate_gain}, for Lamina's activations. */
public final class Gains {
  private Gains() {}

  /**
   * The factor that keeps the variance of {@code f}'s output equal to its input's: 1 for identity
   * and sigmoid, 5/3 for tanh, √2 for ReLU, √(2 / (1 + slope²)) for leaky ReLU, 3/4 for SELU (all
   * PyTorch's). PyTorch has none for GELU, SiLU, ELU, softplus and hard-swish; like ReLU they pass
   * on about half of a symmetric input's second moment, so they get ReLU's √2.
   *
   * @param f the activation that follows the layer
   * @param slope the negative slope, read only for leaky ReLU
   * @return the gain, > 0 (3/4 for SELU, ≥ 1 for the others)
   */
  public static double of(Nonlinearity f, double slope) {
    return switch (f) {
      case IDENTITY, SIGMOID -> 1;
      case TANH -> 5.0 / 3;
      case RELU, GELU, GELU_TANH, SILU, ELU, SOFTPLUS, HARDSWISH -> Math.sqrt(2);
      case LEAKY_RELU -> Math.sqrt(2 / (1 + slope * slope));
      case SELU -> 3.0 / 4;
    };
  }

  /**
   * Whether {@code f} is of the ReLU family, which He's initializer is derived for: ReLU, leaky
   * ReLU, and their smooth relatives GELU, SiLU, ELU, softplus and hard-swish.
   *
   * @param f an activation
   * @return true for ReLU, leaky ReLU, GELU (both forms), SiLU, ELU, softplus and hard-swish
   */
  public static boolean isReluFamily(Nonlinearity f) {
    return switch (f) {
      case RELU, LEAKY_RELU, GELU, GELU_TANH, SILU, ELU, SOFTPLUS, HARDSWISH -> true;
      case IDENTITY, TANH, SIGMOID, SELU -> false;
    };
  }

  /**
   * He's own gain: the leaky ReLU one when {@code f} is leaky ReLU, ReLU's √2 for every other
   * activation (He is derived for the ReLU family; under others it still means 2/fan_in).
   *
   * @param f the activation that follows the layer
   * @param slope the negative slope, read only for leaky ReLU
   * @return √(2 / (1 + slope²)) for leaky ReLU, otherwise √2
   */
  public static double he(Nonlinearity f, double slope) {
    return of(f == Nonlinearity.LEAKY_RELU ? f : Nonlinearity.RELU, slope);
  }
}
