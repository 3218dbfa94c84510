package dev.lamina.internal.kernel;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector kernels of batch and layer normalization on a (rows, units) row-major buffer. Column
 * kernels (batch norm) cover columns c0..c1-1 over every row; row kernels (layer norm) cover rows
 * r0..r1-1 over every unit; the generated code splits rows or columns over threads. Sums run in a
 * fixed order (rows in order; lanes added in index order), so results do not depend on the split.
 * {@link dev.lamina.nn.ReferenceNetwork} holds the scalar definition.
 */
public final class Normalization {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private Normalization() {}

  /**
   * Per column: the mean, the biased variance and 1/√(variance + eps) of v's rows, in two passes
   * (mean first, then squared deviations) for accuracy.
   *
   * <p>Each column's sums run over the rows in order, one chain per column. The rows go in
   * blocks of about 32 KB ({@link #blockRows}) and every whole vector of columns takes its turn
   * on a block, its running sum kept in {@code mean} (then {@code variance}) between blocks: a
   * pass reads v once, in order, where a column vector at a time read it once per vector (a
   * (rows, 32) buffer twice with 512-bit vectors, half of each cache line each time).
   */
  public static void columnStatistics(float[] v, int rows, int units, int c0, int c1, float eps,
      float[] mean, float[] variance, float[] invStd) {
    float n = rows;
    int bound = c0 + S.loopBound(c1 - c0);
    int block = blockRows(units);
    Arrays.fill(mean, c0, bound, 0f);
    Arrays.fill(variance, c0, bound, 0f);
    for (int r0 = 0; r0 < rows; r0 += block) {
      int r1 = Math.min(rows, r0 + block);
      int j = c0;
      for (; j + 2 * L <= bound; j += 2 * L) { // two chains at a time: an add waits for the last
        FloatVector sum0 = FloatVector.fromArray(S, mean, j);
        FloatVector sum1 = FloatVector.fromArray(S, mean, j + L);
        for (int r = r0; r < r1; r++) {
          sum0 = sum0.add(FloatVector.fromArray(S, v, r * units + j));
          sum1 = sum1.add(FloatVector.fromArray(S, v, r * units + j + L));
        }
        sum0.intoArray(mean, j);
        sum1.intoArray(mean, j + L);
      }
      if (j < bound) {
        FloatVector sum = FloatVector.fromArray(S, mean, j);
        for (int r = r0; r < r1; r++) {
          sum = sum.add(FloatVector.fromArray(S, v, r * units + j));
        }
        sum.intoArray(mean, j);
      }
    }
    for (int j = c0; j < bound; j += L) {
      FloatVector.fromArray(S, mean, j).div(n).intoArray(mean, j);
    }
    for (int r0 = 0; r0 < rows; r0 += block) {
      int r1 = Math.min(rows, r0 + block);
      int j = c0;
      for (; j + 2 * L <= bound; j += 2 * L) {
        FloatVector m0 = FloatVector.fromArray(S, mean, j);
        FloatVector m1 = FloatVector.fromArray(S, mean, j + L);
        FloatVector squares0 = FloatVector.fromArray(S, variance, j);
        FloatVector squares1 = FloatVector.fromArray(S, variance, j + L);
        for (int r = r0; r < r1; r++) {
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
        for (int r = r0; r < r1; r++) {
          FloatVector d = FloatVector.fromArray(S, v, r * units + j).sub(m);
          squares = d.fma(d, squares);
        }
        squares.intoArray(variance, j);
      }
    }
    for (int j = c0; j < bound; j += L) {
      FloatVector var = FloatVector.fromArray(S, variance, j).div(n);
      var.intoArray(variance, j);
      FloatVector.broadcast(S, 1f).div(var.add(eps).sqrt()).intoArray(invStd, j);
    }
    for (int j = bound; j < c1; j++) {
      float sum = 0;
      for (int r = 0; r < rows; r++) {
        sum += v[r * units + j];
      }
      float m = sum / n;
      float squares = 0;
      for (int r = 0; r < rows; r++) {
        float d = v[r * units + j] - m;
        squares = Math.fma(d, d, squares);
      }
      float var = squares / n;
      mean[j] = m;
      variance[j] = var;
      invStd[j] = 1f / (float) Math.sqrt(var + eps);
    }
  }

  /**
   * Rows per block of the column kernels: about 32 KB of a (rows, units) buffer, so that a block
   * is still in L1 when the next vector of columns reads it.
   */
  private static int blockRows(int units) {
    return Math.max(16, 8192 / Math.max(1, units));
  }

  /**
   * Moves running statistics toward the batch's: {@code running += weight·(batch − running)},
   * with the batch variance made unbiased by {@code rows/(rows − 1)}.
   */
  public static void updateRunning(float[] runningMean, float[] runningVar, float[] mean,
      float[] variance, int rows, int c0, int c1, float weight) {
    float unbias = rows / (rows - 1f);
    for (int j = c0; j < c1; j++) {
      runningMean[j] = (1 - weight) * runningMean[j] + weight * mean[j];
      runningVar[j] = (1 - weight) * runningVar[j] + weight * variance[j] * unbias;
    }
  }

  /** Per row r0..r1-1: the mean and 1/√(biased variance + eps) over the row's units. */
  public static void rowStatistics(float[] v, int units, int r0, int r1, float eps, float[] mean,
      float[] invStd) {
    for (int r = r0; r < r1; r++) {
      int row = r * units;
      float m = sum(v, row, units, 0) / units;
      float var = sumOfSquaredDeviations(v, row, units, m) / units;
      mean[r] = m;
      invStd[r] = 1f / (float) Math.sqrt(var + eps);
    }
  }

  /**
   * Per column: Σ_rows g and Σ_rows g·x̂ — batch norm's dβ and dγ, and layer norm's too. Rows in
   * order, in blocks as in {@link #columnStatistics}, the running sums kept in the outputs.
   */
  public static void columnSums(float[] g, float[] xhat, int rows, int units, int c0, int c1,
      float[] sumG, float[] sumGXhat) {
    int bound = c0 + S.loopBound(c1 - c0);
    int block = blockRows(units);
    Arrays.fill(sumG, c0, bound, 0f);
    Arrays.fill(sumGXhat, c0, bound, 0f);
    for (int r0 = 0; r0 < rows; r0 += block) {
      int r1 = Math.min(rows, r0 + block);
      int j = c0;
      for (; j + 2 * L <= bound; j += 2 * L) { // four chains at a time
        FloatVector sg0 = FloatVector.fromArray(S, sumG, j);
        FloatVector sg1 = FloatVector.fromArray(S, sumG, j + L);
        FloatVector sgx0 = FloatVector.fromArray(S, sumGXhat, j);
        FloatVector sgx1 = FloatVector.fromArray(S, sumGXhat, j + L);
        for (int r = r0; r < r1; r++) {
          int at = r * units + j;
          FloatVector g0 = FloatVector.fromArray(S, g, at);
          FloatVector g1 = FloatVector.fromArray(S, g, at + L);
          sg0 = sg0.add(g0);
          sg1 = sg1.add(g1);
          sgx0 = g0.fma(FloatVector.fromArray(S, xhat, at), sgx0);
          sgx1 = g1.fma(FloatVector.fromArray(S, xhat, at + L), sgx1);
        }
        sg0.intoArray(sumG, j);
        sg1.intoArray(sumG, j + L);
        sgx0.intoArray(sumGXhat, j);
        sgx1.intoArray(sumGXhat, j + L);
      }
      if (j < bound) {
        FloatVector sg = FloatVector.fromArray(S, sumG, j);
        FloatVector sgx = FloatVector.fromArray(S, sumGXhat, j);
        for (int r = r0; r < r1; r++) {
          FloatVector gv = FloatVector.fromArray(S, g, r * units + j);
          sg = sg.add(gv);
          sgx = gv.fma(FloatVector.fromArray(S, xhat, r * units + j), sgx);
        }
        sg.intoArray(sumG, j);
        sgx.intoArray(sumGXhat, j);
      }
    }
    for (int j = bound; j < c1; j++) {
      float sg = 0;
      float sgx = 0;
      for (int r = 0; r < rows; r++) {
        sg += g[r * units + j];
        sgx = Math.fma(g[r * units + j], xhat[r * units + j], sgx);
      }
      sumG[j] = sg;
      sumGXhat[j] = sgx;
    }
  }

  /**
   * Batch norm's input gradient in place, rows r0..r1-1: {@code dz = γ·invStd/m · (m·g − Σg −
   * x̂·Σ(g·x̂))}, m the number of rows, with the column sums from {@link #columnSums}.
   */
  public static void batchInputGradient(float[] g, float[] xhat, float[] gamma, float[] invStd,
      float[] sumG, float[] sumGXhat, int rows, int units, int r0, int r1) {
    float m = rows;
    int bound = S.loopBound(units);
    // Rows in blocks, a vector of columns at a time within a block, so that each column's scale
    // (a division) is made once per block rather than once per row.
    int block = blockRows(units);
    for (int b0 = r0; b0 < r1; b0 += block) {
      int b1 = Math.min(r1, b0 + block);
      for (int j = 0; j < bound; j += L) {
        FloatVector scale = FloatVector.fromArray(S, gamma, j)
            .mul(FloatVector.fromArray(S, invStd, j)).div(m);
        FloatVector sg = FloatVector.fromArray(S, sumG, j);
        FloatVector sgx = FloatVector.fromArray(S, sumGXhat, j);
        for (int r = b0; r < b1; r++) {
          int at = r * units + j;
          FloatVector inner = FloatVector.fromArray(S, g, at).mul(m).sub(sg)
              .sub(FloatVector.fromArray(S, xhat, at).mul(sgx));
          scale.mul(inner).intoArray(g, at);
        }
      }
    }
    for (int r = r0; r < r1; r++) {
      int row = r * units;
      for (int j = bound; j < units; j++) {
        float scale = gamma[j] * invStd[j] / m;
        g[row + j] = scale * (g[row + j] * m - sumG[j] - xhat[row + j] * sumGXhat[j]);
      }
    }
  }

  /**
   * Layer norm's input gradient in place, rows r0..r1-1: with d = g·γ, {@code dz = invStd/n ·
   * (n·d − Σd − x̂·Σ(d·x̂))}, sums over the row's n units.
   */
  public static void layerInputGradient(float[] g, float[] xhat, float[] gamma, float[] invStd,
      int units, int r0, int r1) {
    float n = units;
    int bound = S.loopBound(units);
    for (int r = r0; r < r1; r++) {
      int row = r * units;
      FloatVector sd = FloatVector.zero(S);
      FloatVector sdx = FloatVector.zero(S);
      int j = 0;
      for (; j < bound; j += L) {
        FloatVector d = FloatVector.fromArray(S, g, row + j).mul(FloatVector.fromArray(S, gamma, j));
        sd = sd.add(d);
        sdx = d.fma(FloatVector.fromArray(S, xhat, row + j), sdx);
      }
      float sumD = lanes(sd);
      float sumDX = lanes(sdx);
      for (; j < units; j++) {
        float d = g[row + j] * gamma[j];
        sumD += d;
        sumDX = Math.fma(d, xhat[row + j], sumDX);
      }
      float scale = invStd[r] / n;
      j = 0;
      for (; j < bound; j += L) {
        FloatVector d = FloatVector.fromArray(S, g, row + j).mul(FloatVector.fromArray(S, gamma, j));
        d.mul(n).sub(sumD).sub(FloatVector.fromArray(S, xhat, row + j).mul(sumDX)).mul(scale)
            .intoArray(g, row + j);
      }
      for (; j < units; j++) {
        float d = g[row + j] * gamma[j];
        g[row + j] = scale * (d * n - sumD - xhat[row + j] * sumDX);
      }
    }
  }

  /**
   * Batch norm at inference as one affine map per unit: {@code scale = γ/√(runningVar + eps)},
   * {@code shift = β − runningMean·scale} (+ bias·scale for a bias added before the norm).
   */
  public static void inferenceAffine(float[] scale, float[] shift, float[] gamma, float[] beta,
      float[] runningMean, float[] runningVar, float[] biasOrNull, float eps) {
    for (int j = 0; j < scale.length; j++) {
      float s = gamma[j] / (float) Math.sqrt(runningVar[j] + eps);
      float mean = biasOrNull == null ? runningMean[j] : runningMean[j] - biasOrNull[j];
      scale[j] = s;
      shift[j] = beta[j] - mean * s;
    }
  }

  private static float sum(float[] v, int offset, int count, float start) {
    FloatVector acc = FloatVector.zero(S);
    int bound = S.loopBound(count);
    int i = 0;
    for (; i < bound; i += L) {
      acc = acc.add(FloatVector.fromArray(S, v, offset + i));
    }
    float s = start + lanes(acc);
    for (; i < count; i++) {
      s += v[offset + i];
    }
    return s;
  }

  private static float sumOfSquaredDeviations(float[] v, int offset, int count, float mean) {
    FloatVector acc = FloatVector.zero(S);
    int bound = S.loopBound(count);
    int i = 0;
    for (; i < bound; i += L) {
      FloatVector d = FloatVector.fromArray(S, v, offset + i).sub(mean);
      acc = d.fma(d, acc);
    }
    float s = lanes(acc);
    for (; i < count; i++) {
      float d = v[offset + i] - mean;
      s = Math.fma(d, d, s);
    }
    return s;
  }

  /** The lanes' sum in index order: reduceLanes may add in another order at another JIT tier. */
  private static float lanes(FloatVector v) {
    float s = 0;
    for (int i = 0; i < L; i++) {
      s += v.lane(i);
    }
    return s;
  }
}
