package dev.lamina.internal.kernel;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Batch norm's column sums over a (rows, units) buffer, taken by the parts of a team in turn:
 * each part adds its own rows r0..r1-1 to the running sums the previous part left, so every
 * column's sum still runs over all rows in order, one chain per column, the same bits for any
 * split (and so for any number of threads). The rows go in blocks of about 32 KB ({@code
 * Normalization.blockRows}), every whole vector of columns taking its turn on a block, so a pass
 * reads v once, in order. A part reads only the rows it computed: split by columns, both cores
 * read every cache line of a 32-column buffer (a 64-byte vector of 16 columns straddles two
 * lines), and the row-split pass that writes those rows next waited for the other core's copies
 * to be invalidated (FashionCnn's conv1 normalize pass took four times as long on the second
 * thread). The part holding row 0 clears the sums; the part
 * holding the last row finishes them.
 */
public final class ColumnSumsInTurn {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private ColumnSumsInTurn() {}

  /** Adds rows r0..r1-1 of v to each column's sum in {@code mean}; at the last row, divides. */
  public static void means(float[] v, int rows, int units, int r0, int r1, float[] mean) {
    int bound = S.loopBound(units);
    if (r0 == 0) {
      Arrays.fill(mean, 0, units, 0f);
    }
    int block = Normalization.blockRows(units);
    for (int b0 = r0; b0 < r1; b0 += block) {
      int b1 = Math.min(r1, b0 + block);
      int j = 0;
      for (; j + 2 * L <= bound; j += 2 * L) { // two chains at a time: an add waits for the last
        FloatVector sum0 = FloatVector.fromArray(S, mean, j);
        FloatVector sum1 = FloatVector.fromArray(S, mean, j + L);
        for (int r = b0; r < b1; r++) {
          sum0 = sum0.add(FloatVector.fromArray(S, v, r * units + j));
          sum1 = sum1.add(FloatVector.fromArray(S, v, r * units + j + L));
        }
        sum0.intoArray(mean, j);
        sum1.intoArray(mean, j + L);
      }
      if (j < bound) {
        FloatVector sum = FloatVector.fromArray(S, mean, j);
        for (int r = b0; r < b1; r++) {
          sum = sum.add(FloatVector.fromArray(S, v, r * units + j));
        }
        sum.intoArray(mean, j);
      }
      for (j = bound; j < units; j++) {
        float sum = mean[j];
        for (int r = b0; r < b1; r++) {
          sum += v[r * units + j];
        }
        mean[j] = sum;
      }
    }
    if (finishes(rows, r0, r1)) {
      float n = rows;
      for (int j = 0; j < bound; j += L) {
        FloatVector.fromArray(S, mean, j).div(n).intoArray(mean, j);
      }
      for (int j = bound; j < units; j++) {
        mean[j] = mean[j] / n;
      }
    }
  }

  /**
   * Adds the squared deviations from {@code mean} of rows r0..r1-1 to {@code variance}; at the
   * last row, makes it the biased variance and fills {@code invStd} with 1/√(variance + eps).
   */
  public static void variances(float[] v, int rows, int units, int r0, int r1, float eps,
      float[] mean, float[] variance, float[] invStd) {
    int bound = S.loopBound(units);
    if (r0 == 0) {
      Arrays.fill(variance, 0, units, 0f);
    }
    int block = Normalization.blockRows(units);
    for (int b0 = r0; b0 < r1; b0 += block) {
      int b1 = Math.min(r1, b0 + block);
      int j = 0;
      for (; j + 2 * L <= bound; j += 2 * L) {
        FloatVector m0 = FloatVector.fromArray(S, mean, j);
        FloatVector m1 = FloatVector.fromArray(S, mean, j + L);
        FloatVector squares0 = FloatVector.fromArray(S, variance, j);
        FloatVector squares1 = FloatVector.fromArray(S, variance, j + L);
        for (int r = b0; r < b1; r++) {
          FloatVector d0 = FloatVector.fromArray(S, v, r * units + j).sub(m0);
          FloatVector d1 = FloatVector.fromArray(S, v, r * units + j + L).sub(m1);
          squares0 = d0.fma(d0, squares0);
          squares1 = d1.fma(d1, squares1);
        }
        squares0.intoArray(variance, j);
        squares1.intoArray(variance, j + L);
      }
      if (j < bound) {
        FloatVector m = FloatVector.fromArray(S, mean, j);
        FloatVector squares = FloatVector.fromArray(S, variance, j);
        for (int r = b0; r < b1; r++) {
          FloatVector d = FloatVector.fromArray(S, v, r * units + j).sub(m);
          squares = d.fma(d, squares);
        }
        squares.intoArray(variance, j);
      }
      for (j = bound; j < units; j++) {
        float m = mean[j];
        float squares = variance[j];
        for (int r = b0; r < b1; r++) {
          float d = v[r * units + j] - m;
          squares = Math.fma(d, d, squares);
        }
        variance[j] = squares;
      }
    }
    if (finishes(rows, r0, r1)) {
      float n = rows;
      for (int j = 0; j < bound; j += L) {
        FloatVector var = FloatVector.fromArray(S, variance, j).div(n);
        var.intoArray(variance, j);
        FloatVector.broadcast(S, 1f).div(var.add(eps).sqrt()).intoArray(invStd, j);
      }
      for (int j = bound; j < units; j++) {
        float var = variance[j] / n;
        variance[j] = var;
        invStd[j] = 1f / (float) Math.sqrt(var + eps);
      }
    }
  }

