package dev.lamina.nn;

/**
 * How an inference copy ({@link Network#inferenceCopy}) stores its dense layers' weights.
 * Activations, biases and normalization stay float, and products are summed in float either way.
 */
public enum WeightPrecision {
  /** 32-bit floats: the trained weights as they are. */
  FLOAT32,
  /**
   * bfloat16: each weight rounded to the nearest value with 8 significant bits (ties to even; a
   * relative error of at most 2⁻⁸), half the bytes of a float, widened to float in registers. One
   * sample's inference streams every weight once, so it takes about half the time.
   */
  BFLOAT16,
  /**
   * 8-bit integers with one scale per output unit (per column of W): each column's largest |w|
   * maps to 127, the others round to the nearest step (an error of at most half a step, its
   * largest |w| / 254), a quarter of the bytes of a float. The integers are widened to float in
   * registers and the scale multiplies each sum.
   */
  INT8
}
