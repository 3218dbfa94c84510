package dev.lamina.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Int8Gemm against its definition, bit for bit (each element of C the float fma chain over p of
 * A's values and the integers), on every tail of rows and columns and padded row lengths; and the
 * per-column quantization: each column's largest |w| maps to ±127, every weight is within half a
 * step of its value.
 */
class Int8GemmTest {
  @Test
  void equalsTheFmaChainOnEveryShape() {
    Random random = new Random(8);
    int elements = 0;
    for (int rows : new int[] {1, 2, 3, 4, 5, 9}) {
      for (int n : new int[] {1, 10, 16, 17, 33, 100, 256, 273}) {
        for (int k : new int[] {1, 3, 100}) {
          elements += check(random, rows, k, n, 0, 0);
          elements += check(random, rows, k, n, 3, 5);
        }
      }
    }
    elements += check(random, 1, 784, 256, 0, 0);
    System.out.println("Int8Gemm: " + elements + " elements equal to the fma chain");
  }

  @Test
  void quantizesEachColumnToWithinHalfAStep() {
    Random random = new Random(2);
    int k = 50;
    int n = 37;
    float[] w = new float[k * n];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (random.nextGaussian() * (1 + i % n)); // columns of different sizes
    }
    for (int p = 0; p < k; p++) {
      w[p * n + 5] = 0f; // a column of zeros
    }
    float[] scales = new float[n];
    byte[] q = Int8Gemm.quantize(w, k, n, scales);
    int padded = Int8Gemm.paddedColumns(n);
    for (int j = 0; j < n; j++) {
      int largest = 0;
      for (int p = 0; p < k; p++) {
        int v = q[p * padded + j];
        largest = Math.max(largest, Math.abs(v));
        double error = Math.abs(v * (double) scales[j] - w[p * n + j]);
        assertTrue(error <= 0.5001 * scales[j], "column " + j + ", row " + p + ": error " + error
            + " over half the step " + scales[j]);
      }
      assertEquals(j == 5 ? 0 : 127, largest, "column " + j + "'s largest integer");
    }
  }

  @Test
  void badSizesAreNamed() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Int8Gemm.matmul(new float[64], 64, new float[3], 3, new byte[300], 3, 63, 0, 1));
    assertTrue(e.getMessage().contains("n = 63"), e.getMessage());
  }

  private static int check(Random random, int rows, int k, int n, int padA, int padC) {
    int lda = k + padA;
    int padded = Int8Gemm.paddedColumns(n);
    int ldc = padded + padC;
    float[] a = new float[rows * lda];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) random.nextGaussian();
    }
    byte[] q = new byte[k * padded];
    for (int p = 0; p < k; p++) {
      for (int j = 0; j < n; j++) {
        q[p * padded + j] = (byte) (random.nextInt(255) - 127);
      }
    }
    float[] c = new float[rows * ldc];
    Int8Gemm.matmul(c, ldc, a, lda, q, k, padded, 0, rows);
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < padded; j++) {
        float acc = 0f;
        for (int p = 0; p < k; p++) {
          acc = Math.fma(a[r * lda + p], (float) q[p * padded + j], acc);
        }
        if (Float.floatToRawIntBits(c[r * ldc + j]) != Float.floatToRawIntBits(acc)) {
          fail(String.format("rows %d, k %d, n %d: C[%d, %d] = %s, chain %s", rows, k, n, r, j,
              c[r * ldc + j], acc));
        }
      }
    }
    return rows * padded;
  }
}
