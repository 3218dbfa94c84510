package dev.lamina.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.data.Dataset;
import dev.lamina.nn.Network;
import dev.lamina.nn.Parameter;
import dev.lamina.nn.ReferenceNetwork;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How training ends and which weights it leaves: early stopping on a scripted metric, epochs
 * used up, a non-finite loss, an interrupt and an exception, each checked against the weights
 * recorded at every epoch's end.
 */
class TrainingEndTest {
  private static final Dataset TRAIN = TinyModel.data(64, 1);
  private static final Dataset VALIDATION = TinyModel.data(32, 2);

  /** Records the weights at the end of every epoch, before early stopping sees the epoch. */
  static final class Recorder implements TrainingListener {
    final Map<Integer, float[][]> weights = new HashMap<>();
    Network network;
    TrainingEnd end;

    @Override
    public void onEpochEnd(EpochStats stats, int epochs) {
      weights.put(stats.epoch(), network.parameters().snapshot());
    }

    @Override
    public void onTrainingEnd(TrainingEnd end) {
      this.end = end;
    }

    boolean holds(int epoch) {
      float[][] kept = weights.get(epoch);
      var list = network.parameters().list();
      for (int i = 0; i < list.size(); i++) {
        if (!java.util.Arrays.equals(kept[i], list.get(i).values())) {
          return false;
        }
      }
      return true;
    }
  }

  /** A metric that reads its value for epoch e from {@code values[e − 1]}. */
  private static Metric scripted(double... values) {
    return Metric.minimize("scripted", (stats, network) -> values[stats.epoch() - 1]);
  }

  private static TrainingResult<ReferenceNetwork> fit(Trainer.Builder<ReferenceNetwork> builder,
      Recorder recorder) {
    ReferenceNetwork network = TinyModel.network(7);
    recorder.network = network;
    return builder.listener(recorder).build().fit(network, TRAIN, VALIDATION);
  }

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void earlyStoppingStopsOnTheScriptAndRestoresTheBestEpoch() {
    Recorder r = new Recorder();
    var result = fit(TinyModel.trainer().epochs(20).earlyStopping(
        EarlyStopping.on(scripted(5, 4, 3, 3.5, 3.2, 3.1, 3.3, 1, 1)).patience(4)), r);
    TrainingEnd end = result.history().end();
    assertEquals(TrainingEnd.Reason.EARLY_STOPPED, end.reason());
    assertEquals(7, end.epoch());
    assertEquals(3, end.bestEpoch());
    assertEquals(3.0, end.bestValue());
    assertEquals("scripted", end.metric());
    assertTrue(end.restored());
    assertEquals(7, result.history().epochs().size());
    assertTrue(r.holds(3), "the network holds epoch 3's weights");
    assertEquals(end, r.end, "listeners hear the same end");
  }

  @Test
  void usedUpEpochsAlsoRestoreTheBestUnlessToldNot() {
    Recorder r = new Recorder();
    TrainingEnd end = fit(TinyModel.trainer().epochs(4)
        .earlyStopping(EarlyStopping.on(scripted(3, 1, 2, 2.5)).patience(5)), r).history().end();
    assertEquals(TrainingEnd.Reason.COMPLETED, end.reason());
    assertEquals(2, end.bestEpoch());
    assertTrue(r.holds(2));

    Recorder last = new Recorder();
    end = fit(TinyModel.trainer().epochs(4).earlyStopping(EarlyStopping.on(scripted(3, 1, 2, 2.5))
        .patience(5).restoreBestWeights(false)), last).history().end();
    assertEquals(2, end.bestEpoch());
    assertFalse(end.restored());
    assertTrue(last.holds(4), "without restoring, the last epoch's weights stay");
  }

  @Test
  void withoutEarlyStoppingEveryEpochRunsAndTheLastWeightsStay() {
    Recorder r = new Recorder();
    TrainingEnd end = fit(TinyModel.trainer().epochs(3), r).history().end();
    assertEquals(new TrainingEnd(TrainingEnd.Reason.COMPLETED, 3, 12, 3, "none", Double.NaN, false,
        "all 3 epochs ran"), end);
    assertTrue(r.holds(3));
  }

