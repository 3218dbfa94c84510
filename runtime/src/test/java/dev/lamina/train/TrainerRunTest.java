package dev.lamina.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.data.Dataset;
import dev.lamina.nn.Parameters;
import dev.lamina.nn.ReferenceNetwork;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a run does with the settings around the step: the learning rate each step gets from its
 * schedule, listeners that hear everything and may stop the run, training without validation
 * data, and frozen layers.
 */
class TrainerRunTest {
  private static final Dataset TRAIN = TinyModel.data(64, 1);
  private static final Dataset VALIDATION = TinyModel.data(32, 2);

  /** SGD that records every rate it is given. */
  record RecordingSgd(List<Double> rates) implements Optimizer {
    @Override
    public double learningRate() {
      return 0.1;
    }

    @Override
    public Stepper start(Parameters parameters) {
      Stepper sgd = Optimizer.sgd(0.1).start(parameters);
      return new Stepper() {
        private double rate = 0.1;

        @Override
        public void step() {
          rates.add(rate);
          sgd.step();
        }

        @Override
        public void learningRate(double rate) {
          this.rate = rate;
          sgd.learningRate(rate);
        }
      };
    }
  }

  @Test
  void everyStepTakesTheRateItsScheduleGivesAndTheHistoryKeepsEachEpochsFirst() {
    LearningRateSchedule schedule = LearningRateSchedule.oneCycle(0.3);
    List<Double> used = new ArrayList<>();
    TrainingResult<ReferenceNetwork> result = TinyModel.trainer().optimizer(new RecordingSgd(used))
        .schedule(schedule).epochs(3).build().fit(TRAIN, VALIDATION);
    Rates expected = new Rates(schedule, 0.1, 3, 4); // 64 samples in batches of 16
    List<Double> rates = new ArrayList<>();
    for (int epoch = 1; epoch <= 3; epoch++) {
      for (int step = 0; step < 4; step++) {
        rates.add(expected.rate(epoch, step));
      }
      assertEquals(expected.rate(epoch, 0),
          result.history().epochs().get(epoch - 1).learningRate(), "epoch " + epoch);
    }
    assertEquals(rates, used);
  }

  @Test
  void eachBatchIsToldTheRunningLossAndAccuracyAndItsStepsRate() {
    List<Double> used = new ArrayList<>();
    List<double[]> heard = new ArrayList<>();
    List<Integer> plain = new ArrayList<>();
    TrainingListener figures = new TrainingListener() {
      @Override
      public void onBatch(int epoch, int batch, int batches, double loss, double accuracy,
          double learningRate) {
        heard.add(new double[] {epoch, batch, loss, accuracy, learningRate});
      }
    };
    TrainingListener lossOnly = new TrainingListener() {
      @Override
      public void onBatch(int epoch, int batch, int batches, double loss) {
        plain.add(batch);
      }
    };
    TrainingResult<ReferenceNetwork> result = TinyModel.trainer().optimizer(new RecordingSgd(used))
        .schedule(LearningRateSchedule.oneCycle(0.3)).epochs(2).listener(figures)
        .listener(lossOnly).build().fit(TRAIN, VALIDATION);
    assertEquals(8, heard.size(), "4 batches of 16 in each of 2 epochs");
    assertEquals(List.of(1, 2, 3, 4, 1, 2, 3, 4), plain, "a listener of the short form still hears");
    for (int i = 0; i < heard.size(); i++) {
      assertEquals(used.get(i), heard.get(i)[4], "batch " + i + "'s rate is its step's");
      assertTrue(heard.get(i)[3] >= 0 && heard.get(i)[3] <= 1, "accuracy " + heard.get(i)[3]);
    }
    for (EpochStats stats : result.history().epochs()) {
      double[] last = heard.get(4 * stats.epoch() - 1);
      assertEquals(stats.trainLoss(), last[2], 1e-12, "the last batch's running loss is the epoch's");
      assertEquals(stats.trainAccuracy(), last[3], 1e-12,
          "the last batch's running accuracy is the epoch's");
    }
  }

  @Test
  void aConstantRateIsRecordedAsTheOptimizersOwn() {
    TrainingResult<ReferenceNetwork> result = TinyModel.trainer().epochs(2).build()
        .fit(TRAIN, VALIDATION);
    assertEquals(0.1, result.history().last().learningRate());
  }

