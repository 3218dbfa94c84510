package dev.lamina.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Batch normalization's column kernels, which go through the rows in blocks, against the same
 * sums written one column at a time over the rows in order (the definition of their bits), on
 * column tails, column ranges (a thread's share) and row counts that end mid-block.
 */
class NormalizationTest {
  /** (rows, units): vector tails, one or many blocks of rows, a convolution's (pixels, channels). */
  private static final int[][] SHAPES = {
      {1, 1}, {7, 10}, {3, 17}, {300, 16}, {300, 32}, {5000, 32}, {1300, 64}, {129, 100},
      {40, 128}, {1000, 33}};

  @Test
  void columnStatisticsAreTheColumnChains() {
    for (int[] s : SHAPES) {
      int rows = s[0];
      int units = s[1];
      float[] v = random(rows * units, rows + 31L * units);
      for (int[] range : ranges(units)) {
        float[] mean = filled(units);
        float[] variance = filled(units);
        float[] invStd = filled(units);
        Normalization.columnStatistics(v, rows, units, range[0], range[1], 1e-5f, mean, variance,
            invStd);
        for (int j = 0; j < units; j++) {
          String at = rows + "x" + units + " columns " + range[0] + ".." + range[1] + " column " + j;
          if (j < range[0] || j >= range[1]) {
            assertUntouched(mean[j], variance[j], invStd[j], at);
            continue;
          }
          float sum = 0;
          for (int r = 0; r < rows; r++) {
            sum += v[r * units + j];
          }
          float m = sum / rows;
          float squares = 0;
          for (int r = 0; r < rows; r++) {
            float d = v[r * units + j] - m;
            squares = Math.fma(d, d, squares);
          }
          float var = squares / rows;
          assertBits(m, mean[j], "mean " + at);
          assertBits(var, variance[j], "variance " + at);
          assertBits(1f / (float) Math.sqrt(var + 1e-5f), invStd[j], "invStd " + at);
        }
      }
    }
  }

  @Test
  void columnSumsAreTheColumnChains() {
    for (int[] s : SHAPES) {
      int rows = s[0];
      int units = s[1];
      float[] g = random(rows * units, 3 * rows + units);
      float[] xhat = random(rows * units, 5 * rows + units);
      for (int[] range : ranges(units)) {
        float[] sumG = filled(units);
        float[] sumGXhat = filled(units);
        Normalization.columnSums(g, xhat, rows, units, range[0], range[1], sumG, sumGXhat);
        for (int j = 0; j < units; j++) {
          String at = rows + "x" + units + " columns " + range[0] + ".." + range[1] + " column " + j;
          if (j < range[0] || j >= range[1]) {
            assertUntouched(sumG[j], sumGXhat[j], Float.NaN, at);
            continue;
          }
          float sg = 0;
          float sgx = 0;
          for (int r = 0; r < rows; r++) {
            sg += g[r * units + j];
            sgx = Math.fma(g[r * units + j], xhat[r * units + j], sgx);
          }
          assertBits(sg, sumG[j], "Σg " + at);
          assertBits(sgx, sumGXhat[j], "Σg·x̂ " + at);
        }
      }
    }
  }

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

  /** The whole width, and a thread's share that starts and ends on whole vectors (or at units). */
  private static int[][] ranges(int units) {
    int lanes = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length();
    int vectors = (units + lanes - 1) / lanes;
    int mid = Math.min(units, vectors / 2 * lanes);
    return new int[][] {{0, units}, {0, mid}, {mid, units}};
  }

  private static void assertBits(float expected, float actual, String what) {
    if (Float.floatToRawIntBits(expected) != Float.floatToRawIntBits(actual)) {
      fail(what + ": expected " + expected + ", got " + actual + " (difference "
          + (actual - expected) + ")");
    }
  }

  private static void assertUntouched(float a, float b, float c, String what) {
    assertEquals(-7f, a, what + " written outside the range");
    assertEquals(-7f, b, what + " written outside the range");
    if (!Float.isNaN(c)) {
      assertEquals(-7f, c, what + " written outside the range");
    }
  }

  private static float[] filled(int n) {
    float[] a = new float[n];
    java.util.Arrays.fill(a, -7f);
    return a;
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
