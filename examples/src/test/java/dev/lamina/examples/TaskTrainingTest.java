package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.data.Dataset;
import dev.lamina.nn.Evaluation;
import dev.lamina.train.Optimizer;
import dev.lamina.train.Trainer;
import dev.lamina.train.TrainingResult;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Generated networks learn regression, binary and multi-label tasks through the trainer, with the
 * same bits on one and three threads, and data that does not fit the model's task is refused.
 */
class TaskTrainingTest {
  private static final int SAMPLES = 600;
  private static final int FEATURES = 8;
  private static final float[] X = features(SAMPLES, 1);

  @Test
  void regressionLearnsTwoOutputsWithTheSameBitsOnAnyThreadCount() {
    float[] y = new float[SAMPLES * 2];
    for (int i = 0; i < SAMPLES; i++) {
      y[2 * i] = X[i * FEATURES] - 2 * X[i * FEATURES + 1];
      y[2 * i + 1] = X[i * FEATURES + 2] * X[i * FEATURES + 3];
    }
    Dataset.Split split = Dataset.regression(X, y, FEATURES, 2).split(0.2, 3);
    var one = fit(TaskModels_RegressionNet.trainer(), split, 1);
    var three = fit(TaskModels_RegressionNet.trainer(), split, 3);
    assertTrue(one.network().parameters().bitEquals(three.network().parameters()));
    Evaluation before = new TaskModels_RegressionNet(1).evaluate(split.validation());
    Evaluation after = one.network().evaluate(split.validation());
    assertTrue(Double.isNaN(after.accuracy()), "regression has no accuracy");
    assertTrue(after.loss() < before.loss() / 10, "validation Huber loss fell from "
        + before.loss() + " to only " + after.loss());
    assertTrue(Double.isNaN(one.history().epochs().get(0).trainAccuracy()));
  }

  @Test
  void binaryClassificationWithOneLogitLearnsTheSideOfAPlane() {
    int[] labels = new int[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      labels[i] = X[i * FEATURES] + X[i * FEATURES + 1] - X[i * FEATURES + 4] > 0 ? 1 : 0;
    }
    Dataset.Split split = Dataset.of(X, labels, FEATURES, 2).split(0.2, 3);
    var one = fit(TaskModels_BinaryNet.trainer(), split, 1);
    var three = fit(TaskModels_BinaryNet.trainer(), split, 3);
    assertTrue(one.network().parameters().bitEquals(three.network().parameters()));
    double accuracy = one.network().evaluate(split.validation()).accuracy();
    assertTrue(accuracy > 0.93, "validation accuracy " + accuracy);
  }

  @Test
  void multiLabelLearnsThreeIndependentFlags() {
    float[] flags = new float[SAMPLES * 3];
    for (int i = 0; i < SAMPLES; i++) {
      flags[3 * i] = X[i * FEATURES] > 0 ? 1 : 0;
      flags[3 * i + 1] = X[i * FEATURES + 1] > 0 ? 1 : 0;
      flags[3 * i + 2] = X[i * FEATURES] + X[i * FEATURES + 1] > 0 ? 1 : 0;
    }
    Dataset.Split split = Dataset.multiLabel(X, flags, FEATURES, 3).split(0.2, 3);
    var one = fit(TaskModels_MultiLabelNet.trainer(), split, 1);
    var three = fit(TaskModels_MultiLabelNet.trainer(), split, 3);
    assertTrue(one.network().parameters().bitEquals(three.network().parameters()));
    double exactMatch = one.network().evaluate(split.validation()).accuracy();
    assertTrue(exactMatch > 0.85, "share of samples with all three labels right: " + exactMatch);
  }

  @Test
  void classWeightsChangeTheTrainingButNotTheValidationLoss() {
    int[] labels = new int[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      labels[i] = X[i * FEATURES] > 0.6 ? 1 : 0; // about 1 in 4 positive
    }
    Dataset data = Dataset.of(X, labels, FEATURES, 2);
    Dataset.Split split = data.split(0.2, 3);
    Dataset weighted = split.train().withClassWeights(split.train().balancedClassWeights());
    var plain = fit(TaskModels_BinaryNet.trainer(), split, 1);
    var balanced = fit(TaskModels_BinaryNet.trainer(),
        new Dataset.Split(weighted, split.validation()), 1);
    assertTrue(!plain.network().parameters().bitEquals(balanced.network().parameters()));
    // The validation loss of the weighted run is the plain loss of its network.
    Evaluation validation = balanced.network().evaluate(split.validation());
    assertEquals(validation.loss(), balanced.history().epochs().get(9).validationLoss());
    assertEquals(validation.loss(), balanced.network().evaluate(
        split.validation().withClassWeights(5, 5)).loss());
  }

  @Test
  void dataThatDoesNotFitTheTaskIsRefusedWithWhatToDo() {
    Dataset values = Dataset.regression(X, new float[SAMPLES], FEATURES, 1);
    var e = assertThrows(IllegalArgumentException.class,
        () -> TaskModels_BinaryNet.trainer().epochs(1).build().fit(values, values));
    assertEquals("train holds regression targets of 1 value per sample, but Binary (loss "
        + "BINARY_CROSS_ENTROPY, 1 output) needs class labels; train it with "
        + "Loss.MEAN_SQUARED_ERROR, MEAN_ABSOLUTE_ERROR or HUBER", e.getMessage());
    Dataset threeClasses = Dataset.of(X, new int[SAMPLES], FEATURES, 3);
    e = assertThrows(IllegalArgumentException.class,
        () -> TaskModels_BinaryNet.trainer().epochs(1).build().fit(threeClasses, threeClasses));
    assertTrue(e.getMessage().startsWith("train holds class labels of 3 classes, but Binary (loss "
        + "BINARY_CROSS_ENTROPY, 1 output) needs 2 classes"), e.getMessage());
    Dataset oneOutput = Dataset.regression(X, new float[SAMPLES], FEATURES, 1);
    e = assertThrows(IllegalArgumentException.class,
        () -> TaskModels_RegressionNet.trainer().build().fit(oneOutput, oneOutput));
    assertEquals("train holds regression targets of 1 value per sample, but Regression (loss "
        + "HUBER, 2 outputs) has 2; give the last layer 1 units", e.getMessage());
  }

  private static <N extends dev.lamina.nn.Network> TrainingResult<N> fit(
      Trainer.Builder<N> trainer, Dataset.Split split, int threads) {
    return trainer.epochs(10).batchSize(32).seed(5).threads(threads)
        .optimizer(Optimizer.adam(1e-2)).build().fit(split.train(), split.validation());
  }

  private static float[] features(int samples, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[samples * FEATURES];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return x;
  }
}
