package dev.lamina.internal.kernel;

import jdk.incubator.vector.FloatVector;

/**
 * bfloat16 values stored in {@code short}s: a float's upper 16 bits (sign, the 8 exponent bits,
 * 7 of the 23 mantissa bits), so a value widens back to float exactly by a shift, and keeps the
 * float's range with a relative rounding error of at most 2⁻⁸.
 *
 * <p>{@link #pack} lays a weight matrix out for {@link Bf16Gemm}: each row of W padded to {@link
 * #paddedColumns} columns, and each block of 2·L columns (L = floats per vector) interleaved, so
 * that one vector load of 2·L shorts, viewed as L ints, holds columns j..j+L-1 in the low halves
 * and j+L..j+2L-1 in the high halves: {@code int << 16} and {@code int & 0xFFFF0000} are the two
 * float vectors, with no lane shuffles.
 */
public final class BFloat16 {
  /** Floats per vector, which sets the interleaving of {@link #pack}. */
  private static final int L = FloatVector.SPECIES_PREFERRED.length();
  /**
   * The quiet NaN that every NaN becomes, as PyTorch's scalar {@code c10::BFloat16} conversion
   * does (its vectorized tensor conversion gives 0xFFFF, another NaN).
   */
  public static final short NAN = 0x7FC0;

  private BFloat16() {}

  /**
   * {@code f} rounded to the nearest bfloat16, ties to even (overflow gives ±infinity); every NaN
   * gives {@link #NAN}. For every other float, the same bits as PyTorch's {@code
   * tensor.to(torch.bfloat16)}.
   *
   * @param f any float
   * @return its bfloat16 bits
   */
  public static short fromFloat(float f) {
    if (Float.isNaN(f)) {
      return NAN;
    }
    int bits = Float.floatToRawIntBits(f);
    int lsb = (bits >>> 16) & 1; // the last kept bit: a tie rounds towards it being 0
    return (short) ((bits + 0x7FFF + lsb) >>> 16);
  }

  /**
   * The float a bfloat16 stands for: exact.
   *
   * @param h bfloat16 bits
   * @return the float
   */
  public static float toFloat(short h) {
    return Float.intBitsToFloat(h << 16);
  }

  /**
   * {@code f} rounded to bfloat16 and widened back: the value a bfloat16 weight computes with.
   *
   * @param f any float
   * @return the nearest bfloat16, as a float
   */
  public static float round(float f) {
    return toFloat(fromFloat(f));
  }

  /**
   * The row length of a packed matrix of {@code n} columns: n rounded up to 2·L.
   *
   * @param n columns, > 0
   * @return the padded row length
   */
  public static int paddedColumns(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("n must be > 0, got " + n);
    }
    return (n + 2 * L - 1) / (2 * L) * (2 * L);
  }

  /**
   * W (k × n, row-major) rounded to bfloat16 and laid out for {@link Bf16Gemm}: k rows of {@link
   * #paddedColumns}(n) shorts, zeros past column n, each block of 2·L columns interleaved (see the
   * class comment).
   *
   * @param w the weights, k·n floats
   * @param k rows
   * @param n columns
   * @return the packed weights
   */
  public static short[] pack(float[] w, int k, int n) {
    int padded = paddedColumns(n);
    if (k <= 0 || w.length < (long) k * n) {
      throw new IllegalArgumentException("w must hold k × n = " + k + " × " + n
          + " values, got " + w.length);
    }
    short[] packed = new short[k * padded];
    for (int p = 0; p < k; p++) {
      for (int j = 0; j < n; j++) {
        packed[p * padded + slot(j)] = fromFloat(w[p * n + j]);
      }
    }
    return packed;
  }

  /**
   * The inverse of {@link #pack}: the k × n floats that packed weights stand for.
   *
   * @param packed weights from {@link #pack}
   * @param k rows
   * @param n columns
   * @return the widened weights, row-major
   */
  public static float[] unpack(short[] packed, int k, int n) {
    int padded = paddedColumns(n);
    float[] w = new float[k * n];
    for (int p = 0; p < k; p++) {
      for (int j = 0; j < n; j++) {
        w[p * n + j] = toFloat(packed[p * padded + slot(j)]);
      }
    }
    return w;
  }

  /** Where column j lies in a packed row: the low half of int t holds column t of its block. */
  private static int slot(int j) {
    int block = j / (2 * L) * (2 * L);
    int t = j - block;
    return t < L ? block + 2 * t : block + 2 * (t - L) + 1;
  }
}