  @Test
  void listenersAllHearTheRunInOrderAndOneCanStopIt() {
    List<String> heard = new ArrayList<>();
    TrainingListener first = new TrainingListener() {
      TrainingRun run;

      @Override
      public void onTrainingStart(TrainingRun run) {
        this.run = run;
        heard.add("start");
      }

      @Override
      public void onBatch(int epoch, int batch, int batches, double loss) {
        heard.add("batch " + epoch + "." + batch);
        if (epoch == 2 && batch == 3) {
          run.stop("enough at 2.3");
        }
      }

      @Override
      public void onEpochEnd(EpochStats stats, int epochs) {
        // The network is there to read: evaluating it is what a listener may do.
        heard.add("epoch " + stats.epoch() + " accuracy "
            + run.network().evaluate(VALIDATION).accuracy());
      }
    };
    TrainingListener second = new TrainingListener() {
      @Override
      public void onBatch(int epoch, int batch, int batches, double loss) {
        heard.add("second " + epoch + "." + batch);
      }

      @Override
      public void onTrainingEnd(TrainingEnd end) {
        heard.add("end " + end.reason() + " " + end.message());
      }
    };
    TrainingResult<ReferenceNetwork> result = TinyModel.trainer().epochs(5).listener(first)
        .listener(second).build().fit(TRAIN, VALIDATION);
    TrainingEnd end = result.history().end();
    assertEquals(TrainingEnd.Reason.STOPPED, end.reason());
    assertEquals(2, end.epoch());
    assertEquals(7, end.steps());
    assertEquals("enough at 2.3", end.message());
    assertEquals(1, result.history().epochs().size(), "epoch 2 did not complete");
    assertEquals(List.of("start", "batch 1.1", "second 1.1", "batch 1.2", "second 1.2"),
        heard.subList(0, 5));
    assertTrue(heard.get(9).startsWith("epoch 1 accuracy "), heard.toString());
    assertEquals("end STOPPED enough at 2.3", heard.get(heard.size() - 1));
  }

  @Test
  void aListenerStoppingAtAnEpochsEndEndsTheRunThere() {
    TrainingListener stopAfterTwo = new TrainingListener() {
      TrainingRun run;

      @Override
      public void onTrainingStart(TrainingRun run) {
        this.run = run;
      }

      @Override
      public void onEpochEnd(EpochStats stats, int epochs) {
        if (stats.epoch() == 2) {
          run.stop("two epochs are enough");
        }
      }
    };
    TrainingResult<ReferenceNetwork> result = TinyModel.trainer().epochs(5)
        .listener(stopAfterTwo).build().fit(TRAIN, VALIDATION);
    assertEquals(TrainingEnd.Reason.STOPPED, result.history().end().reason());
    assertEquals(2, result.history().epochs().size());
    assertEquals(8, result.history().end().steps());
  }

  @Test
  void validationIsOptional() {
    TrainingResult<ReferenceNetwork> alone = TinyModel.trainer().epochs(2).build().fit(TRAIN);
    EpochStats last = alone.history().last();
    assertTrue(Double.isNaN(last.validationLoss()) && Double.isNaN(last.validationAccuracy()));
    ReferenceNetwork validated = TinyModel.trainer().epochs(2).build().fit(TRAIN, VALIDATION)
        .network();
    assertTrue(validated.parameters().bitEquals(alone.network().parameters()),
        "validating changes nothing that trains");
    assertEquals(TrainingEnd.Reason.COMPLETED, TinyModel.trainer().epochs(3)
        .earlyStopping(EarlyStopping.on(Metric.TRAINING_LOSS)).build().fit(TRAIN)
        .history().end().reason());
  }

  @Test
  void watchingAValidationMetricWithoutValidationDataIsRefusedWithTheReason() {
    var e = assertThrows(IllegalArgumentException.class, () -> TinyModel.trainer()
        .earlyStopping(EarlyStopping.on(Metric.VALIDATION_LOSS)).build().fit(TRAIN));
    assertEquals("early stopping watches validation loss, which needs validation data: pass a"
        + " validation set to fit, or watch Metric.TRAINING_LOSS", e.getMessage());
    var p = assertThrows(IllegalArgumentException.class, () -> TinyModel.trainer()
        .schedule(LearningRateSchedule.reduceOnPlateau(Metric.VALIDATION_ACCURACY).warmup(2))
        .build().fit(TRAIN));
    assertTrue(p.getMessage().startsWith("the schedule reduces the rate on plateaus of validation"
        + " accuracy, which needs validation data"), p.getMessage());
  }

  @Test
  void frozenLayersKeepTheirWeightsAtBuildTimeOrBetweenFits() {
    ReferenceNetwork start = TinyModel.network(5);
    float[] hidden = start.parameters().get("hidden.weight").values().clone();
    float[] out = start.parameters().get("out.weight").values().clone();
    Trainer<ReferenceNetwork> frozen = TinyModel.trainer().epochs(2).frozen("hidden").build();
    frozen.fit(start, TRAIN, VALIDATION);
    assertArrayEquals(hidden, start.parameters().get("hidden.weight").values());
    assertFalse(java.util.Arrays.equals(out, start.parameters().get("out.weight").values()));

    // Between fits: the same network, now with the output frozen and the hidden layer training.
    float[] outAfter = start.parameters().get("out.weight").values().clone();
    TinyModel.trainer().config(frozen.config().toBuilder().frozen("out").build()).build()
        .fit(start, TRAIN, VALIDATION);
    assertArrayEquals(outAfter, start.parameters().get("out.weight").values());
    assertFalse(java.util.Arrays.equals(hidden, start.parameters().get("hidden.weight").values()));

    var e = assertThrows(IllegalArgumentException.class,
        () -> TinyModel.trainer().frozen("hiden").build().fit(TRAIN, VALIDATION));
    assertEquals("frozen layer \"hiden\" is not a layer of Tiny with parameters; its layers are"
        + " [hidden, out]", e.getMessage());
  }
}
