package dev.lamina.examples;

import static dev.lamina.Nonlinearity.RELU;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.Activation;
import dev.lamina.Dense;
import dev.lamina.Input;
import dev.lamina.Layer;
import dev.lamina.Loss;
import dev.lamina.Model;
import dev.lamina.data.Dataset;
import dev.lamina.train.Optimizer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code @Model(huberDelta = ...)} reaches the generated network: its spec holds δ, and the loss it
 * evaluates and trains with is the Huber loss of that δ, checked against the scalar definition.
 */
class HuberDeltaTest {
  private static final int SAMPLES = 200;
  private static final int FEATURES = 8;

  /** Regression whose errors beyond 0.5 pull linearly. */
  @Model(loss = Loss.HUBER, huberDelta = 0.5)
  static class Robust {
    @Input(8) Layer in;
    @Dense(units = 16) @Activation(RELU) Layer hidden;
    @Dense(units = 2) Layer values;
  }

  @Test
  void theGeneratedNetworkEvaluatesTheHuberLossOfItsDelta() {
    Dataset data = data();
    HuberDeltaTest_RobustNet network = new HuberDeltaTest_RobustNet(3);
    assertEquals(0.5, network.spec().huberDelta());
    assertEquals(0.5, HuberDeltaTest_RobustNet.SPEC.huberDelta());
    String summary = dev.lamina.nn.ModelSummary.of(network).toString();
    assertTrue(summary.contains(", loss huber, δ 0.5\n"), summary);

    float[] out = network.forwardInfer(data.features(), data.size());
    float[] targets = data.targets();
    double expected = 0;
    int linear = 0;
    for (int i = 0; i < out.length; i++) {
      double a = Math.abs(out[i] - (double) targets[i]);
      linear += a > 0.5 ? 1 : 0;
      expected += a <= 0.5 ? a * a / 2 : 0.5 * (a - 0.25);
    }
    expected /= out.length;
    double loss = network.evaluate(data).loss();
    assertEquals(expected, loss, 1e-6 * expected, "evaluate() vs the scalar Huber loss, δ = 0.5");
    assertTrue(linear > 0 && linear < out.length, "both branches: " + linear + " of " + out.length);
  }

  @Test
  void trainingWithTheDeltaLowersThatLoss() {
    Dataset.Split split = data().split(0.25, 5);
    var result = HuberDeltaTest_RobustNet.trainer().seed(4).epochs(20).batchSize(25)
        .optimizer(Optimizer.adam(1e-2)).threads(1).build().fit(split.train(), split.validation());
    double before = new HuberDeltaTest_RobustNet(4).evaluate(split.validation()).loss();
    double after = result.network().evaluate(split.validation()).loss();
    assertTrue(after < before / 5, "validation Huber(0.5) loss fell from " + before + " to only "
        + after);
  }

  /** Two targets from the features, with a few large outliers in the first. */
  private static Dataset data() {
    SplittableRandom random = new SplittableRandom(21);
    float[] x = new float[SAMPLES * FEATURES];
    float[] y = new float[SAMPLES * 2];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    for (int i = 0; i < SAMPLES; i++) {
      y[2 * i] = 2 * x[i * FEATURES] - x[i * FEATURES + 1] + (i % 17 == 0 ? 8 : 0);
      y[2 * i + 1] = x[i * FEATURES + 2] * 0.5f;
    }
    return Dataset.regression(x, y, FEATURES, 2);
  }
}
