package dev.lamina.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.nn.Parameter;
import dev.lamina.nn.ParameterKind;
import dev.lamina.nn.Parameters;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The split update (begin, then one update per part, as the trainer runs it on a network's
 * threads) gives the same bits as the whole step, for every optimizer and with weight decay and
 * weight noise around it; parts run in any order, since each touches only its own rows.
 */
class SplitUpdateTest {
  private static final int STEPS = 5;
  private static final int PARTS = 3;

  @Test
  void adamSgdAndRegularizedOptimizersSplitIntoIdenticalBits() {
    List<Optimizer> optimizers = List.of(Optimizer.adam(0.01), Optimizer.sgd(0.1),
        Optimizer.sgd(0.1).momentum(0.9).nesterov(true));
    for (Optimizer optimizer : optimizers) {
      for (WeightDecay decay : List.of(WeightDecay.NONE, WeightDecay.elasticNet(1e-3, 1e-2),
          WeightDecay.decoupled(0.05))) {
        for (boolean noisy : new boolean[] {false, true}) {
          checkSplitMatchesWhole(optimizer, decay, noisy);
        }
      }
    }
  }

  @Test
  void partsCoverEveryElementOnceInWholeRows() {
    Parameter p = parameters().list().get(0);
    int width = p.size() / p.shape()[0];
    assertTrue(p.partStart(0, PARTS) == 0 && p.partStart(PARTS, PARTS) == p.size());
    for (int part = 0; part < PARTS; part++) {
      assertTrue(p.partStart(part, PARTS) <= p.partStart(part + 1, PARTS));
      assertTrue(p.partStart(part, PARTS) % width == 0, "part " + part + " starts mid-row");
    }
  }

  @Test
  void aStepperThatOnlyStepsIsRunWhole() {
    Optimizer.Stepper plain = () -> {};
    assertFalse(plain.splits());
    assertThrows(UnsupportedOperationException.class, plain::begin);
  }

  private static void checkSplitMatchesWhole(
      Optimizer optimizer, WeightDecay decay, boolean noisy) {
    String what = optimizer + " with " + decay + (noisy ? " and weight noise" : "");
    Parameters whole = parameters();
    Parameters split = parameters();
    WeightNoise wholeNoise = noisy ? new WeightNoise(whole, 0.1, 3) : null;
    WeightNoise splitNoise = noisy ? new WeightNoise(split, 0.1, 3) : null;
    Optimizer.Stepper a = new RegularizedOptimizer(optimizer, decay, wholeNoise, null).start(whole);
    Optimizer.Stepper b = new RegularizedOptimizer(optimizer, decay, splitNoise, null).start(split);
    assertTrue(b.splits(), what + " should split");
    SplittableRandom random = new SplittableRandom(5);
    for (int step = 0; step < STEPS; step++) {
      if (noisy) {
        wholeNoise.perturb(step);
        splitNoise.perturb(step);
      }
      fillGradients(whole, split, random);
      a.step();
      b.begin();
      for (int part = PARTS - 1; part >= 0; part--) {
        b.update(part, PARTS);
      }
      for (int i = 0; i < whole.list().size(); i++) {
        Parameter p = whole.list().get(i);
        assertArrayEquals(p.values(), split.list().get(i).values(),
            what + ": " + p.name() + " differs after step " + step);
      }
    }
  }

  /**
   * A weight of 37 rows of 21 and a bias: the parts' boundaries (rows 12 and 24) fall inside
   * vectors of the whole loop, so elements move between vector and scalar code when split.
   */
  private static Parameters parameters() {
    Parameter weight = new Parameter("w", ParameterKind.WEIGHT, new int[] {37, 21}, 37, 21, true);
    Parameter bias = new Parameter("b", ParameterKind.BIAS, new int[] {21}, 37, 21, false);
    SplittableRandom random = new SplittableRandom(1);
    for (Parameter p : List.of(weight, bias)) {
      for (int i = 0; i < p.size(); i++) {
        p.values()[i] = (float) random.nextGaussian();
      }
    }
    return new Parameters(List.of(weight, bias));
  }

  private static void fillGradients(Parameters a, Parameters b, SplittableRandom random) {
    for (int i = 0; i < a.list().size(); i++) {
      float[] g = a.list().get(i).gradient();
      for (int k = 0; k < g.length; k++) {
        g[k] = (float) random.nextGaussian();
      }
      System.arraycopy(g, 0, b.list().get(i).gradient(), 0, g.length);
    }
  }
}
