package dev.lamina.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.DropoutMode;
import dev.lamina.Init;
import dev.lamina.Loss;
import dev.lamina.Nonlinearity;
import dev.lamina.data.Dataset;
import dev.lamina.ensemble.EnsembleListener;
import dev.lamina.ensemble.MemberExecutor;
import dev.lamina.ensemble.MemberResult;
import dev.lamina.ensemble.MemberTask;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.NetworkSpec;
import dev.lamina.nn.ReferenceNetwork;
import dev.lamina.train.Optimizer;
import dev.lamina.train.Trainer;
import dev.lamina.train.TrainingConfig;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Cross-validation of a model class through bagging's executor: the folds' tasks hold their test
 * samples out, and the scores equal, bit for bit, those of training each fold yourself with
 * {@link CrossValidation#run} and the same config, on any number of threads.
 */
class CrossValidationRunTest {
  private static final NetworkSpec CLASSES = spec("Classes", Loss.SOFTMAX_CROSS_ENTROPY, 3);
  private static final NetworkSpec VALUES = spec("Values", Loss.MEAN_SQUARED_ERROR, 1);
  private static final TrainingConfig CONFIG = TrainingConfig.builder().epochs(4).batchSize(16)
      .optimizer(Optimizer.sgd(0.1)).seed(9).build();

  @Test
  void foldsTrainedAsTasksScoreTheBitsOfTrainingEachFoldYourself() {
    Dataset data = classes(150, 1);
    Folds folds = Folds.stratified(data, 5, 42);
    CrossValidation.Scorer<ReferenceNetwork> accuracy =
        (network, test) -> ModelMetrics.confusion(network, test).accuracy();
    CrossValidation.Result yourself = CrossValidation.run(data, folds, (train, test) ->
        accuracy.score(Trainer.builder(seed -> new ReferenceNetwork(CLASSES, seed)).config(CONFIG)
            .threads(1).build().fit(train, test).network(), test));

    Map<Integer, MemberResult> done = new ConcurrentHashMap<>();
    EnsembleListener listener = new EnsembleListener() {
      @Override
      public void onMemberDone(MemberResult result) {
        done.put(result.index(), result);
      }
    };
    CrossValidation<ReferenceNetwork> cv = CrossValidation
        .builder(seed -> new ReferenceNetwork(CLASSES, seed))
        .folds(folds).training(CONFIG).score(accuracy).threads(3).listener(listener).build();
    CrossValidation.Result tasks = cv.fit(data);
    CrossValidation.Result oneThread = CrossValidation
        .builder(seed -> new ReferenceNetwork(CLASSES, seed))
        .folds(folds).training(CONFIG).score(accuracy).threads(1).build().fit(data);

    assertArrayEquals(yourself.scores(), tasks.scores(), "the same bits as run(...)");
    assertArrayEquals(tasks.scores(), oneThread.scores(), "the same bits on 1 and 3 threads");
    assertTrue(tasks.mean() > 0.6, "the folds learned: mean accuracy " + tasks.mean());
    assertEquals(5, done.size());
    for (int f = 0; f < 5; f++) {
      MemberResult r = done.get(f);
      assertArrayEquals(folds.testIndices(f), r.outOfBag(), "fold " + f + " held out its own");
      assertArrayEquals(data.select(folds.testIndices(f)).labels(), r.outOfBagLabels());
      assertEquals(4, r.epochs().size());
      assertEquals(150, r.trainingSize());
    }
    System.out.printf("5 stratified folds: accuracy %s, mean %.4f%n",
        java.util.Arrays.toString(tasks.scores()), tasks.mean());
  }

  @Test
  void regressionFoldsAreScoredWithAnyMetric() {
    Dataset data = values(120, 2);
    Folds folds = Folds.interleaved(120, 4);
    CrossValidation.Scorer<ReferenceNetwork> r2 =
        (network, test) -> ModelMetrics.regression(network, test).r2();
    CrossValidation.Result cv = CrossValidation
        .builder(seed -> new ReferenceNetwork(VALUES, seed))
        .folds(folds).training(CONFIG.toBuilder().epochs(30).build()).score(r2).threads(2)
        .build().fit(data);
    CrossValidation.Result yourself = CrossValidation.run(data, folds, (train, test) ->
        r2.score(Trainer.builder(seed -> new ReferenceNetwork(VALUES, seed))
            .config(CONFIG.toBuilder().epochs(30).build()).threads(1).build()
            .fit(train, test).network(), test));
    assertArrayEquals(yourself.scores(), cv.scores());
    assertTrue(cv.mean() > 0.8, "R² " + cv.mean());
  }

  @Test
  void eachFoldIsATaskHoldingItsTestSamplesOut() {
    Folds folds = Folds.interleaved(10, 3);
    List<MemberTask> tasks = CrossValidation.builder(seed -> new ReferenceNetwork(CLASSES, seed))
        .folds(folds).training(CONFIG).score((n, t) -> 0).build().tasks();
    assertEquals(3, tasks.size());
    assertArrayEquals(new int[] {1, 4, 7}, tasks.get(1).heldOut());
    assertEquals(9, tasks.get(2).seed(), "every fold trains from the config's seed");
    assertEquals("a task that holds samples out (a cross-validation fold) trains on all the"
        + " others: it cannot bootstrap too", assertThrows(IllegalArgumentException.class,
            () -> new MemberTask(0, true, CONFIG, new int[] {1})).getMessage());
    assertEquals("heldOut must hold distinct sample indices >= 0 in ascending order, got 2 at 1"
        + " after 5", assertThrows(IllegalArgumentException.class,
            () -> new MemberTask(0, false, CONFIG, new int[] {5, 2})).getMessage());
  }

  @Test
  void foldsForOtherDataAndMissingSettingsAreRefused() {
    Dataset data = classes(30, 3);
    var builder = CrossValidation.builder(seed -> new ReferenceNetwork(CLASSES, seed))
        .training(CONFIG);
    assertEquals("folds: cross-validation needs folds(...)",
        assertThrows(NullPointerException.class, builder::build).getMessage());
    assertEquals("scorer: cross-validation needs score(...)",
        assertThrows(NullPointerException.class,
            () -> builder.folds(Folds.interleaved(30, 3)).build()).getMessage());
    CrossValidation<ReferenceNetwork> cv = builder.folds(Folds.interleaved(40, 4))
        .score((n, t) -> 0).build();
    assertEquals("folds are for 40 samples but the data has 30",
        assertThrows(IllegalArgumentException.class, () -> cv.fit(data)).getMessage());
    // an executor whose data is not the data given to fit
    CrossValidation<ReferenceNetwork> three = builder.folds(Folds.interleaved(30, 3)).build();
    IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
        () -> three.fit(data, MemberExecutor.inProcess(classes(30, 4), null, 1)));
    assertTrue(other.getMessage().startsWith("the data fold 0 trained on (thread "),
        other.getMessage());
    assertTrue(other.getMessage().endsWith(") has other labels for fold 0's test samples: the"
        + " executor's data must be the data given to fit, in the same order"),
        other.getMessage());
  }

  private static NetworkSpec spec(String name, Loss loss, int outputs) {
    return new NetworkSpec(name, loss, 0, List.of(
        LayerSpec.input("in", 6, 1, DropoutMode.INVERTED),
        LayerSpec.dense("hidden", 8, 6, true, Init.XAVIER, 0, Nonlinearity.TANH, 0, 1,
            DropoutMode.INVERTED),
        LayerSpec.dense("out", outputs, 8, true, Init.XAVIER, 0, Nonlinearity.IDENTITY, 0, 1,
            DropoutMode.INVERTED)));
  }

  /** The label is which of the first three features is largest. */
  private static Dataset classes(int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = gaussian(size * 6, random);
    int[] y = new int[size];
    for (int i = 0; i < size; i++) {
      int best = 0;
      for (int j = 1; j < 3; j++) {
        best = x[i * 6 + j] > x[i * 6 + best] ? j : best;
      }
      y[i] = best;
    }
    return Dataset.of(x, y, 6, 3);
  }

  /** A linear target of the features, with a little noise. */
  private static Dataset values(int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = gaussian(size * 6, random);
    float[] y = new float[size];
    for (int i = 0; i < size; i++) {
      y[i] = (float) (x[i * 6] - 0.5 * x[i * 6 + 1] + 0.1 * random.nextGaussian());
    }
    return Dataset.regression(x, y, 6, 1);
  }

  private static float[] gaussian(int n, SplittableRandom random) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) random.nextGaussian();
    }
    return x;
  }
}
