package dev.lamina.train;

import dev.lamina.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * RMSprop (plain; momentum and centered), Adagrad (plain; rate decay and a starting sum), AdamW
 * (defaults; strong decay) against {@code torch.optim}, and Lion against its authors' reference
 * update written in torch operations, on the committed fixture (scripts/training_fixtures.py):
 * one tensor of 37 values (vector lanes and a scalar tail), six gradients, compared after every
 * step, whole and split in three parts as the trainer's threads run it.
 */
class MoreOptimizersPyTorchTest {
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
      OptimizerFixtureRun.check("optimizers_more", name, parts,
          MoreOptimizersPyTorchTest::optimizer);
    }
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
