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
 * RMSprop (plain; momentum and centered), Adagrad (plain; rate decay and a starting sum), AdamW
 * (defaults; strong decay) against {@code torch.optim}, and Lion against its authors' reference
 * update written in torch operations, on the committed fixture (scripts/training_fixtures.py):
 * one tensor of 37 values (vector lanes and a scalar tail), six gradients, compared after every
 * step, whole and split in three parts as the trainer's threads run it.
 */
class MoreOptimizersPyTorchTest {
  private static final double ABS = 1e-6;
  private static final double REL = 1e-5;

  @Test
  void rmsProp() {
    check("rmsprop");
    check("rmsprop_momentum_centered");
  }

  @Test
  void adagrad() {
    check("adagrad");
    check("adagrad_decay");
  }

  @Test
  void adamW() {
    check("adamw");
    check("adamw_strong");
  }

  @Test
  void lion() {
    check("lion");
    check("lion_decay");
  }

  private static void check(String name) {
    for (int parts : new int[] {1, 3}) {
      check(name, parts);
    }
  }

  private static void check(String name, int parts) {
    Fixtures.Node fixture = Fixtures.load("optimizers_more");
    Fixtures.Node run = fixture.get("optimizers").elements().stream()
        .filter(r -> r.get("name").string().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("optimizers_more.json has no run " + name));
    int size = fixture.get("size").intValue();
    Parameter p = new Parameter("w", ParameterKind.WEIGHT, new int[] {size}, size, 1, true);
    System.arraycopy(fixture.floats("initial"), 0, p.values(), 0, size);
    Optimizer optimizer = optimizer(run);
    Optimizer.Stepper stepper = optimizer.start(new Parameters(List.of(p)));
    List<Fixtures.Node> gradients = fixture.get("gradients").elements();
    double worst = 0;
    for (int step = 0; step < gradients.size(); step++) {
      System.arraycopy(gradients.get(step).floats(), 0, p.gradient(), 0, size);
      if (parts == 1) {
        stepper.step();
      } else {
        stepper.begin();
        for (int part = 0; part < parts; part++) {
          stepper.update(part, parts);
        }
      }
      Diff diff = assertClose(optimizer + " in " + parts + " parts after step " + (step + 1),
          run.get("after").at(step).floats(), p.values(), ABS, REL);
      worst = Math.max(worst, diff.maxAbs());
    }
    System.out.printf("%s vs PyTorch over %d steps in %d parts: max |diff| %.3g%n",
        optimizer, gradients.size(), parts, worst);
  }

  static Optimizer optimizer(Fixtures.Node run) {
    double lr = run.get("lr").doubleValue();
    return switch (run.get("type").string()) {
      case "rmsprop" -> Optimizer.rmsProp(lr).alpha(run.get("alpha").doubleValue())
          .epsilon(run.get("eps").doubleValue()).momentum(run.get("momentum").doubleValue())
          .centered(run.get("centered").bool());
      case "adagrad" -> Optimizer.adagrad(lr).decay(run.get("decay").doubleValue())
          .initialAccumulator(run.get("initial").doubleValue())
          .epsilon(run.get("eps").doubleValue());
      case "adamw" -> Optimizer.adamW(lr)
          .betas(run.get("beta1").doubleValue(), run.get("beta2").doubleValue())
          .epsilon(run.get("eps").doubleValue())
          .weightDecay(run.get("weight_decay").doubleValue());
      case "lion" -> Optimizer.lion(lr)
          .betas(run.get("beta1").doubleValue(), run.get("beta2").doubleValue())
          .weightDecay(run.get("weight_decay").doubleValue());
      default -> throw new AssertionError("unknown optimizer type in " + run.path());
    };
  }
}
