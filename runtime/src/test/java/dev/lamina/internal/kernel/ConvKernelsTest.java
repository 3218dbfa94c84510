package dev.lamina.internal.kernel;

import static dev.lamina.testing.NumericAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A convolution's blocked weight gradient, each block's im2col rows in a buffer of their own as the
 * generated code rebuilds them, against the same sum in double, bit-identical for every split of
 * its rows; and Gemm's products over a range of rows against the whole product of those rows alone.
 */
class ConvKernelsTest {
  /** (pixel rows, patch, filters, block): tails in every direction, several and partial blocks. */
  private static final int[][] SHAPES = {
      {300, 9, 32, 64}, {1001, 27, 18, 97}, {50, 288, 64, 16}, {7, 5, 3, 100}, {160, 18, 16, 160}};

  @Test
  void weightGradientIsColsTransposedTimesDy() {
    for (int[] s : SHAPES) {
      int rows = s[0];
      int patch = s[1];
      int filters = s[2];
      float[] cols = random(rows * patch, 1);
      float[] dy = random(rows * filters, 2);
      float[] dw = new float[patch * filters];
      weightGradient(dw, new float[dw.length], cols, dy, rows, patch, filters, s[3], 0, patch);
      double[] expected = new double[dw.length];
      for (int r = 0; r < rows; r++) {
        for (int i = 0; i < patch; i++) {
          for (int j = 0; j < filters; j++) {
            expected[i * filters + j] += (double) cols[r * patch + i] * dy[r * filters + j];
          }
        }
      }
      double[] actual = new double[dw.length];
      for (int k = 0; k < dw.length; k++) {
        actual[k] = dw[k];
      }
      // float sums of up to 1001 products of values in [-1, 1]
      assertClose("dW " + Arrays.toString(s), expected, actual, 1e-4, 1e-5);
    }
  }

  @Test
  void everySplitOfTheRowsGivesTheSameBits() {
    for (int[] s : SHAPES) {
      int rows = s[0];
      int patch = s[1];
      int filters = s[2];
      float[] cols = random(rows * patch, 3);
      float[] dy = random(rows * filters, 4);
      float[] whole = new float[patch * filters];
      weightGradient(whole, new float[whole.length], cols, dy, rows, patch, filters, s[3], 0, patch);
      for (int parts = 2; parts <= 5; parts++) {
        float[] split = new float[whole.length];
        float[] scratch = new float[whole.length];
        for (int part = 0; part < parts; part++) {
          weightGradient(split, scratch, cols, dy, rows, patch, filters, s[3],
              patch * part / parts, patch * (part + 1) / parts);
        }
        assertArrayEquals(whole, split, Arrays.toString(s) + " in " + parts + " parts");
      }
    }
  }

  @Test
  void productsFromOtherRowsAreTheProductsOfThoseRows() {
    int k = 13;
    int n = 37;
    float[] a = random(40 * k, 7);
    float[] b = random(40 * n, 8);
    float[] fromRows = new float[k * n];
    Gemm.matmulTransA(fromRows, a, 3, b, 17, 20, k, n, 0, k);
    float[] alone = new float[k * n];
    Gemm.matmulTransA(alone, Arrays.copyOfRange(a, 3 * k, 23 * k),
        Arrays.copyOfRange(b, 17 * n, 37 * n), 20, k, n, 0, k);
    assertArrayEquals(alone, fromRows);
    float[] w = random(k * n, 9);
    float[] c = new float[40 * n];
    Gemm.matmulFromRow(c, a, 5, w, k, n, 30, 40);
    float[] expected = new float[10 * n];
    Gemm.matmul(expected, Arrays.copyOfRange(a, 5 * k, 15 * k), w, k, n, 0, 10);
    assertArrayEquals(expected, Arrays.copyOfRange(c, 30 * n, 40 * n));
    assertArrayEquals(new float[30 * n], Arrays.copyOfRange(c, 0, 30 * n), "rows before r0 untouched");
  }

  @Test
  void badArgumentsAreNamed() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Gemm.matmulTransA(new float[4], new float[4], 1, new float[4], 0, 2, 2, 2, 0, 2));
    assertEquals("a must hold at least 6 floats, got 4", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Gemm.matmulTransA(new float[4], new float[4], -1, new float[4], 0, 1, 2, 2, 0, 2));
    assertEquals("a0, b0 and rows must be >= 0, got -1, 0 and 1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Gemm.matmulFromRow(new float[8], new float[4], 1, new float[4], 2, 2, 0, 2));
    assertEquals("a must hold at least 6 floats, got 4", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Gemm.matmulFromRow(new float[8], new float[4], -2, new float[4], 2, 2, 0, 2));
    assertEquals("a0 must be >= 0, got -2", e.getMessage());
  }

  @Test
  void blocksDependOnTheShapesOnly() {
    assertEquals(186, ConvWeights.blockRows(288, 64));
    assertEquals(1598, ConvWeights.blockRows(9, 32));
    assertEquals(16, ConvWeights.blockRows(100_000, 1));
    assertEquals(4096, ConvWeights.blockRows(1, 1));
  }

  /**
   * dW = colsᵀ·dy, rows i0..i1-1, as a generated convolution sums it: block by block of
   * {@code block} pixel rows, each block's im2col rows copied into a buffer of one block.
   */
  private static void weightGradient(float[] dw, float[] scratch, float[] cols, float[] dy,
      int rows, int patch, int filters, int block, int i0, int i1) {
    for (int p0 = 0; p0 < rows; p0 += block) {
      int n = Math.min(block, rows - p0);
      float[] blockCols = Arrays.copyOfRange(cols, p0 * patch, (p0 + n) * patch);
      ConvKernels.addBlock(dw, scratch, blockCols, dy, p0, n, patch, filters, i0, i1);
    }
  }

  private static float[] random(int size, long seed) {
    Random random = new Random(seed);
    float[] v = new float[size];
    for (int i = 0; i < size; i++) {
      v[i] = random.nextFloat() * 2 - 1;
    }
    return v;
  }
}
