package dev.lamina;

/** Which fan a variance-scaling {@link Init} divides by. */
public enum FanMode {
  /** The initializer's own: {@link #AVERAGE} for Xavier, {@link #IN} for LeCun and He. */
  AUTO,
  /** fan_in, the inputs of each unit: preserves the variance of the forward pass. */
  IN,
  /** fan_out, the units each input feeds: preserves the variance of the backward pass. */
  OUT,
  /** (fan_in + fan_out) / 2: Glorot's compromise between the two passes. */
  AVERAGE
}
