package dev.lamina.internal.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector kernels of batch and layer normalization on a (rows, units) row-major buffer; batch
 * norm's column sums are {@link ColumnSumsInTurn}'s. Row kernels (layer norm, batch norm's input
 * gradient) cover rows r0..r1-1 over every unit, {@link #updateRunning} columns c0..c1-1; the
 * generated code splits them over threads. Sums run in a
 * fixed order (rows in order; lanes added in index order), so results do not depend on the split.
 * {@link dev.lamina.nn.ReferenceNetwork} holds the scalar definition.
 */
public final class Normalization {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private Normalization() {}

  /**
   * Rows per block of the column kernels: about 32 KB of a (rows, units) buffer, so that a block
   * is still in L1 when the next vector of columns reads it.
   */
  static int blockRows(int units) {
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
   * Batch norm's input gradient in place, rows r0..r1-1: {@code dz = γ·invStd/m · (m·g − Σg −
   * x̂·Σ(g·x̂))}, m the number of rows, with the column sums from {@link ColumnSumsInTurn#gradientSums}.
   */
  public static void batchInputGradient(float[] g, float[] xhat, float[] gamma, float[] invStd,
      float[] sumG, float[] sumGXhat, int rows, int units, int r0, int r1) {
    batchInputGradient(g, xhat, null, gamma, invStd, sumG, sumGXhat, rows, units, r0, r1);
  }

  /**
   * {@link #batchInputGradient(float[], float[], float[], float[], float[], float[], int, int, int,
   * int)} from the normalization's input z rather than x̂, which is made again as the forward pass
   * made it, {@code (z − mean)·invStd}, with the same bits: for a layer whose x̂ is never stored.
   */
  public static void batchInputGradientFromInput(float[] g, float[] z, float[] mean,
      float[] gamma, float[] invStd, float[] sumG, float[] sumGXhat, int rows, int units, int r0,
      int r1) {
    batchInputGradient(g, z, mean, gamma, invStd, sumG, sumGXhat, rows, units, r0, r1);
  }

  /** v is x̂, or z when {@code mean} is given. */
  private static void batchInputGradient(float[] g, float[] v, float[] mean, float[] gamma,
      float[] invStd, float[] sumG, float[] sumGXhat, int rows, int units, int r0, int r1) {
    float m = rows;
    boolean standardize = mean != null;
    int bound = S.loopBound(units);
    // Rows in blocks, a vector of columns at a time within a block, so that each column's scale
    // (a division) is made once per block rather than once per row.
    int block = blockRows(units);
    for (int b0 = r0; b0 < r1; b0 += block) {
      int b1 = Math.min(r1, b0 + block);
      for (int j = 0; j < bound; j += L) {
        FloatVector inv = FloatVector.fromArray(S, invStd, j);
        FloatVector mu = standardize ? FloatVector.fromArray(S, mean, j) : FloatVector.zero(S);
        FloatVector scale = FloatVector.fromArray(S, gamma, j).mul(inv).div(m);
        FloatVector sg = FloatVector.fromArray(S, sumG, j);
        FloatVector sgx = FloatVector.fromArray(S, sumGXhat, j);
        for (int r = b0; r < b1; r++) {
          int at = r * units + j;
          FloatVector xhat = FloatVector.fromArray(S, v, at);
          if (standardize) {
            xhat = xhat.sub(mu).mul(inv);
          }
          FloatVector inner = FloatVector.fromArray(S, g, at).mul(m).sub(sg).sub(xhat.mul(sgx));
          scale.mul(inner).intoArray(g, at);
        }
      }
    }
    for (int r = r0; r < r1; r++) {
      int row = r * units;
      for (int j = bound; j < units; j++) {
        float scale = gamma[j] * invStd[j] / m;
        float xhat = standardize ? (v[row + j] - mean[j]) * invStd[j] : v[row + j];
        g[row + j] = scale * (g[row + j] * m - sumG[j] - xhat * sumGXhat[j]);
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
