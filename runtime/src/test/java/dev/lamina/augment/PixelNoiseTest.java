package dev.lamina.augment;

import static dev.lamina.testing.NumericAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The pixel noise's distribution and its bit-exact vector and scalar forms. */
class PixelNoiseTest {
  @Test
  void tableIsTheInverseNormalCdf() {
    // Known quantiles: Φ⁻¹(0.975) = 1.959963984540054, Φ⁻¹(0.5) = 0, Φ⁻¹(0.001) = −3.090232306.
    assertClose("Φ⁻¹(0.975)", 1.959963984540054, PixelNoise.inverseNormal(0.975), 0, 1e-8);
    assertClose("Φ⁻¹(0.5)", 0, PixelNoise.inverseNormal(0.5), 1e-15, 0);
    assertClose("Φ⁻¹(0.001)", -3.090232306167813, PixelNoise.inverseNormal(0.001), 0, 1e-8);
    // The unscaled piecewise-linear table already has nearly unit variance; scaling fixes the rest.
    assertClose("raw variance", 1, PixelNoise.RAW_VARIANCE, 2e-3, 0);
    double variance = 0;
    for (int i = 0; i < PixelNoise.CELLS; i++) {
      double k0 = PixelNoise.START[i];
      double k1 = k0 + PixelNoise.RISE[i];
      variance += (k0 * k0 + k0 * k1 + k1 * k1) / 3 / PixelNoise.CELLS;
      assertEquals(-PixelNoise.START[i],
          PixelNoise.START[PixelNoise.CELLS - 1 - i] + PixelNoise.RISE[PixelNoise.CELLS - 1 - i],
          1e-6, "symmetry of cell " + i);
    }
    assertClose("table variance", 1, variance, 1e-6, 0);
  }

  @Test
  void deviatesHaveUnitVarianceAndNormalTails() {
    int n = 1 << 20;
    double sum = 0;
    double squares = 0;
    double fourth = 0;
    int beyond2 = 0;
    for (int i = 0; i < n; i++) {
      double z = PixelNoise.deviate(12345, i);
      sum += z;
      squares += z * z;
      fourth += z * z * z * z;
      if (Math.abs(z) > 2) {
        beyond2++;
      }
    }
    double mean = sum / n;
    double variance = squares / n - mean * mean;
    // Standard errors over 2^20 draws: mean 0.001, variance 0.0014, kurtosis 0.024.
    assertClose("mean", 0, mean, 5e-3, 0);
    assertClose("variance", 1, variance, 7e-3, 0);
    assertClose("kurtosis", 3, fourth / n, 0.12, 0);
    // P(|Z| > 2) = 0.0455; standard error 0.0002.
    assertClose("P(|z| > 2)", 0.0455, (double) beyond2 / n, 1.5e-3, 0);
  }

  @Test
  void vectorFormGivesTheScalarBits() {
    for (int n : new int[] {1, 15, 16, 784, 3072, 3075}) {
      float[] vector = new float[n + 2];
      float[] scalar = new float[n + 2];
      for (int i = 0; i < n + 2; i++) {
        vector[i] = scalar[i] = i * 0.01f;
      }
      PixelNoise.add(vector, 2, n, -99, 0.1f, new int[Warp.LANES]);
      PixelNoise.reference(scalar, 2, n, -99, 0.1f);
      assertClose("noise on " + n + " values", scalar, vector, 0, 0);
      assertTrue(vector[2] != 0.02f, "noise was added");
    }
  }
}
