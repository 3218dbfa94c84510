package dev.lamina.train;

import static dev.lamina.testing.NumericAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.DropoutMode;
import dev.lamina.Init;
import dev.lamina.Loss;
import dev.lamina.Nonlinearity;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.NetworkSpec;
import dev.lamina.nn.Parameter;
import dev.lamina.nn.ParameterKind;
import dev.lamina.nn.Parameters;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Weight decay against its closed forms: the penalty, its gradient, and steps with no data gradient. */
class WeightDecayTest {
  private static Parameter weight(float... values) {
    Parameter p = new Parameter("w", ParameterKind.WEIGHT, new int[] {values.length}, 1, 1, true);
    System.arraycopy(values, 0, p.values(), 0, values.length);
    return p;
  }

  @Test
  void penaltyIsL1PlusHalfL2OverDecayedParametersOnly() {
    Parameter w = weight(1, -2, 0.5f, 0);
    Parameter scaled = new Parameter("v", ParameterKind.WEIGHT, new int[] {2}, 1, 1, 3.0);
    scaled.values()[0] = -1;
    scaled.values()[1] = 2;
    Parameter bias = new Parameter("b", ParameterKind.BIAS, new int[] {1}, 1, 1, false);
    bias.values()[0] = 100;
    Parameters ps = new Parameters(List.of(w, scaled, bias));
    // |w|₁ = 3.5, ‖w‖² = 5.25; scaled: |v|₁ = 3, ‖v‖² = 5, times 3; the bias is not decayed.
    WeightDecay decay = WeightDecay.elasticNet(0.1, 0.01);
    double expected = 0.1 * 3.5 + 0.005 * 5.25 + 3 * (0.1 * 3 + 0.005 * 5);
    assertClose("penalty", expected, decay.penalty(ps), 1e-12, 1e-12);
    assertEquals(0, WeightDecay.decoupled(0.1).penalty(ps), "decoupled decay has no penalty");
  }

  @Test
  void gradientIsLambdaTimesWeightPlusLambdaTimesSignWithZeroAtZero() {
    Parameter w = weight(2, -0.5f, 0, 1e-30f);
    float[] data = {0.25f, -1, 0.5f, 0};
    System.arraycopy(data, 0, w.gradient(), 0, data.length);
    WeightDecay.elasticNet(0.1, 0.01).addGradient(new Parameters(List.of(w)), 0, 1);
    float[] expected = {
        0.25f + 0.1f + 0.01f * 2, -1 - 0.1f + 0.01f * -0.5f, 0.5f + 0 + 0, 0.1f + 0.01f * 1e-30f};
    assertClose("g + λ1·sign(w) + λ2·w", expected, w.gradient(), 1e-7, 1e-6);
  }

  @Test
  void l2AloneShrinksGeometricallyUnderSgd() {
    // No data gradient: w_t = w_0 · (1 − lr·λ)^t.
    float[] w0 = {1, -3, 0.25f};
    Parameter w = weight(w0);
    Optimizer.Stepper stepper = new RegularizedOptimizer(Optimizer.sgd(0.1), WeightDecay.l2(0.5), null, null)
        .start(new Parameters(List.of(w)));
    for (int t = 1; t <= 20; t++) {
      java.util.Arrays.fill(w.gradient(), 0);
      stepper.step();
      float[] expected = new float[3];
      for (int i = 0; i < 3; i++) {
        expected[i] = (float) (w0[i] * Math.pow(1 - 0.05, t));
      }
      assertClose("L2 after " + t + " steps", expected, w.values(), 1e-7, 1e-5);
    }
  }

  @Test
  void l1AloneMovesEachWeightTowardZeroByLrLambdaAndLeavesZeroAlone() {
    // No data gradient: |w| falls by lr·λ = 0.01 per step while w keeps its sign; 0 stays 0.
    Parameter w = weight(0.5f, -0.3f, 0);
    Optimizer.Stepper stepper = new RegularizedOptimizer(Optimizer.sgd(0.1), WeightDecay.l1(0.1), null, null)
        .start(new Parameters(List.of(w)));
    for (int t = 1; t <= 25; t++) {
      java.util.Arrays.fill(w.gradient(), 0);
      stepper.step();
      assertClose("L1 after " + t + " steps",
          new float[] {0.5f - 0.01f * t, -0.3f + 0.01f * t, 0}, w.values(), 1e-6, 0);
    }
  }

