package dev.lamina.train;

import static dev.lamina.testing.NumericAssertions.assertClose;

import dev.lamina.nn.Parameter;
import dev.lamina.nn.ParameterKind;
import dev.lamina.nn.Parameters;
import dev.lamina.testing.Fixtures;
import dev.lamina.testing.NumericAssertions.Diff;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SGD (plain, momentum, Nesterov) and Adam (default and custom betas/ε) against {@code
 * torch.optim} on the committed fixture (scripts/pytorch_fixtures.py): one tensor of 37 values
 * (vector lanes and a scalar tail), six gradients, compared after every step.
 */
class OptimizersPyTorchTest {
  private static final double ABS = 1e-6;
  private static final double REL = 1e-5;

  @Test
  void sgd() {
    check("sgd");
  }

  @Test
  void sgdMomentum() {
    check("sgd_momentum");
  }

  @Test
  void sgdNesterov() {
    check("sgd_nesterov");
  }

  @Test
  void adam() {
    check("adam");
  }

  @Test
  void adamCustomBetasAndEpsilon() {
    check("adam_custom");
  }

  private static void check(String name) {
    Fixtures.Node fixture = Fixtures.load("optimizers");
    Fixtures.Node run = fixture.get("optimizers").elements().stream()
        .filter(r -> r.get("name").string().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("optimizers.json has no run " + name));
    int size = fixture.get("size").intValue();
    Parameter p = new Parameter("w", ParameterKind.WEIGHT, new int[] {size}, size, 1, true);
    System.arraycopy(fixture.floats("initial"), 0, p.values(), 0, size);
    Optimizer optimizer = optimizer(run);
    Optimizer.Stepper stepper = optimizer.start(new Parameters(List.of(p)));
    List<Fixtures.Node> gradients = fixture.get("gradients").elements();
    double worst = 0;
    for (int step = 0; step < gradients.size(); step++) {
      System.arraycopy(gradients.get(step).floats(), 0, p.gradient(), 0, size);
      stepper.step();
      Diff diff = assertClose(optimizer + " after step " + (step + 1),
          run.get("after").at(step).floats(), p.values(), ABS, REL);
      worst = Math.max(worst, diff.maxAbs());
    }
    System.out.printf("%s vs torch.optim over %d steps: max |diff| %.3g%n",
        optimizer, gradients.size(), worst);
  }

  private static Optimizer optimizer(Fixtures.Node run) {
    double lr = run.get("lr").doubleValue();
    return switch (run.get("type").string()) {
      case "sgd" -> {
        double momentum = run.get("momentum").doubleValue();
        Sgd sgd = Optimizer.sgd(lr);
        yield momentum == 0 ? sgd : sgd.momentum(momentum).nesterov(run.get("nesterov").bool());
      }
      case "adam" -> Optimizer.adam(lr)
          .betas(run.get("beta1").doubleValue(), run.get("beta2").doubleValue())
          .epsilon(run.get("eps").doubleValue());
      default -> throw new AssertionError("unknown optimizer type in " + run.path());
    };
  }
}