  /** Adds rows r0..r1-1 to Σ g and Σ g·x̂ per column (batch norm's dβ and dγ). */
  public static void gradientSums(float[] g, float[] xhat, int units, int r0, int r1,
      float[] sumG, float[] sumGXhat) {
    gradientSums(g, xhat, null, null, units, r0, r1, sumG, sumGXhat);
  }

  /**
   * {@link #gradientSums(float[], float[], int, int, int, float[], float[])} from the
   * normalization's input z rather than x̂, which is made again as the forward pass made it,
   * {@code (z − mean)·invStd}, with the same bits: for a layer whose x̂ is never stored.
   */
  public static void gradientSumsFromInput(float[] g, float[] z, float[] mean, float[] invStd,
      int units, int r0, int r1, float[] sumG, float[] sumGXhat) {
    gradientSums(g, z, mean, invStd, units, r0, r1, sumG, sumGXhat);
  }

  /** v is x̂, or z when {@code mean} is given. */
  private static void gradientSums(float[] g, float[] v, float[] mean, float[] invStd, int units,
      int r0, int r1, float[] sumG, float[] sumGXhat) {
    boolean standardize = mean != null;
    int bound = S.loopBound(units);
    if (r0 == 0) {
      Arrays.fill(sumG, 0, units, 0f);
      Arrays.fill(sumGXhat, 0, units, 0f);
    }
    int block = Normalization.blockRows(units);
    for (int b0 = r0; b0 < r1; b0 += block) {
      int b1 = Math.min(r1, b0 + block);
      int j = 0;
      for (; j + 2 * L <= bound; j += 2 * L) { // four chains at a time
        FloatVector m0 = standardize ? FloatVector.fromArray(S, mean, j) : FloatVector.zero(S);
        FloatVector m1 = standardize ? FloatVector.fromArray(S, mean, j + L) : FloatVector.zero(S);
        FloatVector inv0 = standardize ? FloatVector.fromArray(S, invStd, j) : FloatVector.zero(S);
        FloatVector inv1 = standardize ? FloatVector.fromArray(S, invStd, j + L) : FloatVector.zero(S);
        FloatVector sg0 = FloatVector.fromArray(S, sumG, j);
        FloatVector sg1 = FloatVector.fromArray(S, sumG, j + L);
        FloatVector sgx0 = FloatVector.fromArray(S, sumGXhat, j);
        FloatVector sgx1 = FloatVector.fromArray(S, sumGXhat, j + L);
        for (int r = b0; r < b1; r++) {
          int at = r * units + j;
          FloatVector g0 = FloatVector.fromArray(S, g, at);
          FloatVector g1 = FloatVector.fromArray(S, g, at + L);
          FloatVector x0 = FloatVector.fromArray(S, v, at);
          FloatVector x1 = FloatVector.fromArray(S, v, at + L);
          if (standardize) {
            x0 = x0.sub(m0).mul(inv0);
            x1 = x1.sub(m1).mul(inv1);
          }
          sg0 = sg0.add(g0);
          sg1 = sg1.add(g1);
          sgx0 = g0.fma(x0, sgx0);
          sgx1 = g1.fma(x1, sgx1);
        }
        sg0.intoArray(sumG, j);
        sg1.intoArray(sumG, j + L);
        sgx0.intoArray(sumGXhat, j);
        sgx1.intoArray(sumGXhat, j + L);
      }
      if (j < bound) {
        FloatVector m = standardize ? FloatVector.fromArray(S, mean, j) : FloatVector.zero(S);
        FloatVector inv = standardize ? FloatVector.fromArray(S, invStd, j) : FloatVector.zero(S);
        FloatVector sg = FloatVector.fromArray(S, sumG, j);
        FloatVector sgx = FloatVector.fromArray(S, sumGXhat, j);
        for (int r = b0; r < b1; r++) {
          FloatVector gv = FloatVector.fromArray(S, g, r * units + j);
          FloatVector x = FloatVector.fromArray(S, v, r * units + j);
          if (standardize) {
            x = x.sub(m).mul(inv);
          }
          sg = sg.add(gv);
          sgx = gv.fma(x, sgx);
        }
        sg.intoArray(sumG, j);
        sgx.intoArray(sumGXhat, j);
      }
      for (j = bound; j < units; j++) {
        float sg = sumG[j];
        float sgx = sumGXhat[j];
        for (int r = b0; r < b1; r++) {
          float x = standardize ? (v[r * units + j] - mean[j]) * invStd[j] : v[r * units + j];
          sg += g[r * units + j];
          sgx = Math.fma(g[r * units + j], x, sgx);
        }
        sumG[j] = sg;
        sumGXhat[j] = sgx;
      }
    }
  }

  /** Whether rows r0..r1-1 end the buffer: only one part does (an empty part never). */
  private static boolean finishes(int rows, int r0, int r1) {
    return r1 == rows && r0 < r1;
  }
}