  /** Plants a NaN in a weight when epoch {@code epoch} starts, so its first batch's loss is NaN. */
  private static TrainingListener poisonAt(int epoch, Recorder r) {
    return new TrainingListener() {
      @Override
      public void onEpochStart(int e, int epochs, int batches) {
        if (e == epoch) {
          r.network.parameters().get("hidden.weight").values()[0] = Float.NaN;
        }
      }

      @Override
      public void onEpochEnd(EpochStats stats, int epochs) {
        r.onEpochEnd(stats, epochs);
      }
    };
  }

  @Test
  void nonFiniteLossStopsNamingEpochAndStepAndKeepsTheBestWeights() {
    Recorder r = new Recorder();
    ReferenceNetwork network = TinyModel.network(7);
    r.network = network;
    var result = TinyModel.trainer().epochs(10).listener(poisonAt(3, r))
        .earlyStopping(EarlyStopping.on(scripted(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)).patience(9)
            .restoreBestWeights(false))
        .build().fit(network, TRAIN, VALIDATION);
    TrainingEnd end = result.history().end();
    assertEquals(TrainingEnd.Reason.NON_FINITE_LOSS, end.reason());
    assertEquals(3, end.epoch());
    assertEquals(9, end.steps(), "4 steps per epoch: the first of epoch 3 is step 9");
    assertEquals("the training loss was NaN at epoch 3, step 9 (batch 1 of 4); the network has the "
        + "weights of epoch 1", end.message());
    assertTrue(end.restored(), "restored even though restoreBestWeights is false");
    assertTrue(r.holds(1), "epoch 1 is the best by the script");
    assertEquals(2, result.history().epochs().size(), "the broken epoch is not recorded");
  }

  @Test
  void nonFiniteLossWithoutEarlyStoppingFallsBackToTheLastCompletedEpoch() {
    Recorder r = new Recorder();
    ReferenceNetwork network = TinyModel.network(7);
    r.network = network;
    TrainingEnd end = TinyModel.trainer().epochs(5).listener(poisonAt(3, r)).build()
        .fit(network, TRAIN, VALIDATION).history().end();
    assertEquals(TrainingEnd.Reason.NON_FINITE_LOSS, end.reason());
    assertEquals(2, end.bestEpoch());
    assertTrue(end.restored());
    assertTrue(r.holds(2));
  }

  /**
   * A weight turned NaN after the loss of epoch 2's last batch was computed: every loss was
   * finite, and the epoch's end finds the weight before it is validated or checkpointed.
   */
  @Test
  void nonFiniteWeightsEndTheRunNamingTheTensorAndKeepTheBestWeights() {
    Recorder r = new Recorder();
    ReferenceNetwork network = TinyModel.network(7);
    r.network = network;
    TrainingListener poison = new TrainingListener() {
      @Override
      public void onBatch(int epoch, int batch, int batches, double loss) {
        if (epoch == 2 && batch == batches) {
          network.parameters().get("hidden.weight").values()[5] = Float.POSITIVE_INFINITY;
        }
      }

      @Override
      public void onEpochEnd(EpochStats stats, int epochs) {
        r.onEpochEnd(stats, epochs);
      }

      @Override
      public void onTrainingEnd(TrainingEnd end) {
        r.onTrainingEnd(end);
      }
    };
    var result = TinyModel.trainer().epochs(5).listener(poison).build()
        .fit(network, TRAIN, VALIDATION);
    TrainingEnd end = result.history().end();
    assertEquals(TrainingEnd.Reason.NON_FINITE_WEIGHTS, end.reason());
    assertEquals(end, r.end, "the listener hears the same end");
    assertEquals(2, end.epoch());
    assertEquals(8, end.steps());
    assertEquals("a weight was not finite at the end of epoch 2, step 8 (batch 4 of 4):"
        + " hidden.weight[5] = Infinity; the network has the weights of epoch 1", end.message());
    assertEquals(1, end.bestEpoch());
    assertTrue(end.restored());
    assertTrue(r.holds(1));
    assertEquals(1, result.history().epochs().size(), "the broken epoch is not recorded");
  }

