package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.data.Dataset;
import dev.lamina.train.Optimizer;
import dev.lamina.train.TrainingResult;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The same seed gives bit-identical weights after training; another seed does not. */
class ReproducibilityTest {
  /** A learnable synthetic task: the label is the sign pattern of two input features. */
  static Dataset synthetic(int size, int features, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[size * features];
    int[] y = new int[size];
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < features; j++) {
        x[i * features + j] = (float) random.nextGaussian();
      }
      y[i] = (x[i * features] > 0 ? 1 : 0) + (x[i * features + 1] > 0 ? 2 : 0);
    }
    return Dataset.of(x, y, features, 4);
  }

  private static TrainingResult<FashionMlpNet> train(long seed) {
    Dataset data = synthetic(600, 784, 1);
    return FashionMlpNet.trainer().optimizer(Optimizer.adam(1e-3)).epochs(2).batchSize(50)
        .seed(seed).build().fit(data, data.head(100));
  }

  @Test
  void sameSeedGivesBitIdenticalWeightsAfterTraining() {
    assertTrue(train(9).network().parameters().bitEquals(train(9).network().parameters()));
  }

  @Test
  void anotherSeedGivesOtherWeights() {
    assertFalse(train(9).network().parameters().bitEquals(train(10).network().parameters()));
  }

  @Test
  void trainingLearnsASimpleTask() {
    Dataset data = synthetic(2000, 13, 2);
    var result = TestModels_SmoothNet.trainer().optimizer(Optimizer.sgd(0.1).momentum(0.9))
        .epochs(15).batchSize(32).build().fit(data.head(1600), data.select(range(1600, 2000)));
    double accuracy = result.history().last().validationAccuracy();
    assertTrue(accuracy > 0.9, "validation accuracy " + accuracy);
  }

  private static int[] range(int from, int to) {
    return java.util.stream.IntStream.range(from, to).toArray();
  }
}
