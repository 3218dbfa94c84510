package dev.lamina.internal.kernel;

import static dev.lamina.testing.NumericAssertions.assertClose;

import dev.lamina.testing.Fixtures;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The soft-target losses (mixup's path to the loss): the closed-form gradient, finite
 * differences, the integer-label forms for one-hot targets, and PyTorch's values on the
 * committed fixtures (scripts/soft_target_fixtures.py).
 */
class SoftTargetLossesTest {
  @Test
  void crossEntropyGradientIsSoftmaxMinusTheSmoothedTarget() {
    Random random = new Random(1);
    int rows = 5;
    int classes = 6;
    float[] logits = gaussian(random, rows * classes, 2);
    float[] targets = mixup(random, rows, classes);
    double eps = 0.1;
    float[] gradient = new float[rows * classes];
    double loss = SoftTargetLosses.softmaxCrossEntropy(logits, targets, rows, classes, eps, gradient);
    double[] expected = new double[rows * classes];
    double expectedLoss = 0;
    for (int r = 0; r < rows; r++) {
      double sum = 0;
      for (int c = 0; c < classes; c++) {
        sum += Math.exp(logits[r * classes + c]);
      }
      for (int c = 0; c < classes; c++) {
        double p = Math.exp(logits[r * classes + c]) / sum;
        double t = (1 - eps) * targets[r * classes + c] + eps / classes;
        expected[r * classes + c] = (p - t) / rows;
        expectedLoss -= t * Math.log(p);
      }
    }
    assertClose("loss", expectedLoss, loss, 0, 1e-12);
    assertClose("dLoss/dLogits = (softmax − t)/rows", expected, doubles(gradient), 1e-8, 1e-6);
    assertClose("finite differences", finiteDifferences(logits, targets, rows, classes, eps, true),
        doubles(gradient), 1e-6, 1e-4);
  }

  @Test
  void meanSquaredErrorGradientIsTwiceTheDifference() {
    Random random = new Random(2);
    int rows = 4;
    int classes = 3;
    float[] outputs = gaussian(random, rows * classes, 1);
    float[] targets = mixup(random, rows, classes);
    float[] gradient = new float[rows * classes];
    SoftTargetLosses.meanSquaredError(outputs, targets, rows, classes, gradient);
    double[] expected = new double[rows * classes];
    for (int k = 0; k < expected.length; k++) {
      expected[k] = 2.0 * (outputs[k] - (double) targets[k]) / (rows * classes);
    }
    assertClose("2(o − t)/(rows·classes)", expected, doubles(gradient), 1e-9, 1e-6);
    assertClose("finite differences", finiteDifferences(outputs, targets, rows, classes, 0, false),
        doubles(gradient), 1e-6, 1e-4);
  }

  @Test
  void oneHotTargetsGiveTheIntegerLabelLossesExactly() {
    Random random = new Random(3);
    int rows = 6;
    int classes = 10;
    float[] logits = gaussian(random, rows * classes, 3);
    int[] labels = new int[rows];
    float[] oneHot = new float[rows * classes];
    for (int r = 0; r < rows; r++) {
      labels[r] = random.nextInt(classes);
      oneHot[r * classes + labels[r]] = 1;
    }
    for (double eps : new double[] {0, 0.1}) {
      float[] hard = new float[rows * classes];
      float[] soft = new float[rows * classes];
      double a = Losses.softmaxCrossEntropy(logits, labels, rows, classes, eps, hard);
      double b = SoftTargetLosses.softmaxCrossEntropy(logits, oneHot, rows, classes, eps, soft);
      assertClose("cross-entropy, ε = " + eps, a, b, 0, 1e-14);
      assertClose("its gradient, ε = " + eps, hard, soft, 0, 0);
    }
    float[] hard = new float[rows * classes];
    float[] soft = new float[rows * classes];
    double a = Losses.meanSquaredError(logits, labels, rows, classes, hard);
    double b = SoftTargetLosses.meanSquaredError(logits, oneHot, rows, classes, soft);
    assertClose("mean squared error", a, b, 0, 1e-14);
    assertClose("its gradient", hard, soft, 0, 0);
  }

  @Test
  void mixedTargetCrossEntropyIsTheMixOfTheTwoLosses() {
    // −Σ (λ·e_a + (1 − λ)·e_b)·log p = λ·CE(a) + (1 − λ)·CE(b).
    float[] logits = {0.3f, -1.2f, 2.0f, 0.5f};
    float lambda = 0.7f;
    float[] targets = {0, lambda, 0, 1 - lambda};
    double mixed = SoftTargetLosses.softmaxCrossEntropy(logits, targets, 1, 4, 0, null);
    double a = Losses.softmaxCrossEntropy(logits, new int[] {1}, 1, 4, 0, null);
    double b = Losses.softmaxCrossEntropy(logits, new int[] {3}, 1, 4, 0, null);
    assertClose("CE of the blend", lambda * a + (1 - lambda) * b, mixed, 0, 1e-7);
  }

  @Test
  void matchesPyTorch() {
    Fixtures.Node fixture = Fixtures.load("soft_targets");
    for (Fixtures.Node c : fixture.get("cross_entropy").elements()) {
      int rows = c.get("rows").intValue();
      int classes = c.get("classes").intValue();
      float[] gradient = new float[rows * classes];
      double sum = SoftTargetLosses.softmaxCrossEntropy(c.floats("logits"), c.floats("targets"),
          rows, classes, c.get("smoothing").doubleValue(), gradient);
      assertClose(c.path() + " loss", c.get("loss").floatValue(), sum / rows, 1e-6, 1e-5);
      assertClose(c.path() + " dLogits", c.floats("dLogits"), gradient, 1e-7, 1e-5);
    }
    for (Fixtures.Node c : fixture.get("mse").elements()) {
      int rows = c.get("rows").intValue();
      int classes = c.get("classes").intValue();
      float[] gradient = new float[rows * classes];
      double sum = SoftTargetLosses.meanSquaredError(c.floats("outputs"), c.floats("targets"),
          rows, classes, gradient);
      assertClose(c.path() + " loss", c.get("loss").floatValue(), sum / rows, 1e-6, 1e-5);
      assertClose(c.path() + " dOutputs", c.floats("dOutputs"), gradient, 1e-7, 1e-5);
    }
  }

  /** Central differences of the mean loss, in double through float inputs (h = 1e-3). */
  private static double[] finiteDifferences(float[] x, float[] targets, int rows, int classes,
      double eps, boolean crossEntropy) {
    double[] out = new double[x.length];
    float h = 1e-3f;
    for (int k = 0; k < x.length; k++) {
      float[] plus = x.clone();
      float[] minus = x.clone();
      plus[k] += h;
      minus[k] -= h;
      double up = crossEntropy
          ? SoftTargetLosses.softmaxCrossEntropy(plus, targets, rows, classes, eps, null)
          : SoftTargetLosses.meanSquaredError(plus, targets, rows, classes, null);
      double down = crossEntropy
          ? SoftTargetLosses.softmaxCrossEntropy(minus, targets, rows, classes, eps, null)
          : SoftTargetLosses.meanSquaredError(minus, targets, rows, classes, null);
      out[k] = (up - down) / ((double) plus[k] - minus[k]) / rows;
    }
    return out;
  }

  private static float[] mixup(Random random, int rows, int classes) {
    float[] t = new float[rows * classes];
    for (int r = 0; r < rows; r++) {
      float lambda = 0.5f + 0.5f * random.nextFloat();
      t[r * classes + random.nextInt(classes)] += lambda;
      t[r * classes + random.nextInt(classes)] += 1 - lambda;
    }
    return t;
  }

  private static float[] gaussian(Random random, int n, double scale) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) (random.nextGaussian() * scale);
    }
    return a;
  }

  private static double[] doubles(float[] a) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i];
    }
    return d;
  }
}