  @Test
  void aNonFiniteLossInTheFirstStepLeavesTheInitialWeights() {
    float[] x = TRAIN.features();
    java.util.Arrays.fill(x, Float.NaN);
    Dataset broken = Dataset.ofAllowingNonFinite(x, TRAIN.labels(), TRAIN.featureSize(), TRAIN.classes());
    ReferenceNetwork network = TinyModel.network(7);
    TrainingEnd end = TinyModel.trainer().epochs(5).build().fit(network, broken, VALIDATION)
        .history().end();
    assertEquals(TrainingEnd.Reason.NON_FINITE_LOSS, end.reason());
    assertEquals("the training loss was NaN at epoch 1, step 1 (batch 1 of 4); the network has the "
        + "weights of before training", end.message());
    assertEquals(0, end.bestEpoch());
    assertTrue(network.parameters().bitEquals(TinyModel.network(7).parameters()));
  }

  @Test
  void interruptStopsBeforeTheNextStepAndRestoresTheBest() {
    Recorder r = new Recorder();
    TrainingListener interrupter = new TrainingListener() {
      @Override
      public void onEpochEnd(EpochStats stats, int epochs) {
        r.onEpochEnd(stats, epochs);
        if (stats.epoch() == 3) {
          Thread.currentThread().interrupt();
        }
      }
    };
    ReferenceNetwork network = TinyModel.network(7);
    r.network = network;
    TrainingEnd end = TinyModel.trainer().epochs(10).listener(interrupter)
        .earlyStopping(EarlyStopping.on(scripted(4, 2, 3, 4, 5, 6, 7, 8, 9, 10)).patience(9))
        .build().fit(network, TRAIN, VALIDATION).history().end();
    assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag stays set for the caller");
    assertEquals(TrainingEnd.Reason.INTERRUPTED, end.reason());
    assertEquals(4, end.epoch());
    assertEquals(12, end.steps());
    assertEquals(2, end.bestEpoch());
    assertTrue(r.holds(2));
  }

  @Test
  void anExceptionStillRestoresTheBestWeights() {
    Recorder r = new Recorder();
    TrainingListener failing = new TrainingListener() {
      @Override
      public void onEpochEnd(EpochStats stats, int epochs) {
        r.onEpochEnd(stats, epochs);
        if (stats.epoch() == 3) {
          throw new IllegalStateException("listener failed");
        }
      }
    };
    ReferenceNetwork network = TinyModel.network(7);
    r.network = network;
    Trainer<ReferenceNetwork> trainer = TinyModel.trainer().epochs(10).listener(failing)
        .earlyStopping(EarlyStopping.on(scripted(3, 1, 2, 4, 5, 6, 7, 8, 9, 10))).build();
    assertThrows(IllegalStateException.class, () -> trainer.fit(network, TRAIN, VALIDATION));
    assertTrue(r.holds(2));
  }

  @Test
  void validationAccuracyIsWatchedAsHigherIsBetter() {
    var result = TinyModel.trainer().epochs(30).optimizer(Optimizer.sgd(0.3))
        .earlyStopping(EarlyStopping.on(Metric.VALIDATION_ACCURACY).patience(3)).build()
        .fit(TRAIN, VALIDATION);
    TrainingEnd end = result.history().end();
    double best = result.history().epochs().stream()
        .mapToDouble(EpochStats::validationAccuracy).max().orElseThrow();
    assertEquals(best, end.bestValue());
    assertEquals(best, result.network().evaluate(VALIDATION).accuracy(), "restored weights score the best");
  }

  @Test
  void theBestWeightsAreCopiesNotTheLiveArrays() {
    // A restore after later epochs changed the weights must give back the old values.
    Recorder r = new Recorder();
    fit(TinyModel.trainer().epochs(6).earlyStopping(EarlyStopping.on(scripted(1, 2, 3, 4, 5, 6))
        .patience(10)), r);
    assertTrue(r.holds(1));
    for (Parameter p : r.network.parameters()) {
      assertFalse(java.util.Arrays.equals(r.weights.get(6)[r.network.parameters().list().indexOf(p)],
          p.values()), p.name() + " moved after epoch 1 and was put back");
    }
  }
}
