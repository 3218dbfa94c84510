package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.data.Dataset;
import dev.lamina.metrics.ModelMetrics;
import dev.lamina.nn.Network;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Predictions that fit the task, from the raw outputs by their definition (softmax, sigmoid,
 * identity, thresholds), the same from one sample as from a batch; and the metrics of a network.
 */
class TaskPredictionTest {
  private static final int ROWS = 6;

  @Test
  void binaryModelsGiveTheProbabilityOfClassOneAndThresholdItsLogitAtZero() {
    Network net = new TaskModels_BinaryNet(3);
    float[] x = input(ROWS, 8, 1);
    float[] logits = net.forwardInfer(x, ROWS).clone();
    float[] p = net.predictProbabilities(x, ROWS);
    int[] classes = net.predict(x, ROWS);
    for (int r = 0; r < ROWS; r++) {
      assertEquals((float) (1 / (1 + Math.exp(-logits[r]))), p[r], 1e-7f, "row " + r);
      assertEquals(logits[r] > 0 ? 1 : 0, classes[r], "row " + r);
      float[] one = Arrays.copyOfRange(x, r * 8, r * 8 + 8);
      assertEquals(p[r], net.predictProbabilities(one)[0], "one sample, row " + r);
      assertEquals(classes[r], net.predict(one), "one sample, row " + r);
    }
    assertEquals("Binary is a classifier (BINARY_CROSS_ENTROPY); use predictProbabilities or "
        + "predict for its classes",
        assertThrows(IllegalStateException.class, () -> net.predictValues(x, ROWS)).getMessage());
  }

  @Test
  void softmaxModelsGiveProbabilitiesThatSumToOne() {
    Network net = new FashionMlpNet(3);
    float[] x = input(2, 784, 2);
    float[] logits = net.forwardInfer(x, 2).clone();
    float[] p = net.predictProbabilities(x, 2);
    for (int r = 0; r < 2; r++) {
      double sum = 0;
      double expSum = 0;
      for (int c = 0; c < 10; c++) {
        expSum += Math.exp(logits[r * 10 + c]);
      }
      for (int c = 0; c < 10; c++) {
        assertEquals(Math.exp(logits[r * 10 + c]) / expSum, p[r * 10 + c], 1e-6);
        sum += p[r * 10 + c];
      }
      assertEquals(1, sum, 1e-6);
    }
  }

  @Test
  void multiLabelModelsGiveEachLabelsProbabilityAndFlagsOverTheThreshold() {
    Network net = new TaskModels_MultiLabelNet(4);
    float[] x = input(ROWS, 8, 3);
    float[] logits = net.forwardInfer(x, ROWS).clone();
    float[] p = net.predictProbabilities(x, ROWS);
    for (double threshold : new double[] {0.3, 0.5, 0.7}) {
      int[] flags = net.predictLabels(x, ROWS, threshold);
      for (int i = 0; i < ROWS * 3; i++) {
        assertEquals((float) (1 / (1 + Math.exp(-logits[i]))), p[i], 1e-7f);
        assertEquals(p[i] >= threshold ? 1 : 0, flags[i], "entry " + i + " at " + threshold);
      }
    }
    assertTrue(net.predictLabels(x, ROWS, 0.5).length == ROWS * 3);
    assertEquals("threshold must be a probability in (0, 1), got 1.0; 0.5 takes every label "
        + "more likely than not", assertThrows(IllegalArgumentException.class,
            () -> net.predictLabels(x, ROWS, 1.0)).getMessage());
    assertThrows(IllegalStateException.class, () -> net.predict(x, ROWS));
  }

  @Test
  void regressionModelsGiveTheirOutputsAsValues() {
    Network net = new TaskModels_RegressionNet(5);
    float[] x = input(ROWS, 8, 4);
    float[] out = Arrays.copyOf(net.forwardInfer(x, ROWS), ROWS * 2);
    assertArrayEquals(out, net.predictValues(x, ROWS));
    assertArrayEquals(Arrays.copyOfRange(out, 2, 4),
        net.predictValues(Arrays.copyOfRange(x, 8, 16)));
    assertThrows(IllegalStateException.class, () -> net.predictProbabilities(x, ROWS));
    assertEquals("input must hold rows × 8 features = 48 floats, got 8",
        assertThrows(IllegalArgumentException.class,
            () -> net.predictValues(new float[8], ROWS)).getMessage());
  }

  @Test
  void modelMetricsReadThePredictions() {
    Network net = new TaskModels_BinaryNet(3);
    float[] x = input(40, 8, 5);
    int[] labels = new int[40];
    for (int i = 0; i < 40; i++) {
      labels[i] = i % 3 == 0 ? 1 : 0;
    }
    Dataset data = Dataset.of(x, labels, 8, 2);
    assertEquals(net.evaluate(data).accuracy(), ModelMetrics.confusion(net, data).accuracy());
    double auc = ModelMetrics.rocAuc(net, data);
    assertTrue(auc >= 0 && auc <= 1);
    float[] p = net.predictProbabilities(x, 40);
    assertEquals(dev.lamina.metrics.RankingMetrics.rocAuc(p, labels), auc);

    Network regression = new TaskModels_RegressionNet(5);
    float[] targets = Arrays.copyOf(regression.forwardInfer(x, 40), 80);
    Dataset exact = Dataset.regression(x, targets, 8, 2);
    ModelMetrics.RegressionScores scores = ModelMetrics.regression(regression, exact);
    assertEquals(0, scores.meanAbsoluteError());
    assertEquals(0, scores.rootMeanSquaredError());
    assertEquals(1, scores.r2());
  }

  private static float[] input(int rows, int width, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[rows * width];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (random.nextDouble() * 4 - 2);
    }
    return x;
  }
}
