package dev.lamina.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bf16Gemm against its definition, bit for bit: each element of C is the float fma chain over p
 * in increasing order of A's values and the widened bfloat16 weights, the chain {@link Gemm}
 * computes too, on every tail of rows and columns, with row lengths of A and C larger than k and
 * n, and on row ranges that do not start at 0.
 */
class Bf16GemmTest {
  private static final int[] ROWS = {1, 2, 3, 4, 5, 7, 8, 9, 13};
  private static final int[] N = {1, 10, 16, 17, 32, 33, 64, 100, 128, 256, 273, 300};
  private static final int[] K = {1, 3, 100};

  @Test
  void equalsTheFmaChainOnEveryShape() {
    Random random = new Random(11);
    int elements = 0;
    for (int rows : ROWS) {
      for (int n : N) {
        for (int k : K) {
          elements += check(random, rows, k, n, 0, 0);
          elements += check(random, rows, k, n, 5, 3); // padded rows of A and C
        }
      }
    }
    elements += check(random, 1, 784, 256, 0, 0); // one sample of the MLP's first layer
    elements += check(random, 16, 784, 256, 0, 0);
    System.out.println("Bf16Gemm: " + elements + " elements equal to the fma chain");
  }

  @Test
  void equalsGemmOnTheWidenedWeights() {
    Random random = new Random(5);
    int k = 257;
    int n = 130;
    int rows = 9;
    float[] a = gaussian(random, rows * k);
    float[] w = gaussian(random, k * n);
    int padded = BFloat16.paddedColumns(n);
    short[] packed = BFloat16.pack(w, k, n);
    float[] c = new float[rows * padded];
    Bf16Gemm.matmul(c, padded, a, k, packed, k, padded, 0, rows);
    float[] expected = new float[rows * n];
    Gemm.matmul(expected, a, BFloat16.unpack(packed, k, n), k, n, 0, rows);
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < n; j++) {
        if (Float.floatToRawIntBits(c[r * padded + j])
            != Float.floatToRawIntBits(expected[r * n + j])) {
          fail("C[" + r + ", " + j + "]: Gemm " + expected[r * n + j] + ", Bf16Gemm "
              + c[r * padded + j]);
        }
      }
    }
  }

  @Test
  void badSizesAreNamed() {
    short[] w = new short[64 * 3];
    var e = assertThrows(IllegalArgumentException.class,
        () -> Bf16Gemm.matmul(new float[64], 64, new float[3], 3, w, 3, 63, 0, 1));
    assertTrue(e.getMessage().contains("n = 63"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Bf16Gemm.matmul(new float[64], 64, new float[2], 2, w, 3, 64, 0, 1));
    assertTrue(e.getMessage().contains("lda = 2"), e.getMessage());
  }

  /** One product of rows r0..rows-1 with row lengths k + padA and n' + padC; returns elements. */
  private static int check(Random random, int rows, int k, int n, int padA, int padC) {
    int lda = k + padA;
    int padded = BFloat16.paddedColumns(n);
    int ldc = padded + padC;
    int r0 = rows > 2 ? 1 : 0;
    float[] a = gaussian(random, rows * lda);
    float[] w = gaussian(random, k * n);
    short[] packed = BFloat16.pack(w, k, n);
    float[] c = new float[rows * ldc];
    java.util.Arrays.fill(c, Float.NaN); // rows before r0 must stay untouched
    Bf16Gemm.matmul(c, ldc, a, lda, packed, k, padded, r0, rows);
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < padded; j++) {
        float want = Float.NaN;
        if (r >= r0) {
          float acc = 0f;
          for (int p = 0; p < k; p++) {
            float wide = j < n ? BFloat16.round(w[p * n + j]) : 0f;
            acc = Math.fma(a[r * lda + p], wide, acc);
          }
          want = acc;
        }
        float got = c[r * ldc + j];
        if (Float.floatToRawIntBits(got) != Float.floatToRawIntBits(want)) {
          fail(String.format("rows %d, k %d, n %d (lda %d, ldc %d): C[%d, %d] = %s, chain %s",
              rows, k, n, lda, ldc, r, j, got, want));
        }
      }
    }
    return (rows - r0) * padded;
  }

  private static float[] gaussian(Random random, int size) {
    float[] v = new float[size];
    for (int i = 0; i < size; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return v;
  }
}
