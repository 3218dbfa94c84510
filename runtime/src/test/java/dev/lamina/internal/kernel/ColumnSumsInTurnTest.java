package dev.lamina.internal.kernel;

import static org.junit.jupiter.api.Assertions.fail;

import dev.lamina.internal.parallel.Team;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The column sums taken by parts in turn, each part adding its own rows (split as a team splits
 * them, empty parts included), give the bits of the same sums written one column at a time over
 * the rows in order (their definition), on vector tails and row counts that end mid-block.
 */
class ColumnSumsInTurnTest {
  /** (rows, units): vector tails, one or many blocks of rows, a convolution's (pixels, channels). */
  private static final int[][] SHAPES = {
      {1, 1}, {2, 10}, {7, 17}, {3, 17}, {300, 16}, {300, 32}, {5000, 32}, {1300, 64},
      {129, 100}, {40, 128}, {1000, 33}};

  @Test
  void statisticsInTurnAreTheColumnChains() {
    for (int[] s : SHAPES) {
      int rows = s[0];
      int units = s[1];
      float[] v = random(rows * units, rows + 31L * units);
      float[] mean = new float[units];
      float[] variance = new float[units];
      float[] invStd = new float[units];
      for (int j = 0; j < units; j++) { // one chain per column, rows in order
        float sum = 0;
        for (int r = 0; r < rows; r++) {
          sum += v[r * units + j];
        }
        mean[j] = sum / rows;
        float squares = 0;
        for (int r = 0; r < rows; r++) {
          float d = v[r * units + j] - mean[j];
          squares = Math.fma(d, d, squares);
        }
        variance[j] = squares / rows;
        invStd[j] = 1f / (float) Math.sqrt(variance[j] + 1e-5f);
      }
      for (int parts = 1; parts <= 3; parts++) {
        float[] turnMean = random(units, 1); // stale values from an earlier batch
        float[] turnVariance = random(units, 2);
        float[] turnInvStd = random(units, 3);
        for (int part = 0; part < parts; part++) {
          ColumnSumsInTurn.means(v, rows, units, split(rows, part, parts),
              split(rows, part + 1, parts), turnMean);
        }
        for (int part = 0; part < parts; part++) {
          ColumnSumsInTurn.variances(v, rows, units, split(rows, part, parts),
              split(rows, part + 1, parts), 1e-5f, turnMean, turnVariance, turnInvStd);
        }
        String at = rows + "x" + units + " in " + parts + " parts";
        assertSameBits(mean, turnMean, at + ", mean");
        assertSameBits(variance, turnVariance, at + ", variance");
        assertSameBits(invStd, turnInvStd, at + ", 1/std");
      }
    }
  }

  @Test
  void gradientSumsInTurnAreTheColumnChains() {
    for (int[] s : SHAPES) {
      int rows = s[0];
      int units = s[1];
      float[] g = random(rows * units, rows + 7L * units);
      float[] xhat = random(rows * units, rows + 11L * units);
      float[] sumG = new float[units];
      float[] sumGXhat = new float[units];
      for (int j = 0; j < units; j++) {
        for (int r = 0; r < rows; r++) {
          sumG[j] += g[r * units + j];
          sumGXhat[j] = Math.fma(g[r * units + j], xhat[r * units + j], sumGXhat[j]);
        }
      }
      for (int parts = 1; parts <= 3; parts++) {
        float[] turnSumG = random(units, 4);
        float[] turnSumGXhat = random(units, 5);
        for (int part = 0; part < parts; part++) {
          ColumnSumsInTurn.gradientSums(g, xhat, units, split(rows, part, parts),
              split(rows, part + 1, parts), turnSumG, turnSumGXhat);
        }
        String at = rows + "x" + units + " in " + parts + " parts";
        assertSameBits(sumG, turnSumG, at + ", Σg");
        assertSameBits(sumGXhat, turnSumGXhat, at + ", Σg·x̂");
      }
    }
  }

  private static int split(int n, int part, int parts) {
    return Team.split(n, part, parts);
  }

  private static void assertSameBits(float[] expected, float[] actual, String at) {
    for (int j = 0; j < expected.length; j++) {
      if (Float.floatToRawIntBits(expected[j]) != Float.floatToRawIntBits(actual[j])) {
        fail(at + ": column " + j + " is " + actual[j] + ", one chain per column gives "
            + expected[j] + " (difference " + Math.abs(actual[j] - expected[j]) + ")");
      }
    }
  }

  private static float[] random(int n, long seed) {
    Random random = new Random(seed);
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) random.nextGaussian() * 3 + 1;
    }
    return a;
  }
}
