package dev.lamina.nn;

/** What a parameter tensor is, which decides its defaults (weight decay applies to weights only). */
public enum ParameterKind {
  WEIGHT(true),
  BIAS(false),
  GAMMA(false),
  BETA(false);

  private final boolean decayedByDefault;

  ParameterKind(boolean decayedByDefault) {
    this.decayedByDefault = decayedByDefault;
  }

  /** Whether weight decay applies to parameters of this kind unless the layer says otherwise. */
  public boolean decayedByDefault() {
    return decayedByDefault;
  }
}
