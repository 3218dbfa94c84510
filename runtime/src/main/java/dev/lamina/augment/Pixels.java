package dev.lamina.augment;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The per-pixel value transforms: a mean, an affine map of values (brightness and contrast),
 * clipping, and a filled rectangle (cutout). Each vector kernel has a scalar twin giving the
 * same bits; tails use the twin's formula.
 */
final class Pixels {
  private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = FLOATS.length();

  private Pixels() {}

  /**
   * The mean of {@code n} values from {@code offset}. Lanes are summed separately and then in
   * lane order (never by {@code reduceLanes}, whose order may change with the JIT tier), so the
   * result is the same bits every time; {@code lanes} is scratch space of one vector.
   */
  static float mean(float[] a, int offset, int n, float[] lanes) {
    int bound = FLOATS.loopBound(n);
    FloatVector sum = FloatVector.zero(FLOATS);
    for (int i = 0; i < bound; i += LANES) {
      sum = sum.add(FloatVector.fromArray(FLOATS, a, offset + i));
    }
    sum.intoArray(lanes, 0);
    return finishMean(a, offset, n, bound, lanes);
  }

  /** The scalar definition of {@link #mean}: the same striped sums in the same order. */
  static float meanReference(float[] a, int offset, int n) {
    int bound = n - n % LANES;
    float[] lanes = new float[LANES];
    for (int i = 0; i < bound; i += LANES) {
      for (int l = 0; l < LANES; l++) {
        lanes[l] += a[offset + i + l];
      }
    }
    return finishMean(a, offset, n, bound, lanes);
  }

  private static float finishMean(float[] a, int offset, int n, int bound, float[] lanes) {
    float total = 0;
    for (int l = 0; l < LANES; l++) {
      total += lanes[l];
    }
    for (int i = bound; i < n; i++) {
      total += a[offset + i];
    }
    return total / n;
  }

  /** {@code a[i] = a[i]·mul + add} for {@code n} values from {@code offset}. */
  static void scaleShift(float[] a, int offset, int n, float mul, float add) {
    int bound = FLOATS.loopBound(n);
    for (int i = 0; i < bound; i += LANES) {
      FloatVector.fromArray(FLOATS, a, offset + i).fma(mul, add).intoArray(a, offset + i);
    }
    for (int i = bound; i < n; i++) {
      a[offset + i] = Math.fma(a[offset + i], mul, add);
    }
  }

  /** {@code a[i] = min(max(a[i], low), high)} for {@code n} values from {@code offset}. */
  static void clip(float[] a, int offset, int n, float low, float high) {
    int bound = FLOATS.loopBound(n);
    for (int i = 0; i < bound; i += LANES) {
      FloatVector.fromArray(FLOATS, a, offset + i).max(low).min(high).intoArray(a, offset + i);
    }
    for (int i = bound; i < n; i++) {
      a[offset + i] = Math.min(Math.max(a[offset + i], low), high);
    }
  }

  /**
   * Sets rows [top, bottom) × columns [left, right) of every channel of the image at {@code
   * offset} to {@code value}; the bounds must lie within the image.
   */
  static void fillRectangle(float[] a, int offset, ImageShape shape, int top, int bottom,
      int left, int right, float value) {
    for (int ch = 0; ch < shape.channels(); ch++) {
      int base = offset + ch * shape.plane();
      for (int y = top; y < bottom; y++) {
        Arrays.fill(a, base + y * shape.width() + left, base + y * shape.width() + right, value);
      }
    }
  }

  /**
   * {@code out = λ·a + (1 − λ)·b} over {@code n} values (mixup), computed as fma(a, λ, b·(1 − λ))
   * by both forms; {@code out} may be {@code a} or {@code b} at the same offset.
   */
  static void blend(float[] out, int outOffset, float[] a, int aOffset, float[] b, int bOffset,
      int n, float lambda) {
    float rest = 1 - lambda;
    FloatVector share = FloatVector.broadcast(FLOATS, lambda);
    int bound = FLOATS.loopBound(n);
    for (int i = 0; i < bound; i += LANES) {
      FloatVector.fromArray(FLOATS, a, aOffset + i)
          .fma(share, FloatVector.fromArray(FLOATS, b, bOffset + i).mul(rest))
          .intoArray(out, outOffset + i);
    }
    for (int i = bound; i < n; i++) {
      out[outOffset + i] = Math.fma(a[aOffset + i], lambda, b[bOffset + i] * rest);
    }
  }
}
