package dev.lamina.init;

import static dev.lamina.Nonlinearity.IDENTITY;
import static dev.lamina.Nonlinearity.LEAKY_RELU;
import static dev.lamina.Nonlinearity.RELU;
import static dev.lamina.Nonlinearity.SIGMOID;
import static dev.lamina.Nonlinearity.TANH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.FanMode;
import dev.lamina.Gain;
import dev.lamina.Init;
import dev.lamina.Nonlinearity;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every initializer's draws against its formula: sample mean and variance within confidence
 * limits, the support's bounds, and a tail fraction that tells a normal from a uniform or a
 * truncated normal. Fan-in and fan-out differ (200 and 300) so that a wrong fan shows.
 */
class InitStatisticsTest {
  private static final int FAN_IN = 200;
  private static final int FAN_OUT = 300;
  private static final Fans FANS = Fans.dense(FAN_IN, FAN_OUT);

  private static float[] draw(InitSpec spec, Nonlinearity activation, double slope, long seed) {
    float[] w = new float[FAN_IN * FAN_OUT];
    Draws.fill(w, FAN_IN, FAN_OUT, spec, FANS, activation, slope, new SplittableRandom(seed));
    return w;
  }

  /** A variance-scaling case and its std, written out from the papers' formulas. */
  record Scaled(Init init, FanMode mode, Gain gain, Nonlinearity activation, double slope,
      double expectedStd) {
    @Override
    public String toString() {
      return init + " fan " + mode + " gain " + gain + " under " + activation
          + (activation == LEAKY_RELU ? "(" + slope + ")" : "");
    }
  }

