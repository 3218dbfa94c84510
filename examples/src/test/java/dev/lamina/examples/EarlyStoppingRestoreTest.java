package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.lamina.data.Dataset;
import dev.lamina.nn.StateTensor;
import dev.lamina.train.EarlyStopping;
import dev.lamina.train.EpochStats;
import dev.lamina.train.Metric;
import dev.lamina.train.Optimizer;
import dev.lamina.train.TrainingEnd;
import dev.lamina.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Early stopping on a generated network with batch normalization: the best epoch's weights and
 * its running statistics come back together, so inference after the restore is the best epoch's.
 */
class EarlyStoppingRestoreTest {
  @Test
  void weightsAndRunningStatisticsOfTheBestEpochComeBack() {
    Dataset data = ReproducibilityTest.synthetic(240, 13, 8);
    Dataset validation = ReproducibilityTest.synthetic(60, 13, 9);
    TestModels_NormalizedNet net = new TestModels_NormalizedNet(3);
    List<float[][]> weights = new ArrayList<>();
    List<float[][]> state = new ArrayList<>();
    List<float[]> inference = new ArrayList<>();
    float[] probe = validation.features();
    TrainingListener recorder = new TrainingListener() {
      @Override
      public void onEpochEnd(EpochStats stats, int epochs) {
        weights.add(net.parameters().snapshot());
        state.add(copy(net.state()));
        inference.add(net.forwardInfer(probe, validation.size()).clone());
      }
    };
    double[] script = {3, 2, 1, 2, 3, 4, 5, 6};
    TrainingEnd end = TestModels_NormalizedNet.trainer().epochs(8).batchSize(32).threads(2)
        .optimizer(Optimizer.sgd(0.05).momentum(0.9)).listener(recorder)
        .earlyStopping(EarlyStopping.on(Metric.minimize("scripted", (s, n) -> script[s.epoch() - 1]))
            .patience(3))
        .build().fit(net, data, validation).history().end();
    assertEquals(TrainingEnd.Reason.EARLY_STOPPED, end.reason());
    assertEquals(6, end.epoch());
    assertEquals(3, end.bestEpoch());
    for (int i = 0; i < weights.get(2).length; i++) {
      assertArrayEquals(weights.get(2)[i], net.parameters().list().get(i).values(), "parameter " + i);
    }
    float[][] bestState = state.get(2);
    assertEquals(bestState.length, net.state().size());
    for (int i = 0; i < bestState.length; i++) {
      assertArrayEquals(bestState[i], net.state().get(i).values(), net.state().get(i).name());
    }
    assertFalse(java.util.Arrays.equals(state.get(2)[0], state.get(5)[0]),
        "the running statistics moved after epoch 3, so the restore mattered");
    assertArrayEquals(inference.get(2), net.forwardInfer(probe, validation.size()),
        "inference after the restore is epoch 3's");
  }

  private static float[][] copy(List<StateTensor> state) {
    float[][] c = new float[state.size()][];
    for (int i = 0; i < c.length; i++) {
      c[i] = state.get(i).values().clone();
    }
    return c;
  }
}