  @Test
  void decoupledDecayWithAdamIsPureShrinkageWhenTheGradientIsZero() {
    // Adam's update of a zero gradient is 0/(0 + ε) = 0, so only w·(1 − lr·λ) remains.
    float[] w0 = {2, -1};
    Parameter w = weight(w0);
    Optimizer.Stepper stepper = new RegularizedOptimizer(Optimizer.adam(0.01), WeightDecay.decoupled(0.5), null, null)
        .start(new Parameters(List.of(w)));
    for (int t = 1; t <= 10; t++) {
      stepper.step();
    }
    double factor = Math.pow(1 - 0.005, 10);
    assertClose("AdamW shrinkage", new float[] {(float) (2 * factor), (float) (-factor)}, w.values(), 1e-7, 1e-5);
  }

  @Test
  void adamScalesL2DownButNotDecoupledDecay() {
    // The point of AdamW: with a large constant data gradient, Adam's normalization makes the
    // L2 term's share of the step tiny, while decoupled decay shrinks w by lr·λ·w regardless.
    float[] start = {1};
    Parameter coupled = weight(start);
    Parameter decoupled = weight(start);
    Parameter plain = weight(start);
    Optimizer.Stepper c = new RegularizedOptimizer(Optimizer.adam(0.01), WeightDecay.l2(0.1), null, null)
        .start(new Parameters(List.of(coupled)));
    Optimizer.Stepper d = new RegularizedOptimizer(Optimizer.adam(0.01), WeightDecay.decoupled(0.1), null, null)
        .start(new Parameters(List.of(decoupled)));
    Optimizer.Stepper p = Optimizer.adam(0.01).start(new Parameters(List.of(plain)));
    for (int t = 0; t < 5; t++) {
      coupled.gradient()[0] = 100;
      decoupled.gradient()[0] = 100;
      plain.gradient()[0] = 100;
      c.step();
      d.step();
      p.step();
    }
    double l2Effect = coupled.values()[0] - plain.values()[0];
    double decoupledEffect = decoupled.values()[0] - plain.values()[0];
    assertTrue(Math.abs(l2Effect) < 1e-5, "L2 through Adam barely moves w: " + l2Effect);
    assertTrue(decoupledEffect < -4e-3, "decoupled decay shrinks w by about 5·lr·λ·w: " + decoupledEffect);
  }

  @Test
  void decayAppliesToWeightsByDefaultAndALayerCanOverride() {
    LayerSpec hidden = LayerSpec.dense("hidden", 4, 3, true, Init.XAVIER, 0, Nonlinearity.TANH, 0, 1,
        DropoutMode.INVERTED);
    LayerSpec out = LayerSpec.dense("out", 2, 4, true, Init.XAVIER, 0, Nonlinearity.IDENTITY, 0, 1,
        DropoutMode.INVERTED).withDecay(0.5, true);
    NetworkSpec spec = new NetworkSpec("M", Loss.SOFTMAX_CROSS_ENTROPY, 0,
        List.of(LayerSpec.input("in", 3, 1, DropoutMode.INVERTED), hidden, out));
    Parameters ps = spec.newParameters();
    assertEquals(1f, ps.get("hidden.weight").decayScale());
    assertEquals(0f, ps.get("hidden.bias").decayScale());
    assertEquals(0.5f, ps.get("out.weight").decayScale());
    assertEquals(0.5f, ps.get("out.bias").decayScale());
  }

  @Test
  void badStrengthsAreRejectedWithTheirValue() {
    var e = assertThrows(IllegalArgumentException.class, () -> WeightDecay.l2(-1e-4));
    assertTrue(e.getMessage().startsWith("l2 must be >= 0 and finite, got -1.0E-4"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> WeightDecay.decoupled(Double.NaN));
    assertTrue(e.getMessage().startsWith("decoupled must be >= 0 and finite, got NaN"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> WeightDecay.l1(Double.POSITIVE_INFINITY));
    assertTrue(e.getMessage().startsWith("l1 must be"), e.getMessage());
  }
}
