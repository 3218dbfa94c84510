package dev.lamina.nn;

/** What a parameter tensor is, which decides its defaults (weight decay applies to weights only). */
public enum ParameterKind {
  /** A dense or convolution weight. */
  WEIGHT(true),
  /** A bias. */
  BIAS(false),
  /** A normalization's scale γ. */
  GAMMA(false),
  /** A normalization's shift β. */
  BETA(false);

  private final boolean decayedByDefault;

  ParameterKind(boolean decayedByDefault) {
    this.decayedByDefault = decayedByDefault;
  }

  /**
   * Whether weight decay applies to parameters of this kind unless the layer says otherwise.
   *
   * @return true for weights only
   */
  public boolean decayedByDefault() {
    return decayedByDefault;
  }
}
