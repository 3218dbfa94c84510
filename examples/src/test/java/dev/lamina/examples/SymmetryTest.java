package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.data.Dataset;
import dev.lamina.internal.TrainingStep;
import dev.lamina.nn.Network;
import dev.lamina.train.Optimizer;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * The symmetry problem, shown: hidden units that start with the same weights, feeding a layer whose
 * weights are the same for each of them, compute the same output and get the same gradient at
 * every step, so after training they are still one unit copied eight times. A random init (of
 * the hidden layer, or of the layer after it) breaks the tie.
 */
class SymmetryTest {
  private static final int UNITS = 8;
  private static final int FEATURES = 6;

  /** 96 samples in 3 classes, separable by a random linear map. */
  private static Dataset data() {
    SplittableRandom random = new SplittableRandom(11);
    int n = 96;
    float[] x = new float[n * FEATURES];
    int[] labels = new int[n];
    double[][] map = new double[3][FEATURES];
    for (double[] row : map) {
      for (int i = 0; i < FEATURES; i++) {
        row[i] = random.nextGaussian();
      }
    }
    for (int r = 0; r < n; r++) {
      double best = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < FEATURES; i++) {
        x[r * FEATURES + i] = (float) random.nextGaussian();
      }
      for (int c = 0; c < 3; c++) {
        double score = 0;
        for (int i = 0; i < FEATURES; i++) {
          score += map[c][i] * x[r * FEATURES + i];
        }
        if (score > best) {
          best = score;
          labels[r] = c;
        }
      }
    }
    return Dataset.of(x, labels, FEATURES, 3);
  }

  /** Trains full-batch SGD for 300 steps; returns the hidden weight, (inputs, units) row-major. */
  private static float[] trainedHiddenWeights(LongFunction<Network> factory) {
    Network net = factory.apply(5);
    Dataset data = data();
    int[] order = new int[data.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    TrainingStep step = new TrainingStep(net, Optimizer.sgd(0.05), data.size());
    step.run(data, order, 0, data.size(), 0);
    double first = step.loss();
    for (int s = 1; s < 300; s++) {
      step.run(data, order, 0, data.size(), s);
    }
    assertTrue(step.loss() < 0.95 * first, "training must lower the loss: " + first + " → "
        + step.loss());
    return net.parameters().get("hidden.weight").values().clone();
  }

  /** The largest difference between unit 0's incoming weights and any other unit's. */
  private static double spread(float[] w) {
    double worst = 0;
    for (int i = 0; i < FEATURES; i++) {
      for (int j = 1; j < UNITS; j++) {
        worst = Math.max(worst, Math.abs(w[i * UNITS + j] - w[i * UNITS]));
      }
    }
    return worst;
  }

  @Test
  void constantHiddenAndOutputWeightsKeepEveryHiddenUnitIdentical() {
    float[] w = trainedHiddenWeights(InitTestModels_SymmetricNet::new);
    double moved = 0;
    for (float v : w) {
      moved = Math.max(moved, Math.abs(v - 0.3f));
    }
    assertTrue(moved > 1e-2, "the hidden weights must have trained; they moved at most " + moved);
    System.out.println("symmetric init: hidden weights moved up to " + moved
        + " from 0.3; largest difference between two units: " + spread(w));
    assertTrue(spread(w) <= 1e-6, "the hidden units must stay identical; the largest difference "
        + "between two units' weights is " + spread(w));
  }

  @Test
  void aRandomHiddenLayerBreaksTheTie() {
    double spread = spread(trainedHiddenWeights(InitTestModels_RandomHiddenNet::new));
    assertTrue(spread > 0.1, "random units must differ; the largest difference is " + spread);
  }

  @Test
  void aRandomNextLayerAlsoBreaksTheTieOfConstantHiddenWeights() {
    double spread = spread(trainedHiddenWeights(InitTestModels_SymmetricHiddenRandomOutNet::new));
    assertTrue(spread > 1e-2, "the units get different gradients through different outgoing "
        + "weights; the largest difference is " + spread);
  }
}
