package dev.lamina.internal.kernel;

import static jdk.incubator.vector.VectorOperators.LSHL;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code C = A·W} with W in bfloat16, packed by {@link BFloat16#pack}: each load of 2·L shorts is
 * widened in registers to two float vectors (a shift and a mask, see {@link BFloat16}), and the
 * products are float fma chains. For one sample the product is bound by how fast W streams into
 * the core, so half the bytes take about half the time.
 *
 * <p>Every element of C is the fma chain of {@link Gemm} over the widened weights, p in increasing
 * order from 0: C is bit for bit {@code Gemm.matmul} of A and {@link BFloat16#unpack}(W), for any
 * row range and whichever tile computes it.
 *
 * <p>Rows go in blocks of 4 (16 accumulators on AVX-512, 8 otherwise), leftover rows and a single
 * sample through 1-row tiles that read whole rows of W in order, as {@code Gemm}'s do.
 */
public final class Bf16Gemm {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Short> H = S.vectorShape().withLanes(short.class);
  private static final int L = S.length();
  /** Columns of C per packed vector of W: its low and high halves. */
  private static final int W2 = 2 * L;
  /** The high half of each int: the bfloat16 in the upper 16 bits, as a float. */
  private static final int HIGH = 0xFFFF0000;
  /** Whether 16 accumulators fit with room to spare: AVX-512's 32 vector registers. */
  private static final boolean WIDE = S.vectorBitSize() >= 512;

  private Bf16Gemm() {}

  /**
   * Rows r0..r1-1 of {@code C = A·W}, all {@code n} (padded) columns written.
   *
   * <pre>
   * a (rows, lda) reading its first k columns · w (k, n) packed -> c (rows, ldc), columns 0..n-1
   * </pre>
   *
   * @param c the output, row-major with row length {@code ldc}
   * @param ldc the row length of c, at least n
   * @param a the input, row-major with row length {@code lda}
   * @param lda the row length of a, at least k
   * @param w the weights from {@link BFloat16#pack}, k rows of n shorts
   * @param k the summed dimension
   * @param n the padded columns, {@link BFloat16#paddedColumns} of the layer's
   * @param r0 the first row
   * @param r1 one past the last row
   */
  public static void matmul(
      float[] c, int ldc, float[] a, int lda, short[] w, int k, int n, int r0, int r1) {
    check(c, ldc, a, lda, w, k, n, r0, r1);
    int r = r0;
    for (; r + 4 <= r1; r += 4) {
      int j = 0;
      if (WIDE) {
        for (; j + 2 * W2 <= n; j += 2 * W2) {
          tile4x2(c, r * ldc + j, ldc, a, r * lda, lda, w, j, n, k);
        }
      }
      for (; j < n; j += W2) {
        tile4x1(c, r * ldc + j, ldc, a, r * lda, lda, w, j, n, k);
      }
    }
    for (; r < r1; r++) {
      row(c, r * ldc, a, r * lda, w, n, k);
    }
  }

  /** One row of C: the widest tiles first, each reading its part of every row of W in order. */
  private static void row(float[] c, int ci, float[] a, int ai, short[] w, int n, int k) {
    int j = 0;
    if (WIDE) {
      for (; j + 8 * W2 <= n; j += 8 * W2) {
        tile1x8(c, ci + j, a, ai, w, j, n, k);
      }
    }
    for (; j + 4 * W2 <= n; j += 4 * W2) {
      tile1x4(c, ci + j, a, ai, w, j, n, k);
    }
    for (; j < n; j += W2) {
      tile1x1(c, ci + j, a, ai, w, j, n, k);
    }
  }

  /** 1 row × 8 packed vectors (16 float vectors) of C: a single sample's product. */
  private static void tile1x8(
      float[] c, int ci, float[] a, int ai, short[] w, int wi, int ldw, int k) {
    FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0;
    FloatVector c7 = c0, c8 = c0, c9 = c0, c10 = c0, c11 = c0, c12 = c0, c13 = c0, c14 = c0;
    FloatVector c15 = c0;
    for (int p = 0, pw = wi; p < k; p++, pw += ldw) {
      FloatVector x = FloatVector.broadcast(S, a[ai + p]);
      IntVector v0 = ShortVector.fromArray(H, w, pw).reinterpretAsInts();
      IntVector v1 = ShortVector.fromArray(H, w, pw + W2).reinterpretAsInts();
      IntVector v2 = ShortVector.fromArray(H, w, pw + 2 * W2).reinterpretAsInts();
      IntVector v3 = ShortVector.fromArray(H, w, pw + 3 * W2).reinterpretAsInts();
      c0 = x.fma(v0.lanewise(LSHL, 16).reinterpretAsFloats(), c0);
      c1 = x.fma(v0.and(HIGH).reinterpretAsFloats(), c1);
      c2 = x.fma(v1.lanewise(LSHL, 16).reinterpretAsFloats(), c2);
      c3 = x.fma(v1.and(HIGH).reinterpretAsFloats(), c3);
      c4 = x.fma(v2.lanewise(LSHL, 16).reinterpretAsFloats(), c4);
      c5 = x.fma(v2.and(HIGH).reinterpretAsFloats(), c5);
      c6 = x.fma(v3.lanewise(LSHL, 16).reinterpretAsFloats(), c6);
      c7 = x.fma(v3.and(HIGH).reinterpretAsFloats(), c7);
      IntVector v4 = ShortVector.fromArray(H, w, pw + 4 * W2).reinterpretAsInts();
      IntVector v5 = ShortVector.fromArray(H, w, pw + 5 * W2).reinterpretAsInts();
      IntVector v6 = ShortVector.fromArray(H, w, pw + 6 * W2).reinterpretAsInts();
      IntVector v7 = ShortVector.fromArray(H, w, pw + 7 * W2).reinterpretAsInts();
      c8 = x.fma(v4.lanewise(LSHL, 16).reinterpretAsFloats(), c8);
      c9 = x.fma(v4.and(HIGH).reinterpretAsFloats(), c9);
      c10 = x.fma(v5.lanewise(LSHL, 16).reinterpretAsFloats(), c10);
      c11 = x.fma(v5.and(HIGH).reinterpretAsFloats(), c11);
      c12 = x.fma(v6.lanewise(LSHL, 16).reinterpretAsFloats(), c12);
      c13 = x.fma(v6.and(HIGH).reinterpretAsFloats(), c13);
      c14 = x.fma(v7.lanewise(LSHL, 16).reinterpretAsFloats(), c14);
      c15 = x.fma(v7.and(HIGH).reinterpretAsFloats(), c15);
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

  /** 1 row × 4 packed vectors (8 float vectors) of C. */
  private static void tile1x4(
      float[] c, int ci, float[] a, int ai, short[] w, int wi, int ldw, int k) {
    FloatVector c0 = FloatVector.zero(S), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0;
    FloatVector c7 = c0;
    for (int p = 0, pw = wi; p < k; p++, pw += ldw) {
      FloatVector x = FloatVector.broadcast(S, a[ai + p]);
      IntVector v0 = ShortVector.fromArray(H, w, pw).reinterpretAsInts();
      IntVector v1 = ShortVector.fromArray(H, w, pw + W2).reinterpretAsInts();
      IntVector v2 = ShortVector.fromArray(H, w, pw + 2 * W2).reinterpretAsInts();
      IntVector v3 = ShortVector.fromArray(H, w, pw + 3 * W2).reinterpretAsInts();
      c0 = x.fma(v0.lanewise(LSHL, 16).reinterpretAsFloats(), c0);
      c1 = x.fma(v0.and(HIGH).reinterpretAsFloats(), c1);
      c2 = x.fma(v1.lanewise(LSHL, 16).reinterpretAsFloats(), c2);
      c3 = x.fma(v1.and(HIGH).reinterpretAsFloats(), c3);
      c4 = x.fma(v2.lanewise(LSHL, 16).reinterpretAsFloats(), c4);
      c5 = x.fma(v2.and(HIGH).reinterpretAsFloats(), c5);
      c6 = x.fma(v3.lanewise(LSHL, 16).reinterpretAsFloats(), c6);
      c7 = x.fma(v3.and(HIGH).reinterpretAsFloats(), c7);
    }
    c0.intoArray(c, ci);
    c1.intoArray(c, ci + L);
    c2.intoArray(c, ci + 2 * L);
    c3.intoArray(c, ci + 3 * L);
    c4.intoArray(c, ci + 4 * L);
    c5.intoArray(c, ci + 5 * L);
    c6.intoArray(c, ci + 6 * L);
    c7.intoArray(c, ci + 7 * L);
  }

  /** 1 row × 1 packed vector (2 float vectors) of C. */
  private static void tile1x1(
      float[] c, int ci, float[] a, int ai, short[] w, int wi, int ldw, int k) {
    FloatVector c0 = FloatVector.zero(S), c1 = c0;
    for (int p = 0, pw = wi; p < k; p++, pw += ldw) {
      FloatVector x = FloatVector.broadcast(S, a[ai + p]);
      IntVector v0 = ShortVector.fromArray(H, w, pw).reinterpretAsInts();
      c0 = x.fma(v0.lanewise(LSHL, 16).reinterpretAsFloats(), c0);
      c1 = x.fma(v0.and(HIGH).reinterpretAsFloats(), c1);
    }
    c0.intoArray(c, ci);
    c1.intoArray(c, ci + L);
  }

  /** 4 rows × 2 packed vectors (16 float accumulators): batches on AVX-512. */
  private static void tile4x2(float[] c, int ci, int ldc, float[] a, int ai, int lda, short[] w,
      int wi, int ldw, int k) {
    FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00;
    FloatVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
    FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
    FloatVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
    for (int p = 0, pw = wi; p < k; p++, pw += ldw) {
      IntVector v0 = ShortVector.fromArray(H, w, pw).reinterpretAsInts();
      IntVector v1 = ShortVector.fromArray(H, w, pw + W2).reinterpretAsInts();
      FloatVector w0 = v0.lanewise(LSHL, 16).reinterpretAsFloats();
      FloatVector w1 = v0.and(HIGH).reinterpretAsFloats();
      FloatVector w2 = v1.lanewise(LSHL, 16).reinterpretAsFloats();
      FloatVector w3 = v1.and(HIGH).reinterpretAsFloats();
      FloatVector x = FloatVector.broadcast(S, a[ai + p]);
      c00 = x.fma(w0, c00);
      c01 = x.fma(w1, c01);
      c02 = x.fma(w2, c02);
      c03 = x.fma(w3, c03);
      x = FloatVector.broadcast(S, a[ai + lda + p]);
      c10 = x.fma(w0, c10);
      c11 = x.fma(w1, c11);
      c12 = x.fma(w2, c12);
      c13 = x.fma(w3, c13);
      x = FloatVector.broadcast(S, a[ai + 2 * lda + p]);
      c20 = x.fma(w0, c20);
      c21 = x.fma(w1, c21);
      c22 = x.fma(w2, c22);
      c23 = x.fma(w3, c23);
      x = FloatVector.broadcast(S, a[ai + 3 * lda + p]);
      c30 = x.fma(w0, c30);
      c31 = x.fma(w1, c31);
      c32 = x.fma(w2, c32);
      c33 = x.fma(w3, c33);
    }
    c00.intoArray(c, ci);
    c01.intoArray(c, ci + L);
    c02.intoArray(c, ci + 2 * L);
    c03.intoArray(c, ci + 3 * L);
    c10.intoArray(c, ci + ldc);
    c11.intoArray(c, ci + ldc + L);
    c12.intoArray(c, ci + ldc + 2 * L);
    c13.intoArray(c, ci + ldc + 3 * L);
    c20.intoArray(c, ci + 2 * ldc);
    c21.intoArray(c, ci + 2 * ldc + L);
    c22.intoArray(c, ci + 2 * ldc + 2 * L);
    c23.intoArray(c, ci + 2 * ldc + 3 * L);
    c30.intoArray(c, ci + 3 * ldc);
    c31.intoArray(c, ci + 3 * ldc + L);
    c32.intoArray(c, ci + 3 * ldc + 2 * L);
    c33.intoArray(c, ci + 3 * ldc + 3 * L);
  }

  /** 4 rows × 1 packed vector (8 float accumulators). */
  private static void tile4x1(float[] c, int ci, int ldc, float[] a, int ai, int lda, short[] w,
      int wi, int ldw, int k) {
    FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00;
    FloatVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
    for (int p = 0, pw = wi; p < k; p++, pw += ldw) {
      IntVector v0 = ShortVector.fromArray(H, w, pw).reinterpretAsInts();
      FloatVector w0 = v0.lanewise(LSHL, 16).reinterpretAsFloats();
      FloatVector w1 = v0.and(HIGH).reinterpretAsFloats();
      FloatVector x = FloatVector.broadcast(S, a[ai + p]);
      c00 = x.fma(w0, c00);
      c01 = x.fma(w1, c01);
      x = FloatVector.broadcast(S, a[ai + lda + p]);
      c10 = x.fma(w0, c10);
      c11 = x.fma(w1, c11);
      x = FloatVector.broadcast(S, a[ai + 2 * lda + p]);
      c20 = x.fma(w0, c20);
      c21 = x.fma(w1, c21);
      x = FloatVector.broadcast(S, a[ai + 3 * lda + p]);
      c30 = x.fma(w0, c30);
      c31 = x.fma(w1, c31);
    }
    c00.intoArray(c, ci);
    c01.intoArray(c, ci + L);
    c10.intoArray(c, ci + ldc);
    c11.intoArray(c, ci + ldc + L);
    c20.intoArray(c, ci + 2 * ldc);
    c21.intoArray(c, ci + 2 * ldc + L);
    c30.intoArray(c, ci + 3 * ldc);
    c31.intoArray(c, ci + 3 * ldc + L);
  }

  private static void check(
      float[] c, int ldc, float[] a, int lda, short[] w, int k, int n, int r0, int r1) {
    if (k <= 0 || n <= 0 || n % W2 != 0) {
      throw new IllegalArgumentException("k must be > 0 and n a positive multiple of " + W2
          + " (BFloat16.paddedColumns), got k = " + k + ", n = " + n);
    }
    if (r0 < 0 || r1 < r0) {
      throw new IllegalArgumentException("rows must satisfy 0 <= r0 <= r1, got " + r0 + ".." + r1);
    }
    if (lda < k || ldc < n) {
      throw new IllegalArgumentException("lda must be >= k and ldc >= n, got lda = " + lda
          + ", k = " + k + ", ldc = " + ldc + ", n = " + n);
    }
    if (w.length < (long) k * n) {
      throw new IllegalArgumentException("w must hold k × n = " + k + " × " + n + " shorts, got "
          + w.length);
    }
    if (r1 > r0 && (a.length < (long) (r1 - 1) * lda + k || c.length < (long) (r1 - 1) * ldc + n)) {
      throw new IllegalArgumentException("a and c must hold " + r1 + " rows of lda = " + lda
          + " and ldc = " + ldc + " floats, got " + a.length + " and " + c.length);
    }
  }
}
