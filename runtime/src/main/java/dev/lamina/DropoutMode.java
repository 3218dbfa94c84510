package dev.lamina;

/** Two equivalent ways to keep a dropout layer's expected output the same in training and use. */
public enum DropoutMode {
  /** Training scales kept units by 1/keep; inference uses the layer as it is. */
  INVERTED,
  /** Training keeps units unscaled; inference scales the layer's output by keep. */
  CLASSIC
}
