package dev.lamina.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.Loss;
import dev.lamina.data.Dataset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every loss's gradient against central finite differences of its batch-mean loss, and the
 * class weights' effect: each sample's loss and gradient times its class's weight.
 */
class TaskLossesGradientTest {
  private static final int ROWS = 7;
  /** A power of two, so that o ± h is exact in float. */
  private static final float H = 1f / 1024;
  private static final double TOLERANCE = 2e-5;

  @Test
  void regressionGradientsMatchFiniteDifferences() {
    for (Loss loss : new Loss[] {Loss.MEAN_SQUARED_ERROR, Loss.MEAN_ABSOLUTE_ERROR, Loss.HUBER}) {
      float[] targets = random(ROWS * 3, 3, 1);
      Dataset data = Dataset.regression(TaskLosses.features(ROWS), targets, 1, 3);
      checkGradient(loss.name(), new TaskLosses(TaskLosses.spec(loss, 3), data),
          random(ROWS * 3, 3, 2), targets);
    }
    for (double delta : new double[] {0.25, 2.5}) {
      float[] targets = random(ROWS * 3, 3, 11);
      Dataset data = Dataset.regression(TaskLosses.features(ROWS), targets, 1, 3);
      NetworkSpec spec = TaskLosses.spec(Loss.HUBER, 3).withHuberDelta(delta);
      checkGradient("HUBER δ=" + delta, new TaskLosses(spec, data), random(ROWS * 3, 3, 12),
          targets);
    }
  }

  /** The Huber loss of any δ against its definition, summed in double by plain loops. */
  @Test
  void huberOfAnyDeltaMatchesItsScalarDefinition() {
    float[] targets = random(ROWS * 2, 4, 13);
    float[] outputs = new float[targets.length]; // errors spread evenly over [-4.2, 3.6]
    for (int i = 0; i < outputs.length; i++) {
      outputs[i] = targets[i] + (i - 7) * 0.6f;
    }
    Dataset data = Dataset.regression(TaskLosses.features(ROWS), targets, 1, 2);
    for (double delta : new double[] {0.1, 1, 3}) {
      NetworkSpec spec = TaskLosses.spec(Loss.HUBER, 2).withHuberDelta(delta);
      float[] gradient = new float[outputs.length];
      double loss = new TaskLosses(spec, data).meanLoss(outputs, gradient);
      double expected = 0;
      int linear = 0;
      for (int i = 0; i < outputs.length; i++) {
        double d = outputs[i] - (double) targets[i];
        boolean quadratic = Math.abs(d) <= delta;
        linear += quadratic ? 0 : 1;
        expected += quadratic ? d * d / 2 : delta * (Math.abs(d) - delta / 2);
        double slope = quadratic ? d : Math.copySign(delta, d);
        assertEquals((float) (slope / outputs.length), gradient[i], 1e-9,
            "δ=" + delta + " gradient[" + i + "]");
      }
      expected /= outputs.length;
      assertEquals(expected, loss, 1e-12 * Math.max(1, expected), "δ=" + delta + " loss");
      assertTrue(linear > 0 && linear < outputs.length,
          "δ=" + delta + " must see both branches, saw " + linear + " linear of " + outputs.length);
    }
  }

