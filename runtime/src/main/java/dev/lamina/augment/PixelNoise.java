package dev.lamina.augment;

import dev.lamina.internal.kernel.Bernoulli;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Additive Gaussian pixel noise from a counter-based hash ({@link Bernoulli#hash}, as dropout masks
 * use): pixel {@code i} of a sample gets the normal deviate of (key, i), so noise needs no
 * generator state and is drawn 16 lanes at a time. The noise of {@code @GaussianNoise} layers and
 * weight noise ({@link dev.lamina.internal.kernel.Noise}) hashes the same way but shapes the deviates
 * differently (a sum of bytes); each keeps its own bits.
 *
 * <p>A deviate is the inverse normal CDF of a 24-bit uniform, read from a table of {@value
 * #CELLS} equal-probability cells and interpolated linearly within a cell: the cell is chosen by
 * 12 bits, the place in it by the next 12. The two outermost cells end where the tail's
 * conditional mean is kept, and the table is then scaled to variance exactly 1 (in double), so
 * the deviates have mean 0 and variance 1; they lie within ±3.99σ. Only +, × and fma on
 * table values: the vector and scalar forms give the same bits.
 */
final class PixelNoise {
  private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
  static final int CELLS = 4096;
  private static final float STEP = 1f / 4096;
  /** The deviate at the start of each cell, and the rise to the next. */
  static final float[] START = new float[CELLS];
  static final float[] RISE = new float[CELLS];
  /** The table's variance before scaling, for the test of the construction. */
  static final double RAW_VARIANCE;

  static {
    double[] knot = new double[CELLS + 1];
    for (int i = 1; i < CELLS; i++) {
      knot[i] = inverseNormal((double) i / CELLS);
    }
    // E[Z | Z < z₁] = −φ(z₁)/q for the outer cell of probability q: linear interpolation from
    // knot[0] to knot[1] has mean (knot[0] + knot[1]) / 2, so choose knot[0] to match it.
    double q = 1.0 / CELLS;
    double tailMean = -density(knot[1]) / q;
    knot[0] = 2 * tailMean - knot[1];
    knot[CELLS] = -knot[0];
    // Variance of the piecewise-linear quantile function: ∫ over each cell of (u·k₁ + (1−u)·k₀)².
    double variance = 0;
    for (int i = 0; i < CELLS; i++) {
      double k0 = knot[i];
      double k1 = knot[i + 1];
      variance += (k0 * k0 + k0 * k1 + k1 * k1) / 3 / CELLS;
    }
    RAW_VARIANCE = variance;
    double scale = 1 / Math.sqrt(variance);
    for (int i = 0; i < CELLS; i++) {
      START[i] = (float) (knot[i] * scale);
      RISE[i] = (float) ((knot[i + 1] - knot[i]) * scale);
    }
  }

  private PixelNoise() {}

  /**
   * Adds {@code std} × the deviates of {@code key} to {@code n} values of {@code a} from {@code
   * offset}; {@code indices} is scratch space of one vector's lanes.
   */
  static void add(float[] a, int offset, int n, int key, float std, int[] indices) {
    int lanes = FLOATS.length();
    int bound = FLOATS.loopBound(n);
    FloatVector scale = FloatVector.broadcast(FLOATS, std);
    for (int i = 0; i < bound; i += lanes) {
      // Bernoulli.hash on every lane, spelled out: a vector returned from a call that C2 does not
      // inline becomes a heap object.
      IntVector h = IntVector.zero(INTS).addIndex(1).add(i).mul(0x9E3779B9).add(key);
      h = h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 16)).mul(0x85EBCA6B);
      h = h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 13)).mul(0xC2B2AE35);
      h = h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 16));
      h.lanewise(VectorOperators.LSHR, 20).intoArray(indices, 0);
      FloatVector place = (FloatVector) h.lanewise(VectorOperators.LSHR, 8).and(0xFFF)
          .convert(VectorOperators.I2F, 0);
      FloatVector start = FloatVector.fromArray(FLOATS, START, 0, indices, 0);
      FloatVector rise = FloatVector.fromArray(FLOATS, RISE, 0, indices, 0);
      FloatVector z = place.mul(STEP).fma(rise, start);
      z.fma(scale, FloatVector.fromArray(FLOATS, a, offset + i)).intoArray(a, offset + i);
    }
    for (int i = bound; i < n; i++) {
      a[offset + i] = Math.fma(deviate(key, i), std, a[offset + i]);
    }
  }

  /** The scalar definition of {@link #add}'s deviates: the normal deviate of (key, counter). */
  static float deviate(int key, int counter) {
    int h = Bernoulli.hash(key, counter);
    int cell = h >>> 20;
    float place = ((h >>> 8) & 0xFFF) * STEP;
    return Math.fma(place, RISE[cell], START[cell]);
  }

  /** The scalar definition of {@link #add}. */
  static void reference(float[] a, int offset, int n, int key, float std) {
    for (int i = 0; i < n; i++) {
      a[offset + i] = Math.fma(deviate(key, i), std, a[offset + i]);
    }
  }

  /** φ(z), the standard normal density. */
  static double density(double z) {
    return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
  }

  /**
   * Φ⁻¹(p) for p in (0, 1): Acklam's rational approximation (relative error below 1.2e-9), far
   * finer than the float table it fills.
   */
  static double inverseNormal(double p) {
    double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01};
    double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
        3.754408661907416e+00};
    double low = 0.02425;
    if (p < low) {
      double q = Math.sqrt(-2 * Math.log(p));
      return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - low) {
      return -inverseNormal(1 - p);
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
}
