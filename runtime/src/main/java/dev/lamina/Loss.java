package dev.lamina;

/** The loss a {@link Model} is trained with. */
public enum Loss {
  /**
   * Softmax over the last layer's outputs followed by cross-entropy with the integer class label,
   * averaged over the batch. The last layer outputs logits: do not put a softmax activation on it.
   */
  SOFTMAX_CROSS_ENTROPY,
  /** Mean squared error over every output of every sample (PyTorch's {@code MSELoss()}). */
  MEAN_SQUARED_ERROR
}
