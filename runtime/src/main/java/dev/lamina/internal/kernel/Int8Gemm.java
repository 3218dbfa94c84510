package dev.lamina.internal.kernel;

import static jdk.incubator.vector.VectorOperators.B2F;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code C = A·Q} with Q int8 weights quantized per column ({@link #quantize}): each load of L
 * bytes is widened in registers to a float vector, and the products are float fma chains of the
 * integers; the column's scale multiplies the sum afterwards (the caller's epilogue). Each element
 * of C is the fma chain over p in increasing order from 0, whichever tile computes it.
 */
public final class Int8Gemm {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final VectorSpecies<Byte> B =
      VectorSpecies.of(byte.class, VectorShape.forBitSize(L * Byte.SIZE));
  private static final boolean WIDE = S.vectorBitSize() >= 512;

  private Int8Gemm() {}

  /**
   * The row length of quantized weights of {@code n} columns: n rounded up to L.
   *
   * @param n columns, > 0
   * @return the padded row length
   */
  public static int paddedColumns(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("n must be > 0, got " + n);
    }
    return (n + L - 1) / L * L;
  }

  /**
   * W (k × n) as integers in [-127, 127] per column: column j's scale is its largest |w| / 127,
   * and {@code q = round(w / scale)} (half away from zero); k rows of {@link #paddedColumns}(n)
   * bytes, zeros past column n.
   *
   * @param w the weights, row-major
   * @param k rows
   * @param n columns
   * @param scales receives each column's scale (n values; 0 for a column of zeros)
   * @return the quantized weights
   */
  public static byte[] quantize(float[] w, int k, int n, float[] scales) {
    int padded = paddedColumns(n);
    for (int j = 0; j < n; j++) {
      float max = 0f;
      for (int p = 0; p < k; p++) {
        max = Math.max(max, Math.abs(w[p * n + j]));
      }
      scales[j] = max / 127f;
    }
    byte[] q = new byte[k * padded];
    for (int p = 0; p < k; p++) {
      for (int j = 0; j < n; j++) {
        q[p * padded + j] = scales[j] == 0f ? 0 : (byte) Math.round(w[p * n + j] / scales[j]);
      }
    }
    return q;
  }

  /**
   * Rows r0..r1-1 of {@code C = A·Q}, all {@code n} (padded) columns written.
   *
   * @param c the output, row length {@code ldc}
   * @param ldc the row length of c, at least n
   * @param a the input, row length {@code lda}
   * @param lda the row length of a, at least k
   * @param q the weights from {@link #quantize}, k rows of n bytes
   * @param k the summed dimension
   * @param n the padded columns
   * @param r0 the first row
   * @param r1 one past the last row
   */
  public static void matmul(
      float[] c, int ldc, float[] a, int lda, byte[] q, int k, int n, int r0, int r1) {
    if (k <= 0 || n <= 0 || n % L != 0 || lda < k || ldc < n || q.length < (long) k * n) {
      throw new IllegalArgumentException("k must be > 0, n a multiple of " + L + ", lda >= k,"
          + " ldc >= n and q hold k × n bytes; got k = " + k + ", n = " + n + ", lda = " + lda
          + ", ldc = " + ldc + ", q: " + q.length);
    }
    int r = r0;
    for (; r + 4 <= r1; r += 4) {
      for (int j = 0; j < n; j += L) {
        tile4x1(c, r * ldc + j, ldc, a, r * lda, lda, q, j, n, k);
      }
    }
    for (; r < r1; r++) {
      int j = 0;
      if (WIDE) {
        for (; j + 16 * L <= n; j += 16 * L) {
          tile1x16(c, r * ldc + j, a, r * lda, q, j, n, k);
        }
      }
      for (; j < n; j += L) {
        tile1x1(c, r * ldc + j, a, r * lda, q, j, n, k);
      }
    }
  }

  /** 1 row × 16 vectors of C: one sample. */
  private static void tile1x16(
      float[] c, int ci, float[] a, int ai, byte[] q, int qi, int ldq, int k) {
    FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0;
    FloatVector c7 = c0, c8 = c0, c9 = c0, c10 = c0, c11 = c0, c12 = c0, c13 = c0, c14 = c0;
    FloatVector c15 = c0;
    for (int p = 0, pq = qi; p < k; p++, pq += ldq) {
      FloatVector x = FloatVector.broadcast(S, a[ai + p]);
      c0 = x.fma((FloatVector) ByteVector.fromArray(B, q, pq).convertShape(B2F, S, 0), c0);
      c1 = x.fma((FloatVector) ByteVector.fromArray(B, q, pq + L).convertShape(B2F, S, 0), c1);
      c2 = x.fma((FloatVector) ByteVector.fromArray(B, q, pq + 2 * L).convertShape(B2F, S, 0), c2);
      c3 = x.fma((FloatVector) ByteVector.fromArray(B, q, pq + 3 * L).convertShape(B2F, S, 0), c3);
      c4 = x.fma((FloatVector) ByteVector.fromArray(B, q, pq + 4 * L).convertShape(B2F, S, 0), c4);
      c5 = x.fma((FloatVector) ByteVector.fromArray(B, q, pq + 5 * L).convertShape(B2F, S, 0), c5);
      c6 = x.fma((FloatVector) ByteVector.fromArray(B, q, pq + 6 * L).convertShape(B2F, S, 0), c6);
      c7 = x.fma((FloatVector) ByteVector.fromArray(B, q, pq + 7 * L).convertShape(B2F, S, 0), c7);
      c8 = x.fma((FloatVector) ByteVector.fromArray(B, q, pq + 8 * L).convertShape(B2F, S, 0), c8);
      c9 = x.fma((FloatVector) ByteVector.fromArray(B, q, pq + 9 * L).convertShape(B2F, S, 0), c9);
      c10 = x.fma((FloatVector) ByteVector.fromArray(B, q, pq + 10 * L).convertShape(B2F, S, 0), c10);
      c11 = x.fma((FloatVector) ByteVector.fromArray(B, q, pq + 11 * L).convertShape(B2F, S, 0), c11);
      c12 = x.fma((FloatVector) ByteVector.fromArray(B, q, pq + 12 * L).convertShape(B2F, S, 0), c12);
      c13 = x.fma((FloatVector) ByteVector.fromArray(B, q, pq + 13 * L).convertShape(B2F, S, 0), c13);
      c14 = x.fma((FloatVector) ByteVector.fromArray(B, q, pq + 14 * L).convertShape(B2F, S, 0), c14);
      c15 = x.fma((FloatVector) ByteVector.fromArray(B, q, pq + 15 * L).convertShape(B2F, S, 0), c15);
    }
    c0.intoArray(c, ci);
    c1.intoArray(c, ci + L);
    c2.intoArray(c, ci + 2 * L);
    c3.intoArray(c, ci + 3 * L);
    c4.intoArray(c, ci + 4 * L);
    c5.intoArray(c, ci + 5 * L);
    c6.intoArray(c, ci + 6 * L);
    c7.intoArray(c, ci + 7 * L);
    c8.intoArray(c, ci + 8 * L);
    c9.intoArray(c, ci + 9 * L);
    c10.intoArray(c, ci + 10 * L);
    c11.intoArray(c, ci + 11 * L);
    c12.intoArray(c, ci + 12 * L);
    c13.intoArray(c, ci + 13 * L);
    c14.intoArray(c, ci + 14 * L);
    c15.intoArray(c, ci + 15 * L);
  }

  /** 1 row × 1 vector of C. */
  private static void tile1x1(
      float[] c, int ci, float[] a, int ai, byte[] q, int qi, int ldq, int k) {
    FloatVector c0 = FloatVector.zero(S);
    for (int p = 0, pq = qi; p < k; p++, pq += ldq) {
      c0 = FloatVector.broadcast(S, a[ai + p])
          .fma((FloatVector) ByteVector.fromArray(B, q, pq).convertShape(B2F, S, 0), c0);
    }
    c0.intoArray(c, ci);
  }

  /** 4 rows × 1 vector of C. */
  private static void tile4x1(float[] c, int ci, int ldc, float[] a, int ai, int lda, byte[] q,
      int qi, int ldq, int k) {
    FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0;
    for (int p = 0, pq = qi; p < k; p++, pq += ldq) {
      FloatVector w = (FloatVector) ByteVector.fromArray(B, q, pq).convertShape(B2F, S, 0);
      c0 = FloatVector.broadcast(S, a[ai + p]).fma(w, c0);
      c1 = FloatVector.broadcast(S, a[ai + lda + p]).fma(w, c1);
      c2 = FloatVector.broadcast(S, a[ai + 2 * lda + p]).fma(w, c2);
      c3 = FloatVector.broadcast(S, a[ai + 3 * lda + p]).fma(w, c3);
    }
    c0.intoArray(c, ci);
    c1.intoArray(c, ci + ldc);
    c2.intoArray(c, ci + 2 * ldc);
    c3.intoArray(c, ci + 3 * ldc);
  }
}
