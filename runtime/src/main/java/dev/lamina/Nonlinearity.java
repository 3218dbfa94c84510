package dev.lamina;

/** The elementwise function an {@link Activation} applies. */
public enum Nonlinearity {
  IDENTITY,
  RELU,
  /** max(x, slope·x), with the slope given on the {@link Activation}. */
  LEAKY_RELU,
  TANH,
  SIGMOID
}
