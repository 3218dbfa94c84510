package dev.lamina.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The direct one-channel convolution against im2col and {@link Gemm} (the same bits: the
 * generated code may take either) and against a double-precision loop (within 1e-5), over shapes
 * that leave every tail: pixels after the four-pixel tiles, and filters after whole pairs of
 * vectors, a single vector, or none. Its weight gradient against the double-precision sum
 * (within 1e-6 of the sum of absolute terms), and the same bits for every split of the taps.
 */
class SingleChannelConvTest {
  @ParameterizedTest(name = "{1}×{2} image, {3}×{3} kernel, padding {4}, {5} filters, {0} samples")
  @CsvSource({
      "3, 28, 28, 3, 1, 32",
      "2, 7, 5, 2, 0, 48",
      "2, 9, 6, 5, 2, 20",
      "1, 4, 4, 1, 0, 3",
      "2, 6, 11, 3, 2, 16",
  })
  void equalsIm2colAndTheTiledProductBitForBit(int rows, int h, int w, int k, int pad,
      int filters) {
    SplittableRandom random = new SplittableRandom(h * 31L + filters);
    float[] x = new float[rows * h * w];
    float[] weight = new float[k * k * filters];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    for (int i = 0; i < weight.length; i++) {
      weight[i] = (float) random.nextGaussian();
    }
    int ho = h + 2 * pad - k + 1;
    int wo = w + 2 * pad - k + 1;
    float[] direct = new float[rows * ho * wo * filters];
    SingleChannelConv.forward(direct, x, weight, h, w, k, pad, filters, 0, rows,
        new float[(h + 2 * pad) * (w + 2 * pad)]);

    float[] cols = new float[rows * ho * wo * k * k];
    double[] exact = new double[direct.length];
    for (int s = 0; s < rows; s++) {
      for (int oh = 0; oh < ho; oh++) {
        for (int ow = 0; ow < wo; ow++) {
          int p = (s * ho + oh) * wo + ow;
          for (int kh = 0; kh < k; kh++) {
            for (int kw = 0; kw < k; kw++) {
              int ih = oh - pad + kh;
              int iw = ow - pad + kw;
              boolean inside = ih >= 0 && ih < h && iw >= 0 && iw < w;
              cols[p * k * k + kh * k + kw] = inside ? x[(s * h + ih) * w + iw] : 0f;
            }
          }
          for (int f = 0; f < filters; f++) {
            for (int t = 0; t < k * k; t++) {
              exact[p * filters + f] += (double) cols[p * k * k + t] * weight[t * filters + f];
            }
          }
        }
      }
    }
    float[] tiled = new float[direct.length];
    Gemm.matmulFromRow(tiled, cols, 0, weight, k * k, filters, 0, rows * ho * wo);

    double largest = 0;
    for (int i = 0; i < direct.length; i++) {
      assertEquals(Float.floatToRawIntBits(tiled[i]), Float.floatToRawIntBits(direct[i]),
          "output " + i + ": direct " + direct[i] + ", im2col and Gemm " + tiled[i]);
      largest = Math.max(largest, Math.abs(direct[i] - exact[i]));
    }
    assertTrue(largest < 1e-5, "largest difference from the double-precision loop: " + largest);
  }

  @ParameterizedTest(name = "{1}×{2} image, {3}×{3} kernel, padding {4}, {5} filters, {0} samples")
  @CsvSource({
      "3, 28, 28, 3, 1, 32",
      "2, 7, 5, 2, 0, 48",
      "2, 9, 6, 5, 2, 20",
      "1, 4, 4, 1, 0, 3",
      "2, 6, 11, 3, 2, 64",
  })
  void weightGradientMatchesTheDefinitionForAnySplitOfTheTaps(int rows, int h, int w, int k,
      int pad, int filters) {
    SplittableRandom random = new SplittableRandom(h * 17L + filters);
    int ho = h + 2 * pad - k + 1;
    int wo = w + 2 * pad - k + 1;
    float[] x = new float[rows * h * w];
    float[] dy = new float[rows * ho * wo * filters];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    for (int i = 0; i < dy.length; i++) {
      dy[i] = (float) random.nextGaussian();
    }
    float[] scratch = new float[(h + 2 * pad) * (w + 2 * pad)];
    float[] dw = new float[k * k * filters];
    SingleChannelConv.weightGradient(dw, x, dy, h, w, k, pad, filters, rows, 0, k * k, scratch);

    double[] exact = new double[dw.length];
    double[] scale = new double[dw.length];
    for (int s = 0; s < rows; s++) {
      for (int oh = 0; oh < ho; oh++) {
        for (int ow = 0; ow < wo; ow++) {
          for (int t = 0; t < k * k; t++) {
            int ih = oh - pad + t / k;
            int iw = ow - pad + t % k;
            float v = ih >= 0 && ih < h && iw >= 0 && iw < w ? x[(s * h + ih) * w + iw] : 0f;
            for (int f = 0; f < filters; f++) {
              double term = (double) v * dy[((s * ho + oh) * wo + ow) * filters + f];
              exact[t * filters + f] += term;
              scale[t * filters + f] += Math.abs(term);
            }
          }
        }
      }
    }
    double largest = 0;
    for (int i = 0; i < dw.length; i++) {
      largest = Math.max(largest, Math.abs(dw[i] - exact[i]) / Math.max(scale[i], 1e-30));
    }
    assertTrue(largest < 1e-6, "largest error of dw against the double-precision sum, as a"
        + " fraction of its absolute terms: " + largest);

    // Taps split between two threads at every point give the same bits.
    for (int split = 0; split <= k * k; split++) {
      float[] parts = new float[dw.length];
      SingleChannelConv.weightGradient(parts, x, dy, h, w, k, pad, filters, rows, 0, split, scratch);
      SingleChannelConv.weightGradient(parts, x, dy, h, w, k, pad, filters, rows, split, k * k,
          scratch);
      for (int i = 0; i < dw.length; i++) {
        assertEquals(Float.floatToRawIntBits(dw[i]), Float.floatToRawIntBits(parts[i]),
            "dw " + i + " with the taps split at " + split);
      }
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "3 | 16 | 64 | x must hold at least 4 floats, got 3",
      "4 | 15 | 64 | weight must hold at least 16 floats, got 15",
      "4 | 16 | 63 | out must hold at least 64 floats, got 63",
  })
  void anArrayTooShortIsRefusedByName(int xLength, int weightLength, int outLength,
      String message) {
    // One 2×2 sample, a 1×1 kernel without padding, 16 filters: 2×2×16 outputs.
    var e = assertThrows(IllegalArgumentException.class, () -> SingleChannelConv.forward(
        new float[outLength], new float[xLength], new float[weightLength], 2, 2, 1, 0, 16, 0, 1,
        new float[4]));
    assertEquals(message, e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2 | 0 | 4 | a 1×4 image padded by 0 has no 2×2 window: k must be at most the padded size",
      "1 | 0 | 3 | scratch must hold the padded sample, 1×4 = 4 floats, got 3",
  })
  void aKernelLargerThanThePaddedImageOrTooLittleScratchIsRefused(int k, int pad, int scratch,
      String message) {
    var e = assertThrows(IllegalArgumentException.class, () -> SingleChannelConv.forward(
        new float[64], new float[4], new float[k * k * 4], 1, 4, k, pad, 4, 0, 1,
        new float[scratch]));
    assertEquals(message, e.getMessage());
  }
}
