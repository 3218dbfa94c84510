package dev.lamina;

/**
 * The loss a {@link Model} is trained with, which also says what task the model does: each loss
 * names the data it takes ({@code dev.lamina.data.Dataset}'s target kinds) and the PyTorch loss
 * it equals. Every loss is averaged over the batch; the per-sample losses of class-labelled data
 * are multiplied by their class's weight when the data has class weights (Keras's {@code
 * class_weight}).
 */
public enum Loss {
  /**
   * Softmax over the last layer's outputs followed by cross-entropy with the integer class label,
   * averaged over the batch (PyTorch's {@code CrossEntropyLoss()}). The last layer outputs logits:
   * do not put a softmax activation on it. For two or more classes.
   */
  SOFTMAX_CROSS_ENTROPY,
  /**
   * Mean squared error over every output of every sample (PyTorch's {@code MSELoss()}): against
   * regression targets, or against the one-hot vector of a class label.
   */
  MEAN_SQUARED_ERROR,
  /** Mean absolute error over every output of regression targets (PyTorch's {@code L1Loss()}). */
  MEAN_ABSOLUTE_ERROR,
  /**
   * Huber loss over every output of regression targets (PyTorch's {@code HuberLoss(delta=δ)}):
   * ½d² where |d| ≤ δ, δ(|d| − ½δ) beyond, so outliers pull linearly. δ is {@link
   * Model#huberDelta()}, 1 by default as in PyTorch.
   */
  HUBER,
  /**
   * Binary classification with one logit: sigmoid and cross-entropy against a class label 0 or 1
   * (PyTorch's {@code BCEWithLogitsLoss()}). The last layer has 1 unit and no activation.
   */
  BINARY_CROSS_ENTROPY,
  /**
   * Multi-label classification: one logit per label, each with its own sigmoid and cross-entropy
   * against a 0/1 flag, averaged over labels and samples (PyTorch's {@code BCEWithLogitsLoss()}).
   * The last layer has one unit per label and no activation.
   */
  MULTI_LABEL_CROSS_ENTROPY
}