  @Test
  void huberDeltaMustBeFiniteAndPositive() {
    NetworkSpec spec = TaskLosses.spec(Loss.HUBER, 1);
    for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
          IllegalArgumentException.class, () -> spec.withHuberDelta(bad));
      assertEquals("huberDelta must be finite and > 0, got " + bad + "; it is the error size"
          + " where the Huber loss turns linear (PyTorch's default is 1)", e.getMessage());
    }
    assertEquals(1.0, spec.huberDelta());
    assertEquals(0.5, spec.withHuberDelta(0.5).withInputScaling(InputScaling.STANDARDIZE)
        .huberDelta(), "withInputScaling keeps δ");
  }

  @Test
  void sigmoidGradientsMatchFiniteDifferences() {
    int[] labels = {0, 1, 1, 0, 1, 0, 0};
    Dataset binary = Dataset.of(TaskLosses.features(ROWS), labels, 1, 2);
    checkGradient("binary", new TaskLosses(TaskLosses.spec(Loss.BINARY_CROSS_ENTROPY, 1), binary),
        random(ROWS, 4, 3), null);
    float[] flags = new float[ROWS * 4];
    SplittableRandom random = new SplittableRandom(4);
    for (int i = 0; i < flags.length; i++) {
      flags[i] = random.nextBoolean() ? 1 : 0;
    }
    Dataset multi = Dataset.multiLabel(TaskLosses.features(ROWS), flags, 1, 4);
    checkGradient("multi-label",
        new TaskLosses(TaskLosses.spec(Loss.MULTI_LABEL_CROSS_ENTROPY, 4), multi),
        random(ROWS * 4, 4, 5), null);
  }

  @Test
  void weightedGradientsMatchFiniteDifferences() {
    int[] labels = {0, 2, 1, 2, 2, 0, 1};
    Dataset data = Dataset.of(TaskLosses.features(ROWS), labels, 1, 3)
        .withClassWeights(0.5, 3, 1.25);
    checkGradient("weighted softmax CE",
        new TaskLosses(TaskLosses.spec(Loss.SOFTMAX_CROSS_ENTROPY, 3), data),
        random(ROWS * 3, 3, 6), null);
    checkGradient("weighted MSE (one-hot)",
        new TaskLosses(TaskLosses.spec(Loss.MEAN_SQUARED_ERROR, 3), data),
        random(ROWS * 3, 1, 7), null);
  }

  @Test
  void aClassWeightMultipliesItsSamplesLossAndGradient() {
    int[] labels = {0, 1, 1};
    float[] outputs = random(3 * 2, 2, 8);
    Dataset plain = Dataset.of(TaskLosses.features(3), labels, 1, 2);
    NetworkSpec spec = TaskLosses.spec(Loss.SOFTMAX_CROSS_ENTROPY, 2);
    BatchTargets unweighted = gathered(plain, 2);
    BatchTargets weighted = gathered(plain.withClassWeights(1, 4), 2);
    for (int r = 0; r < 3; r++) {
      float[] g1 = new float[6];
      float[] g4 = new float[6];
      double l1 = unweighted.loss(spec, outputs, r, 3, g1);
      double l4 = weighted.loss(spec, outputs, r, 3, g4);
      double w = labels[r] == 1 ? 4 : 1;
      assertEquals(l1 * w, l4, 0, "row " + r);
      for (int c = 0; c < 6; c++) {
        assertEquals((float) (g1[c] * w), g4[c], 0, "row " + r + " gradient " + c);
      }
    }
  }

  @Test
  void rowsScoredInAnyOrderGiveTheSameBits() {
    float[] targets = random(ROWS * 2, 2, 9);
    Dataset data = Dataset.regression(TaskLosses.features(ROWS), targets, 1, 2);
    NetworkSpec spec = TaskLosses.spec(Loss.HUBER, 2);
    float[] outputs = random(ROWS * 2, 3, 10);
    BatchTargets t = gathered(data, 2);
    float[] forward = new float[ROWS * 2];
    float[] backward = new float[ROWS * 2];
    double[] lf = new double[ROWS];
    double[] lb = new double[ROWS];
    for (int r = 0; r < ROWS; r++) {
      lf[r] = t.loss(spec, outputs, r, ROWS, forward);
    }
    for (int r = ROWS - 1; r >= 0; r--) {
      lb[r] = t.loss(spec, outputs, r, ROWS, backward);
    }
    assertArrayEquals(lf, lb);
    assertArrayEquals(forward, backward);
  }

  private static BatchTargets gathered(Dataset data, int width) {
    BatchTargets t = new BatchTargets(data.size(), width);
    t.begin(data);
    for (int r = 0; r < data.size(); r++) {
      t.gather(data, r, r);
    }
    return t;
  }

  /**
   * Compares each gradient entry with (L(o + h) − L(o − h)) / 2h; entries whose output is within
   * h of a kink of the absolute or Huber loss (|o − t| ∈ {0, δ}) are skipped.
   */
  private static void checkGradient(String what, TaskLosses batch, float[] outputs,
      float[] targets) {
    float[] gradient = new float[outputs.length];
    batch.meanLoss(outputs, gradient);
    double worst = 0;
    int skipped = 0;
    for (int i = 0; i < outputs.length; i++) {
      if (targets != null && nearKink(outputs[i] - (double) targets[i], batch.spec().huberDelta())) {
        skipped++;
        continue;
      }
      float o = outputs[i];
      outputs[i] = o + H;
      double up = batch.meanLoss(outputs, null);
      outputs[i] = o - H;
      double down = batch.meanLoss(outputs, null);
      outputs[i] = o;
      double numeric = (up - down) / (2 * H);
      double diff = Math.abs(numeric - gradient[i]);
      worst = Math.max(worst, diff);
      assertTrue(diff <= TOLERANCE, what + " gradient[" + i + "] = " + gradient[i]
          + " but finite differences give " + numeric + " (|diff| " + diff + " > " + TOLERANCE
          + ")");
    }
    assertTrue(skipped < outputs.length / 2, what + ": too many entries near kinks: " + skipped);
    System.out.printf("%s: %d gradient entries match finite differences (max |diff| %.3g, %d "
        + "skipped at kinks)%n", what, outputs.length - skipped, worst, skipped);
  }

  private static boolean nearKink(double d, double delta) {
    double a = Math.abs(d);
    return a < 2 * H || Math.abs(a - delta) < 2 * H;
  }

  private static float[] random(int n, double scale, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
    }
    return v;
  }
}
