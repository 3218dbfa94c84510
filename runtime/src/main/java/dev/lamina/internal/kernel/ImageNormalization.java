package dev.lamina.internal.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector kernels of instance and group normalization on an image layer's output, stored (rows,
 * pixels, channels): each sample's channels split into groups of {@code perGroup} consecutive
 * channels (1 for instance normalization), each group normalized over its pixels × perGroup
 * values. Statistics are written expanded to one value per (sample, channel), so the normalizing
 * loop reads them like batch normalization's per-channel ones. Kernels cover samples s0..s1-1 and
 * add in a fixed order (pixels in order, then a group's channels in order), so the result does not
 * depend on how samples are split over threads. Batch and layer normalization of an image reuse
 * {@link Normalization}'s column and row kernels. {@code dev.lamina.nn.ImageNormReference} holds
 * the scalar definition.
 */
public final class ImageNormalization {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private ImageNormalization() {}

  /**
   * Per sample and group: the mean and 1/√(biased variance + eps), in two passes (mean first,
   * then squared deviations), written to {@code mean[s·C + c]} and {@code invStd[s·C + c]} for
   * every channel c of the group.
   */
  public static void groupStatistics(float[] v, int pixels, int channels, int perGroup, int s0,
      int s1, float eps, float[] mean, float[] invStd) {
    float n = (float) pixels * perGroup;
    for (int s = s0; s < s1; s++) {
      int stats = s * channels;
      int base = s * pixels * channels;
      channelSums(v, base, pixels, channels, mean, stats);
      groupTotals(mean, stats, channels, perGroup, 1f / n);
      channelSquares(v, base, pixels, channels, mean, invStd, stats);
      for (int c0 = 0; c0 < channels; c0 += perGroup) {
        float squares = 0;
        for (int c = c0; c < c0 + perGroup; c++) {
          squares += invStd[stats + c];
        }
        float inv = 1f / (float) Math.sqrt(squares / n + eps);
        for (int c = c0; c < c0 + perGroup; c++) {
          invStd[stats + c] = inv;
        }
      }
    }
  }

  /**
   * The input gradient in place, samples s0..s1-1: with d = g·γ[c], {@code dz = invStd/n · (n·d −
   * Σd − x̂·Σ(d·x̂))}, sums over the group's n values. {@code sumD} and {@code sumDXhat} (rows ×
   * channels) take the sums, expanded per channel like the statistics.
   */
  public static void groupInputGradient(float[] g, float[] xhat, float[] gamma, float[] invStd,
      int pixels, int channels, int perGroup, int s0, int s1, float[] sumD, float[] sumDXhat) {
    float n = (float) pixels * perGroup;
    int bound = S.loopBound(channels);
    for (int s = s0; s < s1; s++) {
      int stats = s * channels;
      int base = s * pixels * channels;
      java.util.Arrays.fill(sumD, stats, stats + channels, 0f);
      java.util.Arrays.fill(sumDXhat, stats, stats + channels, 0f);
      for (int p = 0; p < pixels; p++) {
        int row = base + p * channels;
        int c = 0;
        for (; c < bound; c += L) {
          FloatVector d = FloatVector.fromArray(S, g, row + c).mul(FloatVector.fromArray(S, gamma, c));
          d.add(FloatVector.fromArray(S, sumD, stats + c)).intoArray(sumD, stats + c);
          d.fma(FloatVector.fromArray(S, xhat, row + c), FloatVector.fromArray(S, sumDXhat, stats + c))
              .intoArray(sumDXhat, stats + c);
        }
        for (; c < channels; c++) {
          float d = g[row + c] * gamma[c];
          sumD[stats + c] += d;
          sumDXhat[stats + c] = Math.fma(d, xhat[row + c], sumDXhat[stats + c]);
        }
      }
      groupTotals(sumD, stats, channels, perGroup, 1f);
      groupTotals(sumDXhat, stats, channels, perGroup, 1f);
      for (int p = 0; p < pixels; p++) {
        int row = base + p * channels;
        int c = 0;
        for (; c < bound; c += L) {
          FloatVector d = FloatVector.fromArray(S, g, row + c).mul(FloatVector.fromArray(S, gamma, c));
          FloatVector inner = d.mul(n).sub(FloatVector.fromArray(S, sumD, stats + c))
              .sub(FloatVector.fromArray(S, xhat, row + c).mul(FloatVector.fromArray(S, sumDXhat, stats + c)));
          FloatVector.fromArray(S, invStd, stats + c).div(n).mul(inner).intoArray(g, row + c);
        }
        for (; c < channels; c++) {
          float d = g[row + c] * gamma[c];
          float inner = d * n - sumD[stats + c] - xhat[row + c] * sumDXhat[stats + c];
          g[row + c] = invStd[stats + c] / n * inner;
        }
      }
    }
  }

  /** Per channel of one sample: {@code out[o + c] = Σ_pixels v}. */
  private static void channelSums(float[] v, int base, int pixels, int channels, float[] out, int o) {
    int bound = S.loopBound(channels);
    int c = 0;
    for (; c < bound; c += L) {
      FloatVector acc = FloatVector.zero(S);
      for (int p = 0; p < pixels; p++) {
        acc = acc.add(FloatVector.fromArray(S, v, base + p * channels + c));
      }
      acc.intoArray(out, o + c);
    }
    for (; c < channels; c++) {
      float acc = 0;
      for (int p = 0; p < pixels; p++) {
        acc += v[base + p * channels + c];
      }
      out[o + c] = acc;
    }
  }

  /** Per channel of one sample: {@code out[o + c] = Σ_pixels (v − mean[o + c])²}. */
  private static void channelSquares(float[] v, int base, int pixels, int channels, float[] mean,
      float[] out, int o) {
    int bound = S.loopBound(channels);
    int c = 0;
    for (; c < bound; c += L) {
      FloatVector m = FloatVector.fromArray(S, mean, o + c);
      FloatVector acc = FloatVector.zero(S);
      for (int p = 0; p < pixels; p++) {
        FloatVector d = FloatVector.fromArray(S, v, base + p * channels + c).sub(m);
        acc = d.fma(d, acc);
      }
      acc.intoArray(out, o + c);
    }
    for (; c < channels; c++) {
      float acc = 0;
      for (int p = 0; p < pixels; p++) {
        float d = v[base + p * channels + c] - mean[o + c];
        acc = Math.fma(d, d, acc);
      }
      out[o + c] = acc;
    }
  }

  /** Replaces each channel's value by its group's total (channels in order) times {@code scale}. */
  private static void groupTotals(float[] a, int o, int channels, int perGroup, float scale) {
    if (perGroup == 1 && scale == 1f) {
      return;
    }
    for (int c0 = 0; c0 < channels; c0 += perGroup) {
      float total = 0;
      for (int c = c0; c < c0 + perGroup; c++) {
        total += a[o + c];
      }
      total *= scale;
      for (int c = c0; c < c0 + perGroup; c++) {
        a[o + c] = total;
      }
    }
  }
}
