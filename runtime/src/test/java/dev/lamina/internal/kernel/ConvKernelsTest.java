package dev.lamina.internal.kernel;

import static dev.lamina.testing.NumericAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A convolution's blocked weight gradient against the same sum in double, bit-identical for every
 * split of its rows, and Gemm's product over a range of rows against the whole product of those
 * rows alone.
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
      ConvKernels.weightGradient(dw, new float[dw.length], cols, dy, rows, patch, filters, s[3], 0, patch);
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
      ConvKernels.weightGradient(whole, new float[whole.length], cols, dy, rows, patch, filters, s[3], 0, patch);
      for (int parts = 2; parts <= 5; parts++) {
        float[] split = new float[whole.length];
        float[] scratch = new float[whole.length];
        for (int part = 0; part < parts; part++) {
          ConvKernels.weightGradient(split, scratch, cols, dy, rows, patch, filters, s[3],
              patch * part / parts, patch * (part + 1) / parts);
        }
        assertArrayEquals(whole, split, Arrays.toString(s) + " in " + parts + " parts");
      }
    }
  }

  @Test
  void productOverARangeOfRowsIsTheProductOfThoseRows() {
    int k = 13;
    int n = 37;
    float[] a = random(40 * k, 5);
    float[] b = random(40 * n, 6);
    float[] ranged = new float[k * n];
    Gemm.matmulTransA(ranged, a, b, 11, 20, k, n, 0, k);
    float[] alone = new float[k * n];
    Gemm.matmulTransA(alone, Arrays.copyOfRange(a, 11 * k, 31 * k),
        Arrays.copyOfRange(b, 11 * n, 31 * n), 20, k, n, 0, k);
    assertArrayEquals(alone, ranged);
  }

  @Test
  void badArgumentsAreNamed() {
    var e = assertThrows(IllegalArgumentException.class, () -> ConvKernels.weightGradient(
        new float[4], new float[4], new float[4], new float[4], 2, 2, 2, 0, 0, 2));
    assertEquals("block must be > 0, got 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Gemm.matmulTransA(new float[4], new float[4], new float[4], 1, 2, 2, 2, 0, 2));
    assertEquals("a must hold at least 6 floats, got 4", e.getMessage());
  }

  @Test
  void blocksDependOnTheShapesOnly() {
    assertEquals(186, ConvWeights.blockRows(288, 64));
    assertEquals(1598, ConvWeights.blockRows(9, 32));
    assertEquals(16, ConvWeights.blockRows(100_000, 1));
    assertEquals(4096, ConvWeights.blockRows(1, 1));
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
