package dev.lamina.train;

import static dev.lamina.testing.NumericAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.nn.Parameter;
import dev.lamina.nn.ParameterKind;
import dev.lamina.nn.Parameters;
import dev.lamina.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Weight decay against torch.optim on the committed fixture (scripts/pytorch_regularization_fixtures.py):
 * L2 through SGD's and Adam's weight_decay, decoupled decay through AdamW, L1 through autograd of
 * |w|, with a decayed weight (some entries at exactly 0) and an undecayed bias, compared after
 * every one of five steps.
 */
class WeightDecayPyTorchTest {
  private static final double ABS = 1e-6;
  private static final double REL = 1e-5;

  @ParameterizedTest
  @ValueSource(strings = {"sgd_l2", "sgd_momentum_l2_scaled", "adam_l2", "adamw", "adamw_scaled",
      "sgd_l1", "adam_l1", "sgd_momentum_l1_l2"})
  void matchesTorchOptim(String name) {
    Fixtures.Node fixture = Fixtures.load("weight_decay");
    Fixtures.Node run = fixture.get("cases").elements().stream()
        .filter(c -> c.get("name").string().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("weight_decay.json has no case " + name));
    Fixtures.Node d = run.get("decay");
    float[] w0 = fixture.floats("weightInitial");
    float[] b0 = fixture.floats("biasInitial");
    Parameter weight = new Parameter("layer.weight", ParameterKind.WEIGHT, new int[] {w0.length},
        w0.length, 1, d.get("scale").doubleValue());
    Parameter bias = new Parameter("layer.bias", ParameterKind.BIAS, new int[] {b0.length},
        w0.length, 1, false);
    System.arraycopy(w0, 0, weight.values(), 0, w0.length);
    System.arraycopy(b0, 0, bias.values(), 0, b0.length);
    WeightDecay decay = new WeightDecay(d.get("l1").doubleValue(), d.get("l2").doubleValue(),
        d.get("decoupled").doubleValue());
    Optimizer optimizer = new RegularizedOptimizer(optimizer(run.get("optimizer")), decay, null, null);
    Optimizer.Stepper stepper = optimizer.start(new Parameters(List.of(weight, bias)));
    double worst = 0;
    for (int step = 0; step < fixture.get("weightGradients").size(); step++) {
      System.arraycopy(fixture.get("weightGradients").at(step).floats(), 0, weight.gradient(), 0, w0.length);
      System.arraycopy(fixture.get("biasGradients").at(step).floats(), 0, bias.gradient(), 0, b0.length);
      stepper.step();
      String after = name + " (" + optimizer + ") after step " + (step + 1);
      worst = Math.max(worst, assertClose(after + ", weight",
          run.get("weightAfter").at(step).floats(), weight.values(), ABS, REL).maxAbs());
      worst = Math.max(worst, assertClose(after + ", bias",
          run.get("biasAfter").at(step).floats(), bias.values(), ABS, REL).maxAbs());
    }
    for (int zero : fixture.ints("zeros")) {
      // No data gradient and L1's subgradient 0 at 0: the weight never leaves 0 (PyTorch agrees).
      if (decay.l1() > 0 && decay.l2() == 0 && decay.decoupled() == 0) {
        assertEquals(0f, weight.values()[zero], "weight " + zero + " started at 0 with no data gradient");
      }
    }
    System.out.printf("%s vs torch.optim over 5 steps: max |diff| %.3g%n", name, worst);
  }

  private static Optimizer optimizer(Fixtures.Node o) {
    double lr = o.get("lr").doubleValue();
    return switch (o.get("type").string()) {
      case "sgd" -> o.get("momentum").doubleValue() == 0 ? Optimizer.sgd(lr)
          : Optimizer.sgd(lr).momentum(o.get("momentum").doubleValue());
      case "adam" -> Optimizer.adam(lr);
      default -> throw new AssertionError("unknown optimizer type in " + o.path());
    };
  }
}
