package dev.lamina.internal.kernel;

import static dev.lamina.testing.NumericAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties of the losses that need no reference values. */
class LossesTest {
  @Test
  void hugeLogitsGiveFiniteLossAndGradient() {
    float[] logits = {1e4f, -1e4f, 0f, 1e4f, 3f, -2f, -1e4f, 1e4f, 1e4f};
    int[] labels = {1, 0, 2};
    float[] gradient = new float[logits.length];
    double loss = Losses.softmaxCrossEntropy(logits, labels, 3, 3, 0.1, gradient);
    assertTrue(Double.isFinite(loss), "loss must be finite, got " + loss);
    for (int k = 0; k < gradient.length; k++) {
      assertTrue(Float.isFinite(gradient[k]), "gradient[" + k + "] = " + gradient[k]);
    }
    // Row 0: label 1 sits 2e4 below the max; with ε = 0.1 and K = 3 the loss is
    // (1 − ε + ε/3)·2e4 + (ε/3)·1e4 up to exp(−1e4) terms.
    double eps = 0.1;
    double row0 = (1 - eps + eps / 3) * 2e4 + eps / 3 * 1e4;
    float[] single = new float[3];
    double only0 = Losses.softmaxCrossEntropy(new float[] {1e4f, -1e4f, 0f}, new int[] {1}, 1, 3,
        eps, single);
    assertClose("row 0 loss", row0, only0, 0, 1e-12);
    assertClose("row 0 gradient", new float[] {(float) (1 - eps / 3), (float) -(1 - eps + eps / 3),
        (float) -(eps / 3)}, single, 1e-7, 0);
  }

  @Test
  void rowsScoredOneByOneGiveTheWholeBatch() {
    Random random = new Random(9);
    int rows = 5;
    int classes = 4;
    float[] logits = new float[rows * classes];
    int[] labels = new int[rows];
    for (int k = 0; k < logits.length; k++) {
      logits[k] = (float) (random.nextGaussian() * 3);
    }
    for (int r = 0; r < rows; r++) {
      labels[r] = random.nextInt(classes);
    }
    float[] whole = new float[logits.length];
    float[] byRow = new float[logits.length];
    double crossEntropy = Losses.softmaxCrossEntropy(logits, labels, rows, classes, 0.1, whole);
    double rowSum = 0;
    for (int r = 0; r < rows; r++) {
      rowSum += Losses.softmaxCrossEntropyRow(logits, labels, r, rows, classes, 0.1, byRow);
    }
    assertEquals(crossEntropy, rowSum, "cross-entropy");
    assertArrayEquals(whole, byRow, "cross-entropy gradient");
    double squared = Losses.meanSquaredError(logits, labels, rows, classes, whole);
    rowSum = 0;
    for (int r = 0; r < rows; r++) {
      rowSum += Losses.meanSquaredErrorRow(logits, labels, r, rows, classes, byRow);
    }
    assertEquals(squared, rowSum, "mean squared error");
    assertArrayEquals(whole, byRow, "mean squared error gradient");
  }

  @Test
  void gradientRowsSumToZero() {
    Random random = new Random(5);
    int rows = 6;
    int classes = 7;
    float[] logits = new float[rows * classes];
    int[] labels = new int[rows];
    for (int k = 0; k < logits.length; k++) {
      logits[k] = (float) (random.nextGaussian() * 4);
    }
    for (int r = 0; r < rows; r++) {
      labels[r] = random.nextInt(classes);
    }
    float[] gradient = new float[logits.length];
    Losses.softmaxCrossEntropy(logits, labels, rows, classes, 0.3, gradient);
    for (int r = 0; r < rows; r++) {
      double sum = 0;
      for (int c = 0; c < classes; c++) {
        sum += gradient[r * classes + c];
      }
      assertClose("row " + r + " gradient sum", 0, sum, 1e-7, 0);
    }
  }

  @Test
  void smoothingZeroIsPlainCrossEntropy() {
    Random random = new Random(6);
    int rows = 5;
    int classes = 4;
    float[] logits = new float[rows * classes];
    int[] labels = new int[rows];
    for (int k = 0; k < logits.length; k++) {
      logits[k] = (float) random.nextGaussian();
    }
    double expected = 0;
    float[] expectedGradient = new float[logits.length];
    for (int r = 0; r < rows; r++) {
      labels[r] = random.nextInt(classes);
      double z = 0;
      for (int c = 0; c < classes; c++) {
        z += Math.exp(logits[r * classes + c]);
      }
      expected -= Math.log(Math.exp(logits[r * classes + labels[r]]) / z);
      for (int c = 0; c < classes; c++) {
        double p = Math.exp(logits[r * classes + c]) / z;
        expectedGradient[r * classes + c] = (float) ((p - (c == labels[r] ? 1 : 0)) / rows);
      }
    }
    float[] gradient = new float[logits.length];
    double loss = Losses.softmaxCrossEntropy(logits, labels, rows, classes, 0, gradient);
    assertClose("loss", expected, loss, 0, 1e-12);
    assertClose("gradient", expectedGradient, gradient, 1e-8, 1e-6);
  }

  @Test
  void nullGradientOnlyComputesTheLoss() {
    float[] logits = {0.5f, -1f, 2f, 0f};
    double withGradient = Losses.softmaxCrossEntropy(logits, new int[] {1, 0}, 2, 2, 0.1,
        new float[4]);
    double without = Losses.softmaxCrossEntropy(logits, new int[] {1, 0}, 2, 2, 0.1, null);
    assertEquals(withGradient, without);
  }

  @Test
  void argmaxTiesGiveTheFirstIndex() {
    assertEquals(0, Losses.argmax(new float[] {3, 3, 3}, 0, 3));
    assertEquals(1, Losses.argmax(new float[] {1, 5, 2, 5}, 0, 4));
    assertEquals(1, Losses.argmax(new float[] {9, 9, 0, 7, 7, 1}, 2, 4)); // offset 2: [0, 7, 7, 1]
    assertEquals(0, Losses.argmax(new float[] {-0f, 0f}, 0, 2));
    assertEquals(0, Losses.argmax(new float[] {4}, 0, 1));
  }
}
