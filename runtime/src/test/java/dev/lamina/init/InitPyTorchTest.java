package dev.lamina.init;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.DropoutMode;
import dev.lamina.FanMode;
import dev.lamina.Gain;
import dev.lamina.Init;
import dev.lamina.Loss;
import dev.lamina.Nonlinearity;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.NetworkSpec;
import dev.lamina.nn.Parameter;
import dev.lamina.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Gains, fans and the scale of every variance-scaling initializer against PyTorch's, from
 * {@code fixtures/init.json} (written by {@code scripts/init_pytorch_fixtures.py}, which reads
 * each scale out of PyTorch's own draws).
 */
class InitPyTorchTest {
  private static final Fixtures.Node FIXTURE = Fixtures.load("init");

  @Test
  void gainsAreCalculateGains() {
    for (Fixtures.Node g : FIXTURE.get("gains").elements()) {
      Nonlinearity f = Nonlinearity.valueOf(g.get("activation").string());
      double slope = g.get("slope").doubleValue();
      assertEquals(g.get("gain").doubleValue(), Gains.of(f, slope), 1e-15,
          "calculate_gain(" + f + ", " + slope + ")");
    }
  }

  @Test
  void denseWeightsHaveTheFansOfTorchLinear() {
    for (Fixtures.Node c : FIXTURE.get("fans").elements()) {
      int in = c.get("in_features").intValue();
      int out = c.get("out_features").intValue();
      NetworkSpec spec = new NetworkSpec("fans", Loss.SOFTMAX_CROSS_ENTROPY, 0, List.of(
          LayerSpec.input("x", in, 1, DropoutMode.INVERTED),
          LayerSpec.dense("y", out, in, true, Init.AUTO, 0, Nonlinearity.RELU, 0.01, 1,
              DropoutMode.INVERTED)));
      Parameter weight = spec.newParameters().get("y.weight");
      String what = "Linear(" + in + ", " + out + ")";
      assertEquals(c.get("fan_in").intValue(), weight.fanIn(), what + " fan_in");
      assertEquals(c.get("fan_out").intValue(), weight.fanOut(), what + " fan_out");
      Fans fans = Fans.dense(in, out);
      assertEquals(c.get("fan_in").intValue(), fans.in(), what + " Fans.in");
      assertEquals(c.get("fan_out").intValue(), fans.out(), what + " Fans.out");
    }
  }

  @Test
  void everyScaleIsPyTorchs() {
    double worst = 0;
    String worstCase = "";
    for (Fixtures.Node c : FIXTURE.get("scales").elements()) {
      Init init = Init.valueOf(c.get("init").string());
      InitSpec spec = InitSpec.scaled(init, FanMode.valueOf(c.get("fan_mode").string()),
          Gain.valueOf(c.get("gain").string()));
      Nonlinearity f = Nonlinearity.valueOf(c.get("activation").string());
      double slope = c.get("slope").doubleValue();
      Fans fans = Fans.dense(c.get("fan_in").intValue(), c.get("fan_out").intValue());
      double lamina = InitSpec.isUniform(init) ? spec.uniformBound(fans, f, slope)
          : spec.scale(fans, f, slope);
      double torch = c.get("scale").doubleValue();
      double rel = Math.abs(lamina - torch) / torch;
      if (rel > worst) {
        worst = rel;
        worstCase = spec + " under " + f + "(" + slope + "), fans " + fans + ": Lamina " + lamina
            + ", PyTorch " + torch;
      }
    }
    // PyTorch's scale is read from float32 draws: a few float32 ulps of error.
    assertEquals(0, worst, 1e-6, "largest relative difference: " + worstCase);
  }

  @Test
  void truncatedStdFactorIsTheClosedFormAndPyTorchsDraws() {
    Fixtures.Node t = FIXTURE.get("truncated_std_factor");
    assertEquals(t.get("closed_form").doubleValue(), InitSpec.TRUNCATED_STD_FACTOR, 1e-15);
    // 4 million draws: the sample std's standard error is about 0.0003.
    assertEquals(t.get("pytorch_sample").doubleValue(), InitSpec.TRUNCATED_STD_FACTOR, 0.0015);
  }
}
