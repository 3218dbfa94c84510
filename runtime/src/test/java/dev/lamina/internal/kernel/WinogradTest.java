package dev.lamina.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Winograd's F(2×2, 3×3) against double-precision loops of the convolution's definition: the
 * forward pass, the input gradient (the forward pass of dY with {@link
 * Winograd#inputGradientFilters}) and the weight gradient. Each error is measured against the sum
 * of the absolute terms of its element (the scale of float rounding; for dw, of the tiles' patches
 * times their output gradients, which its transforms add) and must stay under 1e-6 of it. Shapes leave partial tiles (odd sizes), channel tails (not whole vectors) and every padding.
 * Splits of samples or channels, as threads make them, give the same bits.
 */
class WinogradTest {
  private static final double TOLERANCE = 1e-6;

  @ParameterizedTest(name = "{1}×{2}, {3} → {4} channels, padding {5}, {0} samples")
  @CsvSource({
      "3, 14, 14, 32, 64, 1",
      "2, 7, 5, 3, 20, 0",
      "2, 5, 6, 17, 33, 2",
      "1, 3, 3, 16, 16, 0",
      "2, 1, 2, 8, 5, 1",
  })
  void forwardAndBothGradientsMatchTheDefinition(int samples, int h, int w, int in, int out,
      int pad) {
    SplittableRandom random = new SplittableRandom(h * 131L + in * 7L + out);
    int oh = h + 2 * pad - 2;
    int ow = w + 2 * pad - 2;
    float[] x = gaussian(random, samples * h * w * in);
    float[] weight = gaussian(random, 9 * in * out);
    float[] dy = gaussian(random, samples * oh * ow * out);

    float[] y = new float[samples * oh * ow * out];
    float[][] u = matrices(in, out);
    Winograd.filters(u, weight, in, out, 0, out);
    Winograd.forward(y, x, u, h, w, in, out, pad, 0, samples, scratch(Winograd.GROUP, oh, ow, in, out));

    float[] dx = new float[samples * h * w * in];
    float[][] ut = matrices(in, out);
    Winograd.inputGradientFilters(ut, weight, in, out, 0, in);
    Winograd.forward(dx, dy, ut, oh, ow, out, in, 2 - pad, 0, samples,
        scratch(Winograd.GROUP, h, w, out, in));

    float[] dw = new float[9 * in * out];
    Winograd.weightGradient(dw, matrices(in, out), x, dy, h, w, in, out, pad, samples, 0, in,
        scratch(Winograd.GROUP, oh, ow, in, out));

    Sums yExact = new Sums(y.length);
    Sums dxExact = new Sums(dx.length);
    Sums dwExact = new Sums(dw.length);
    for (int s = 0; s < samples; s++) {
      for (int i = 0; i < oh; i++) {
        for (int j = 0; j < ow; j++) {
          for (int kh = 0; kh < 3; kh++) {
            for (int kw = 0; kw < 3; kw++) {
              int ih = i - pad + kh;
              int iw = j - pad + kw;
              if (ih < 0 || ih >= h || iw < 0 || iw >= w) {
                continue;
              }
              for (int c = 0; c < in; c++) {
                for (int o = 0; o < out; o++) {
                  int xi = ((s * h + ih) * w + iw) * in + c;
                  int wi = ((kh * 3 + kw) * in + c) * out + o;
                  int yi = ((s * oh + i) * ow + j) * out + o;
                  yExact.add(yi, (double) x[xi] * weight[wi]);
                  dxExact.add(xi, (double) dy[yi] * weight[wi]);
                  dwExact.value[wi] += (double) x[xi] * dy[yi];
                }
              }
            }
          }
        }
      }
    }
    // dw sums over tiles of 4×4 input patches and 2×2 output gradients: its rounding scales with
    // their magnitudes, not with the one term of a tap in a tile
    for (int s = 0; s < samples; s++) {
      for (int t = 0; t < Winograd.tiles(oh, ow); t++) {
        int ti = 2 * (t / ((ow + 1) / 2));
        int tj = 2 * (t % ((ow + 1) / 2));
        for (int c = 0; c < in; c++) {
          double patch = 0;
          for (int i = ti - pad; i < ti - pad + 4; i++) {
            for (int j = tj - pad; j < tj - pad + 4; j++) {
              patch += i >= 0 && i < h && j >= 0 && j < w ? Math.abs(x[((s * h + i) * w + j) * in + c]) : 0;
            }
          }
          for (int o = 0; o < out; o++) {
            double block = 0;
            for (int i = ti; i < Math.min(ti + 2, oh); i++) {
              for (int j = tj; j < Math.min(tj + 2, ow); j++) {
                block += Math.abs(dy[((s * oh + i) * ow + j) * out + o]);
              }
            }
            for (int tap = 0; tap < 9; tap++) {
              dwExact.scale[(tap * in + c) * out + o] += patch * block;
            }
          }
        }
      }
    }
    yExact.check("y", y);
    dxExact.check("dx", dx);
    dwExact.check("dw", dw);
  }

  @ParameterizedTest(name = "{1}×{2}, {3} → {4} channels, padding {5}, {0} samples")
  @CsvSource({
      "5, 14, 14, 32, 64, 1",
      "4, 7, 5, 19, 20, 0",
  })
  void splitsOfSamplesAndChannelsGiveTheSameBits(int samples, int h, int w, int in, int out,
      int pad) {
    SplittableRandom random = new SplittableRandom(99);
    int oh = h + 2 * pad - 2;
    int ow = w + 2 * pad - 2;
    float[] x = gaussian(random, samples * h * w * in);
    float[] weight = gaussian(random, 9 * in * out);
    float[] dy = gaussian(random, samples * oh * ow * out);

    float[][] whole = matrices(in, out);
    float[][] split = matrices(in, out);
    Winograd.filters(whole, weight, in, out, 0, out);
    Winograd.filters(split, weight, in, out, 0, 7);
    Winograd.filters(split, weight, in, out, 7, out);
    for (int xi = 0; xi < Winograd.POSITIONS; xi++) {
      assertArrayEquals(whole[xi], split[xi], "filters at position " + xi);
    }
    float[][] wholeT = matrices(in, out);
    float[][] splitT = matrices(in, out);
    Winograd.inputGradientFilters(wholeT, weight, in, out, 0, in);
    Winograd.inputGradientFilters(splitT, weight, in, out, 0, 5);
    Winograd.inputGradientFilters(splitT, weight, in, out, 5, in);
    for (int xi = 0; xi < Winograd.POSITIONS; xi++) {
      assertArrayEquals(wholeT[xi], splitT[xi], "input gradient filters at position " + xi);
    }

    float[] yWhole = new float[samples * oh * ow * out];
    float[] ySplit = new float[yWhole.length];
    float[] scratch = scratch(Winograd.GROUP, oh, ow, in, out);
    Winograd.forward(yWhole, x, whole, h, w, in, out, pad, 0, samples, scratch);
    Winograd.forward(ySplit, x, whole, h, w, in, out, pad, 0, 2, scratch);
    Winograd.forward(ySplit, x, whole, h, w, in, out, pad, 2, samples, scratch);
    assertArrayEquals(yWhole, ySplit, "outputs of samples 0..1 and 2.. apart");

    float[] dwWhole = new float[9 * in * out];
    float[] dwSplit = new float[dwWhole.length];
    float[][] du = matrices(in, out);
    Winograd.weightGradient(dwWhole, du, x, dy, h, w, in, out, pad, samples, 0, in, scratch);
    Winograd.weightGradient(dwSplit, du, x, dy, h, w, in, out, pad, samples, 0, 3, scratch);
    Winograd.weightGradient(dwSplit, du, x, dy, h, w, in, out, pad, samples, 3, in, scratch);
    assertArrayEquals(dwWhole, dwSplit, "weight gradient of channels 0..2 and 3.. apart");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "4 | 4 | 3 | Winograd F(2×2, 3×3) takes padding 0 to 2 and an input at least 3×3 once padded,"
          + " got padding 3 on 4×4",
      "2 | 4 | 0 | Winograd F(2×2, 3×3) takes padding 0 to 2 and an input at least 3×3 once padded,"
          + " got padding 0 on 2×4",
      "0 | 4 | 1 | h, w, in and out must be >= 1, got 0, 4, 2 and 2",
  })
  void aShapeOutsideF2x3IsRefused(int h, int w, int pad, String message) {
    var e = assertThrows(IllegalArgumentException.class, () -> Winograd.forward(new float[512],
        new float[512], matrices(2, 2), h, w, 2, 2, pad, 0, 1, new float[4096]));
    assertEquals(message, e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "31 | 64 | 2000 | x must hold at least 32 floats, got 31",
      "32 | 63 | 2000 | y must hold at least 64 floats, got 63",
      "32 | 64 | 767 | scratch must hold at least 768 floats, got 767",
  })
  void anArrayTooShortIsRefusedByName(int xLength, int yLength, int scratchLength,
      String message) {
    // One 4×4 sample of 2 channels, 4 filters, padding 1: 4×4×4 outputs, 4 tiles.
    var e = assertThrows(IllegalArgumentException.class, () -> Winograd.forward(new float[yLength],
        new float[xLength], matrices(2, 4), 4, 4, 2, 4, 1, 0, 1, new float[scratchLength]));
    assertEquals(message, e.getMessage());
  }

  /** Sums of terms in double, and of their absolute values: the scale of each element's error. */
  private static final class Sums {
    final double[] value;
    final double[] scale;

    Sums(int n) {
      value = new double[n];
      scale = new double[n];
    }

    void add(int i, double term) {
      value[i] += term;
      scale[i] += Math.abs(term);
    }

    void check(String name, float[] actual) {
      double largest = 0;
      int at = -1;
      for (int i = 0; i < actual.length; i++) {
        double error = Math.abs(actual[i] - value[i]) / Math.max(scale[i], 1e-30);
        if (error > largest) {
          largest = error;
          at = i;
        }
      }
      assertTrue(largest < TOLERANCE, name + ": largest error " + largest + " of the element's"
          + " scale, at " + at + " (" + actual[Math.max(at, 0)] + " against "
          + value[Math.max(at, 0)] + ")");
    }
  }

  private static float[] gaussian(SplittableRandom random, int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) random.nextGaussian();
    }
    return a;
  }

  private static float[][] matrices(int in, int out) {
    return new float[Winograd.POSITIONS][in * out];
  }

  private static float[] scratch(int samples, int oh, int ow, int in, int out) {
    return new float[Winograd.scratchSize(samples, Winograd.tiles(oh, ow), in, out)];
  }
}
