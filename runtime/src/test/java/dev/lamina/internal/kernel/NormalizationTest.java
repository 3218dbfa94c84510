package dev.lamina.internal.kernel;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Batch normalization's input gradient against its row formula, bit for bit, on vector tails and a
 * thread's share of the rows. The column sums are {@link ColumnSumsInTurnTest}'s.
 */
class NormalizationTest {
  /** (rows, units): vector tails, one or many blocks of rows, a convolution's (pixels, channels). */
  private static final int[][] SHAPES = {
      {1, 1}, {7, 10}, {3, 17}, {300, 16}, {300, 32}, {5000, 32}, {1300, 64}, {129, 100},
      {40, 128}, {1000, 33}};

  @Test
  void batchInputGradientIsTheRowFormula() {
    for (int[] s : SHAPES) {
      int rows = s[0];
      int units = s[1];
      float[] g = random(rows * units, 7 * rows + units);
      float[] xhat = random(rows * units, 11 * rows + units);
      float[] gamma = random(units, 13);
      float[] invStd = random(units, 17);
      float[] sumG = random(units, 19);
      float[] sumGXhat = random(units, 23);
      int r0 = rows / 3;
      int r1 = rows - rows / 4;
      float[] actual = g.clone();
      Normalization.batchInputGradient(actual, xhat, gamma, invStd, sumG, sumGXhat, rows, units,
          r0, r1);
      float m = rows;
      for (int r = 0; r < rows; r++) {
        for (int j = 0; j < units; j++) {
          int at = r * units + j;
          float expected = g[at];
          if (r >= r0 && r < r1) {
            float scale = gamma[j] * invStd[j] / m;
            expected = scale * (g[at] * m - sumG[j] - xhat[at] * sumGXhat[j]);
          }
          assertBits(expected, actual[at], rows + "x" + units + " rows " + r0 + ".." + r1
              + " at row " + r + " column " + j);
        }
      }
    }
  }

  private static void assertBits(float expected, float actual, String what) {
    if (Float.floatToRawIntBits(expected) != Float.floatToRawIntBits(actual)) {
      fail(what + ": expected " + expected + ", got " + actual + " (difference "
          + (actual - expected) + ")");
    }
  }

  private static float[] random(int n, long seed) {
    Random random = new Random(seed);
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = random.nextFloat() * 2 - 1;
    }
    return a;
  }
}