  static Stream<Scaled> scaled() {
    double in = FAN_IN;
    double out = FAN_OUT;
    double avg = (in + out) / 2;
    double relu = Math.sqrt(2);
    double leaky = Math.sqrt(2 / (1 + 0.2 * 0.2));
    List<Scaled> cases = new ArrayList<>();
    for (Init init : List.of(Init.XAVIER, Init.XAVIER_UNIFORM)) {
      cases.add(new Scaled(init, FanMode.AUTO, Gain.AUTO, TANH, 0, Math.sqrt(2 / (in + out))));
      cases.add(new Scaled(init, FanMode.AUTO, Gain.ACTIVATION, TANH, 0, 5.0 / 3 / Math.sqrt(avg)));
      cases.add(new Scaled(init, FanMode.IN, Gain.AUTO, SIGMOID, 0, 1 / Math.sqrt(in)));
      cases.add(new Scaled(init, FanMode.OUT, Gain.AUTO, IDENTITY, 0, 1 / Math.sqrt(out)));
    }
    for (Init init : List.of(Init.LECUN, Init.LECUN_UNIFORM)) {
      cases.add(new Scaled(init, FanMode.AUTO, Gain.AUTO, TANH, 0, Math.sqrt(1 / in)));
      cases.add(new Scaled(init, FanMode.AVERAGE, Gain.AUTO, SIGMOID, 0, 1 / Math.sqrt(avg)));
      cases.add(new Scaled(init, FanMode.OUT, Gain.ACTIVATION, RELU, 0, relu / Math.sqrt(out)));
    }
    for (Init init : List.of(Init.HE, Init.HE_UNIFORM)) {
      cases.add(new Scaled(init, FanMode.AUTO, Gain.AUTO, RELU, 0, Math.sqrt(2 / in)));
      cases.add(new Scaled(init, FanMode.AUTO, Gain.AUTO, LEAKY_RELU, 0.2, leaky / Math.sqrt(in)));
      cases.add(new Scaled(init, FanMode.OUT, Gain.AUTO, RELU, 0, Math.sqrt(2 / out)));
      cases.add(new Scaled(init, FanMode.AVERAGE, Gain.AUTO, RELU, 0, relu / Math.sqrt(avg)));
      cases.add(new Scaled(init, FanMode.AUTO, Gain.AUTO, TANH, 0, Math.sqrt(2 / in)));
      cases.add(new Scaled(init, FanMode.AUTO, Gain.ACTIVATION, TANH, 0, 5.0 / 3 / Math.sqrt(in)));
    }
    cases.add(new Scaled(Init.AUTO, FanMode.AUTO, Gain.AUTO, RELU, 0, Math.sqrt(2 / in)));
    cases.add(new Scaled(Init.AUTO, FanMode.AUTO, Gain.AUTO, TANH, 0, Math.sqrt(2 / (in + out))));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scaled")
  void varianceScalingMatchesItsFormula(Scaled c) {
    InitSpec spec = InitSpec.scaled(c.init(), c.mode(), c.gain());
    float[] w = draw(spec, c.activation(), c.slope(), 1);
    Sample s = Sample.of(w);
    s.assertMean(0, c.expectedStd(), c.toString());
    s.assertStd(c.expectedStd(), c.toString());
    assertEquals(c.expectedStd(), spec.expectedStd(FANS, c.activation(), c.slope()),
        1e-12 * c.expectedStd(), c + ": InitSpec.expectedStd");
    boolean uniform = c.init().name().endsWith("_UNIFORM");
    double bound = Math.sqrt(3) * c.expectedStd();
    double beyond2 = Sample.fractionBeyond(w, 0, 2 * c.expectedStd());
    if (uniform) {
      assertTrue(s.min() >= -bound * (1 + 1e-6) && s.max() <= bound * (1 + 1e-6),
          c + ": values in [" + s.min() + ", " + s.max() + "], outside ±" + bound);
      assertTrue(s.min() < -0.999 * bound && s.max() > 0.999 * bound,
          c + ": values in [" + s.min() + ", " + s.max() + "] do not reach ±" + bound);
      assertEquals(0, beyond2, c + ": a uniform of this std has nothing beyond 2 std");
    } else {
      // P(|N(0, 1)| > 2) = 0.0455: a normal, not a uniform or truncated one.
      Sample.assertProportion(beyond2, 0.04550026, w.length, c + ": beyond 2 std");
    }
  }

  @Test
  void normalHasItsMeanAndStd() {
    float[] w = draw(InitSpec.normal(0.2, 0.05), RELU, 0, 2);
    Sample s = Sample.of(w);
    s.assertMean(0.2, 0.05, "normal(0.2, 0.05)");
    s.assertStd(0.05, "normal(0.2, 0.05)");
    Sample.assertProportion(Sample.fractionBeyond(w, 0.2, 0.1), 0.04550026, w.length,
        "normal(0.2, 0.05) beyond 2 std");
  }

  @Test
  void truncatedNormalStaysWithinTwoStdAndHasTheTruncatedMoments() {
    double mean = -0.1;
    double std = 0.05;
    float[] w = draw(InitSpec.truncatedNormal(mean, std), TANH, 0, 3);
    Sample s = Sample.of(w);
    double truncatedStd = std * InitSpec.TRUNCATED_STD_FACTOR;
    s.assertMean(mean, truncatedStd, "truncated normal");
    s.assertStd(truncatedStd, "truncated normal");
    assertTrue(s.min() >= mean - 2 * std - 1e-7 && s.max() <= mean + 2 * std + 1e-7,
        "truncated normal values in [" + s.min() + ", " + s.max() + "], outside mean ± 2 std");
    // P(1 < |g| < 2) / P(|g| < 2) for the standard normal g.
    Sample.assertProportion(Sample.fractionBeyond(w, mean, std), 0.28476878, w.length,
        "truncated normal beyond 1 std");
  }

  @Test
  void uniformCoversLowToHighEvenly() {
    float[] w = draw(InitSpec.uniform(-0.2, 0.6), RELU, 0, 4);
    Sample s = Sample.of(w);
    double std = 0.8 / Math.sqrt(12);
    s.assertMean(0.2, std, "uniform(-0.2, 0.6)");
    s.assertStd(std, "uniform(-0.2, 0.6)");
    assertTrue(s.min() >= -0.2f && s.max() <= 0.6f, "uniform values in [" + s.min() + ", "
        + s.max() + "], outside [-0.2, 0.6]");
    assertTrue(s.min() < -0.199 && s.max() > 0.599, "uniform values in [" + s.min() + ", "
        + s.max() + "] do not reach the bounds");
  }

  @Test
  void constantsFillEveryValue() {
    for (float v : draw(InitSpec.constant(0.3), RELU, 0, 5)) {
      assertEquals(0.3f, v);
    }
    for (float v : draw(InitSpec.zeros(), RELU, 0, 5)) {
      assertEquals(0f, v);
    }
  }

  @Test
  void orthogonalIsOrthonormalTimesGainInBothOrientations() {
    for (int[] shape : new int[][] {{120, 80}, {80, 120}}) {
      int rows = shape[0];
      int cols = shape[1];
      float[] w = new float[rows * cols];
      Fans fans = Fans.dense(rows, cols);
      InitSpec spec = InitSpec.scaled(Init.ORTHOGONAL, FanMode.AUTO, Gain.ACTIVATION);
      Draws.fill(w, rows, cols, spec, fans, RELU, 0, new SplittableRandom(6));
      double gain = Math.sqrt(2);
      // The fewer vectors (columns when rows ≥ cols, rows otherwise) are orthonormal: V·Vᵀ = gain²·I.
      int m = Math.min(rows, cols);
      int n = Math.max(rows, cols);
      double worst = 0;
      for (int a = 0; a < m; a++) {
        for (int b = 0; b < m; b++) {
          double dot = 0;
          for (int k = 0; k < n; k++) {
            dot += rows >= cols ? (double) w[k * cols + a] * w[k * cols + b]
                : (double) w[a * cols + k] * w[b * cols + k];
          }
          worst = Math.max(worst, Math.abs(dot - (a == b ? gain * gain : 0)));
        }
      }
      assertTrue(worst < 1e-5, rows + "×" + cols + ": largest |VVᵀ − gain²I| is " + worst);
      Sample s = Sample.of(w);
      assertEquals(gain / Math.sqrt(n), s.std(), 0.02 * gain / Math.sqrt(n),
          rows + "×" + cols + ": entry std");
      assertEquals(gain / Math.sqrt(n), spec.expectedStd(fans, RELU, 0), 1e-12);
    }
  }

  @Test
  void differentSeedsGiveDifferentOrthogonalMatrices() {
    InitSpec spec = InitSpec.scaled(Init.ORTHOGONAL, FanMode.AUTO, Gain.AUTO);
    float[] a = new float[40 * 30];
    float[] b = new float[40 * 30];
    Draws.fill(a, 40, 30, spec, Fans.dense(40, 30), TANH, 0, new SplittableRandom(1));
    Draws.fill(b, 40, 30, spec, Fans.dense(40, 30), TANH, 0, new SplittableRandom(2));
    assertTrue(!java.util.Arrays.equals(a, b), "two seeds drew the same orthogonal matrix");
  }
}
