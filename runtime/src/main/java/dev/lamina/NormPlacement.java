package dev.lamina;

/** Where a normalization sits relative to the layer's activation. */
public enum NormPlacement {
  /** Normalize the weighted sum, then activate: the original batch normalization paper. */
  BEFORE_ACTIVATION,
  /** Activate, then normalize the activations, which later work found sometimes trains better. */
  AFTER_ACTIVATION
}
