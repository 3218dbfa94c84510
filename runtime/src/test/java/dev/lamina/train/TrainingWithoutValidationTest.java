package dev.lamina.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.data.Dataset;
import dev.lamina.ensemble.Bagging;
import dev.lamina.ensemble.Ensemble;
import dev.lamina.nn.ReferenceNetwork;
import dev.lamina.report.HistoryFiles;
import dev.lamina.report.LearningCurveChart;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validation data is optional everywhere a run goes: a run without it trains, checkpoints,
 * resumes bit for bit, tells its listeners, fills its history and draws its curves (no validation
 * figures, never a NullPointerException), and what cannot work without it is refused before the
 * network is even made, with the argument, the value and the fix.
 */
class TrainingWithoutValidationTest {
  private static final Dataset TRAIN = TinyModel.data(64, 1);

  @TempDir Path dir;

  @Test
  void aRunWithoutValidationGoesEndToEnd() throws Exception {
    ByteArrayOutputStream bar = new ByteArrayOutputStream();
    List<String> logged = new ArrayList<>();
    String name = "dev.lamina.test.without-validation";
    Logger logger = Logger.getLogger(name); // where System.getLogger(name) goes in a plain JVM
    logger.setUseParentHandlers(false);
    logger.addHandler(new Handler() {
      @Override
      public void publish(LogRecord r) {
        logged.add(r.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    });
    List<TrainingRun> runs = new ArrayList<>();
    AtomicInteger batches = new AtomicInteger();
    TrainingListener watcher = new TrainingListener() {
      @Override
      public void onTrainingStart(TrainingRun run) {
        runs.add(run);
      }

      @Override
      public void onBatch(int epoch, int batch, int count, double loss) {
        batches.incrementAndGet();
      }
    };
    Trainer<ReferenceNetwork> trainer = TinyModel.trainer().epochs(4)
        .earlyStopping(EarlyStopping.on(Metric.TRAINING_LOSS).patience(4))
        .schedule(LearningRateSchedule.reduceOnPlateau(Metric.TRAINING_LOSS))
        .checkpoints(Checkpoints.to(dir.resolve("ckpt")).keep(4))
        .listener(new ProgressBar(new PrintStream(bar, true, StandardCharsets.UTF_8), false))
        .listener(new TrainingLog(System.getLogger(name)))
        .listener(watcher)
        .build();
    TrainingResult<ReferenceNetwork> whole = trainer.fit(TRAIN);

    History history = whole.history();
    assertEquals(4, history.epochs().size());
    assertEquals(TrainingEnd.Reason.COMPLETED, history.end().reason());
    for (EpochStats e : history.epochs()) {
      assertTrue(Double.isNaN(e.validationLoss()) && Double.isNaN(e.validationAccuracy()));
      assertTrue(Double.isFinite(e.trainLoss()), "epoch " + e.epoch() + " trained");
    }
    assertEquals(1, runs.size());
    assertEquals(4 * 4, batches.get(), "64 samples in batches of 16, 4 epochs");
    String printed = bar.toString(StandardCharsets.UTF_8);
    assertEquals(4, printed.lines().filter(l -> l.startsWith("Epoch ")).count(), printed);
    assertFalse(printed.contains("NaN") || printed.contains("val "),
        "no validation figures to print:\n" + printed);
    assertEquals(4, logged.stream().filter(m -> m.startsWith("epoch ")).count(), "" + logged);
    assertTrue(logged.stream().noneMatch(m -> m.contains("NaN") || m.contains("validation")),
        "no validation figures to log: " + logged);
    assertTrue(history.toCsv().lines().skip(1).allMatch(l -> l.contains(",NaN,NaN,")),
        history.toCsv());
    assertTrue(history.toJson().contains("\"validation_loss\": null"), history.toJson());
    HistoryFiles.writeCsv(history, dir.resolve("history.csv"));
    HistoryFiles.writeJson(history, dir.resolve("history.json"));
    Path curves = dir.resolve("curves.png");
    LearningCurveChart.of(history).write(curves);
    assertTrue(Files.size(curves) > 0);

    // Resumed from epoch 2 without validation: the same bits as the run that never stopped.
    TrainingResult<ReferenceNetwork> resumed = TinyModel.trainer().epochs(4)
        .config(trainer.config()).build()
        .resume(trainer.config().checkpoints().file(2), TRAIN, null);
    assertTrue(resumed.network().parameters().bitEquals(whole.network().parameters()),
        "resumed without validation, bit for bit");
    assertEquals(history.toCsv().lines().map(l -> l.replaceAll(",[^,]*$", "")).toList(),
        resumed.history().toCsv().lines().map(l -> l.replaceAll(",[^,]*$", "")).toList(),
        "the same history but for the seconds");
  }

  @Test
  void whatNeedsValidationIsRefusedBeforeTheNetworkIsMade() throws Exception {
    AtomicInteger made = new AtomicInteger();
    Trainer<ReferenceNetwork> watching = Trainer.builder(seed -> {
      made.incrementAndGet();
      return TinyModel.network(seed);
    }).earlyStopping(EarlyStopping.on(Metric.VALIDATION_LOSS)).threads(1).build();
    String expected = "early stopping watches validation loss, which needs validation data: pass"
        + " a validation set to fit, or watch Metric.TRAINING_LOSS";
    assertEquals(expected,
        assertThrows(IllegalArgumentException.class, () -> watching.fit(TRAIN)).getMessage());
    assertEquals(expected, assertThrows(IllegalArgumentException.class,
        () -> watching.fit(TRAIN, null)).getMessage());
    assertEquals(expected, assertThrows(IllegalArgumentException.class,
        () -> watching.resume(dir.resolve("any.ckpt"), TRAIN, null)).getMessage());
    assertEquals(0, made.get(), "refused before a network was made");

    // A plateau schedule behind warm-ups watches a validation metric too.
    var plateau = assertThrows(IllegalArgumentException.class, () -> TinyModel.trainer()
        .schedule(LearningRateSchedule.reduceOnPlateau(Metric.VALIDATION_ACCURACY).warmup(1)
            .warmup(1))
        .build().fit(TRAIN));
    assertTrue(plateau.getMessage().startsWith("the schedule reduces the rate on plateaus of"
        + " validation accuracy, which needs validation data"), plateau.getMessage());
  }

  @Test
  void aPlateauBehindTwoWarmUpsIsWatchedAfterBoth() {
    // A metric that never improves after its first value: the rate halves after every epoch
    // from the second one watched, which is the fourth: the two warm-ups come first.
    Metric flat = Metric.minimize("flat", (stats, network) -> 1.0);
    History history = TinyModel.trainer().epochs(6)
        .schedule(LearningRateSchedule.reduceOnPlateau(flat).patience(0).factor(0.5)
            .warmup(1).warmup(1))
        .build().fit(TRAIN).history();
    assertEquals(List.of(0.01, 0.01, 0.1, 0.1, 0.05, 0.025), history.epochs().stream()
        .map(e -> Math.round(e.learningRate() * 1e6) / 1e6).toList());
  }

  @Test
  void baggingWithoutBootstrapOrValidationIsRefusedBeforeAnyMemberTrains() {
    Bagging<ReferenceNetwork> plain = Bagging.builder(TinyModel::network).members(2)
        .bootstrap(false).threads(1)
        .training(TinyModel.trainer().epochs(1).build().config()).build();
    var e = assertThrows(IllegalArgumentException.class, () -> plain.fit(TRAIN, null));
    assertEquals("validation must be given when bootstrap is off: without bootstrap there are no"
        + " out-of-bag samples to evaluate each epoch on; pass fit(train, validation), or turn"
        + " bootstrap on", e.getMessage());
    // With bootstrap, the members evaluate out of bag: no validation set needed.
    Ensemble<ReferenceNetwork> bagged = Bagging.builder(TinyModel::network).members(2)
        .threads(1).training(TinyModel.trainer().epochs(1).build().config()).build().fit(TRAIN);
    assertEquals(2, bagged.members().size());
  }
}
