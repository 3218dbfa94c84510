package dev.lamina.train;

import dev.lamina.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * SGD (plain, momentum, Nesterov) and Adam (default and custom betas/ε) against {@code
 * torch.optim} on the committed fixture (scripts/pytorch_fixtures.py): one tensor of 37 values
 * (vector lanes and a scalar tail), six gradients, compared after every step.
 */
class OptimizersPyTorchTest {
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
    OptimizerFixtureRun.check("optimizers", name, 1, OptimizersPyTorchTest::optimizer);
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
