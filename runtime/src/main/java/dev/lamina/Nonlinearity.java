package dev.lamina;

/** The elementwise function an {@link Activation} applies. */
public enum Nonlinearity {
  /** f(x) = x: no activation (a linear layer, or logits). */
  IDENTITY,
  /** max(x, 0). */
  RELU,
  /** max(x, slope·x), with the slope given on the {@link Activation}. */
  LEAKY_RELU,
  /** tanh(x), in (−1, 1). */
  TANH,
  /** 1 / (1 + e^(−x)), in (0, 1). */
  SIGMOID
}
