package dev.lamina.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/** The counter-hash Gaussian: its moments and shape, and vector lanes equal to the scalar form. */
class NoiseTest {
  private static final int N = 400_000;

  @Test
  void vectorLanesEqualTheScalarDefinitionBitForBit() {
    // addLanes at an offset other than its first counter, onto values other than zero, and
    // nothing written outside its lanes.
    float scale = Noise.scale(0.37);
    int lanes = FloatVector.SPECIES_PREFERRED.length();
    int offset = 3;
    float[] values = new float[offset + lanes + 2];
    for (int key : new int[] {0, -1, 123456789}) {
      for (int first = -64; first < 5000; first += 7) {
        for (int i = 0; i < values.length; i++) {
          values[i] = base(i);
        }
        Noise.addLanes(values, offset, key, first, scale);
        for (int i = 0; i < values.length; i++) {
          int l = i - offset;
          float expected = l >= 0 && l < lanes ? base(i) + Noise.gaussian(key, first + l, scale) : base(i);
          if (Float.floatToRawIntBits(expected) != Float.floatToRawIntBits(values[i])) {
            fail("key " + key + ", counter " + (first + l) + ": vector " + values[i]
                + " vs scalar " + expected);
          }
        }
      }
    }
  }

  private static float base(int i) {
    return i * 0.37f - 1.5f;
  }

  @Test
  void addingInPiecesEqualsAddingAtOnce() {
    // Whatever the split into ranges (threads), each element gets the same noise.
    float[] whole = new float[1000];
    float[] pieces = new float[1000];
    Noise.addGaussian(whole, 0, 1000, 5, Noise.scale(1));
    Noise.addGaussian(pieces, 0, 333, 5, Noise.scale(1));
    Noise.addGaussian(pieces, 333, 777, 5, Noise.scale(1));
    Noise.addGaussian(pieces, 777, 1000, 5, Noise.scale(1));
    org.junit.jupiter.api.Assertions.assertArrayEquals(whole, pieces);
  }

  @Test
  void momentsAndShapeAreThoseOfANormalVariable() {
    double std = 0.5;
    float scale = Noise.scale(std);
    double sum = 0;
    double squares = 0;
    double fourth = 0;
    int withinOne = 0;
    int withinTwo = 0;
    double max = 0;
    for (int i = 0; i < N; i++) {
      double z = Noise.gaussian(77, i, scale) / std;
      sum += z;
      squares += z * z;
      fourth += z * z * z * z;
      withinOne += Math.abs(z) <= 1 ? 1 : 0;
      withinTwo += Math.abs(z) <= 2 ? 1 : 0;
      max = Math.max(max, Math.abs(z));
    }
    double mean = sum / N;
    double variance = squares / N - mean * mean;
    // Standard errors at N = 400k: mean 0.0016, variance 0.0022; limits are ~4 of them.
    assertEquals(0, mean, 0.007, "mean");
    assertEquals(1, variance, 0.01, "variance");
    // Irwin–Hall of 8 bytes: kurtosis 3 − 1.2/8 = 2.85 (a normal has 3).
    assertEquals(2.85, fourth / N, 0.05, "fourth moment");
    // The exact probabilities of the sum of eight uniform bytes (by convolution) are 0.6775 and
    // 0.9562, against a normal's 0.6827 and 0.9545; the draws must show the former.
    assertEquals(0.6775, (double) withinOne / N, 0.003, "P(|z| <= 1)");
    assertEquals(0.9562, (double) withinTwo / N, 0.002, "P(|z| <= 2)");
    assertTrue(max <= 1020 / Noise.SUM_STD + 1e-6, "tails are cut at 4.88 std, got " + max);
    assertTrue(max > 3.8, "tails reach far out, got " + max);
  }

  @Test
  void theDistributionIsWithinHalfAPercentOfTheNormalEverywhere() {
    // Kolmogorov distance: the largest gap between the empirical CDF and the normal CDF. The
    // generator's exact distance is 0.0043 (at z = −0.72); sampling adds about 0.002.
    int n = 200_000;
    double[] z = new double[n];
    float scale = Noise.scale(1);
    for (int i = 0; i < n; i++) {
      z[i] = Noise.gaussian(3, i, scale);
    }
    java.util.Arrays.sort(z);
    double worst = 0;
    for (int i = 0; i < n; i++) {
      double normal = 0.5 * (1 + erf(z[i] / Math.sqrt(2)));
      worst = Math.max(worst, Math.max(Math.abs((i + 1.0) / n - normal), Math.abs((double) i / n - normal)));
    }
    assertTrue(worst < 0.0075, "max |empirical CDF − normal CDF| = " + worst);
  }

  /** Abramowitz and Stegun 7.1.26, |error| < 1.5e-7: plenty for a CDF gap of 1e-3. */
  private static double erf(double x) {
    double t = 1 / (1 + 0.3275911 * Math.abs(x));
    double y = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741
        + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-x * x);
    return Math.signum(x) * y;
  }

  @Test
  void differentKeysAndLayersAreUncorrelated() {
    float scale = Noise.scale(1);
    int a = Noise.layerKey(99, 0);
    int b = Noise.layerKey(99, 1);
    int dropout = Bernoulli.layerKey(99, 0);
    double ab = 0;
    double ad = 0;
    for (int i = 0; i < N; i++) {
      float x = Noise.gaussian(a, i, scale);
      ab += x * Noise.gaussian(b, i, scale);
      ad += x * Noise.gaussian(dropout, i, scale);
    }
    assertEquals(0, ab / N, 0.01, "correlation of two layers' noise");
    assertEquals(0, ad / N, 0.01, "correlation with a key equal to dropout's");
    assertTrue(a != dropout, "noise keys differ from dropout keys");
  }
}
