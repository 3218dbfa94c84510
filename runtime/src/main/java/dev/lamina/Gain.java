package dev.lamina;

/**
 * The factor on the standard deviation of a variance-scaling {@link Init} (and on {@link
 * Init#ORTHOGONAL}). The gains are PyTorch's {@code calculate_gain}: 1 for identity and sigmoid,
 * 5/3 for tanh, √2 for ReLU, √(2 / (1 + slope²)) for leaky ReLU.
 */
public enum Gain {
  /**
   * The initializer's own: He uses its ReLU-family gain (the leaky ReLU one when the layer's
   * activation is leaky ReLU, √2 otherwise); Xavier, LeCun and orthogonal use 1.
   */
  AUTO,
  /** The gain of the layer's own activation, e.g. 5/3 for Xavier under tanh, as PyTorch suggests. */
  ACTIVATION
}
