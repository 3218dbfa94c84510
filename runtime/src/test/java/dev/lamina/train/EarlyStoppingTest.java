package dev.lamina.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Early stopping's decisions on scripted metric sequences. */
class EarlyStoppingTest {
  private static final Metric LOSS = Metric.VALIDATION_LOSS;
  private static final Metric ACCURACY = Metric.VALIDATION_ACCURACY;

  /** Runs a watch over {@code values} (epochs 1, 2, ...) and returns where it stopped, 0 if never. */
  private static Outcome run(EarlyStopping settings, double... values) {
    EarlyStopping.Watch watch = settings.start();
    for (int e = 1; e <= values.length; e++) {
      EarlyStopping.Verdict v = watch.observe(e, values[e - 1]);
      if (v.stop()) {
        return new Outcome(e, watch.bestEpoch(), v.message());
      }
    }
    return new Outcome(0, watch.bestEpoch(), "");
  }

  record Outcome(int stopEpoch, int bestEpoch, String message) {}

  @Test
  void plateauStopsAfterPatienceEpochs() {
    Outcome o = run(EarlyStopping.on(LOSS).patience(3), 1.0, 0.8, 0.7, 0.7, 0.7, 0.7, 0.6);
    assertEquals(6, o.stopEpoch());
    assertEquals(3, o.bestEpoch(), "ties keep the earlier epoch");
    assertEquals("validation loss did not beat its best for 3 epochs (best 0.700000 at epoch 3)",
        o.message());
  }

  @Test
  void noisyImprovementsResetThePatienceCount() {
    Outcome o = run(EarlyStopping.on(LOSS).patience(3),
        1.0, 0.9, 0.95, 0.85, 0.9, 0.86, 0.84, 0.9, 0.9, 0.9, 0.8);
    // Improvements at 1, 2, 4 and 7, each resetting the count; after 7 three epochs without.
    assertEquals(10, o.stopEpoch());
    assertEquals(7, o.bestEpoch());
  }

  @Test
  void improvementsJustUnderMinDeltaDoNotCountButTheBestIsStillKept() {
    // Each epoch is at most 0.009 below epoch 1: under minDelta 0.01, so none counts as an
    // improvement, yet the best epoch (whose weights are restored) is the lowest value.
    Outcome o = run(EarlyStopping.on(LOSS).patience(3).minDelta(0.01), 1.0, 0.993, 0.991, 0.992);
    assertEquals(4, o.stopEpoch());
    assertEquals(3, o.bestEpoch());
    assertTrue(o.message().contains("by more than 0.0100000 for 3 epochs"), o.message());
  }

  @Test
  void anImprovementOfExactlyMinDeltaDoesNotCount() {
    // Binary fractions, so the differences are exact: 1 − 0.75 = 0.25 is not more than 0.25.
    assertEquals(2, run(EarlyStopping.on(LOSS).patience(1).minDelta(0.25), 1.0, 0.75).stopEpoch());
    assertEquals(0, run(EarlyStopping.on(LOSS).patience(1).minDelta(0.25), 1.0, 0.5).stopEpoch());
  }

  @Test
  void smallImprovementsCountOnceTheyAddUpToMinDelta() {
    // The reference is the last improving value (1.0), so creeping by 0.004 counts at the third.
    Outcome o = run(EarlyStopping.on(LOSS).patience(3).minDelta(0.01), 1.0, 0.996, 0.992, 0.988,
        0.988, 0.988, 0.988);
    assertEquals(7, o.stopEpoch(), "epoch 4 improved on epoch 1 by 0.012");
  }

  @Test
  void accuracyIsMaximizedNotMinimized() {
    double[] accuracy = {0.50, 0.60, 0.55, 0.58, 0.59};
    Outcome o = run(EarlyStopping.on(ACCURACY).patience(3), accuracy);
    assertEquals(5, o.stopEpoch());
    assertEquals(2, o.bestEpoch(), "0.60 is the best accuracy");
    // The same numbers read as a loss would have stopped at once and kept epoch 1.
    assertEquals(1, run(EarlyStopping.on(LOSS).patience(3), accuracy).bestEpoch());
  }

  @Test
  void userMetricsCarryTheirDirection() {
    Metric f1 = Metric.maximize("F1", (stats, network) -> 0);
    Metric error = Metric.minimize("error rate", (stats, network) -> 0);
    assertEquals(Metric.Goal.MAXIMIZE, f1.goal());
    assertEquals(3, run(EarlyStopping.on(f1).patience(1), 0.1, 0.2, 0.3, 0.1).bestEpoch());
    assertEquals(1, run(EarlyStopping.on(error).patience(1), 0.1, 0.2, 0.3, 0.1).bestEpoch());
  }

  @Test
  void noStopDuringWarmup() {
    // Worse every epoch after the first; patience 1 would stop at epoch 2 without the warm-up.
    assertEquals(2, run(EarlyStopping.on(LOSS).patience(1), 1.0, 1.1, 1.2, 1.3, 1.4).stopEpoch());
    Outcome o = run(EarlyStopping.on(LOSS).patience(1).warmup(3), 1.0, 1.1, 1.2, 1.3, 1.4);
    assertEquals(4, o.stopEpoch());
    assertEquals(1, o.bestEpoch(), "warm-up epochs are still watched");
  }

  @Test
  void aBaselineMustBeBeatenToCountAsImprovement() {
    Outcome o = run(EarlyStopping.on(LOSS).patience(2).baseline(0.5), 0.9, 0.8, 0.7, 0.4);
    assertEquals(2, o.stopEpoch());
    assertEquals(2, o.bestEpoch(), "the best epoch is still known");
    assertEquals("validation loss did not beat the baseline 0.500000 for 2 epochs (best 0.800000 at epoch 2)",
        o.message());
    assertEquals(0, run(EarlyStopping.on(LOSS).patience(2).baseline(0.95), 0.9, 0.8, 0.7, 0.4).stopEpoch());
  }

  @Test
  void nanNeverImprovesNorBecomesBest() {
    Outcome o = run(EarlyStopping.on(LOSS).patience(2), Double.NaN, 1.0, Double.NaN, Double.NaN);
    assertEquals(4, o.stopEpoch());
    assertEquals(2, o.bestEpoch());
    assertEquals(0, run(EarlyStopping.on(LOSS).patience(5), Double.NaN, Double.NaN).bestEpoch());
  }

  @Test
  void patienceZeroStopsAtTheFirstEpochThatDoesNotImprove() {
    EarlyStopping.Watch watch = EarlyStopping.on(LOSS).patience(0).start();
    assertFalse(watch.observe(1, 1.0).stop(), "an improving epoch never stops");
    assertFalse(watch.observe(2, 0.9).stop());
    assertTrue(watch.observe(3, 0.95).stop());
  }

  @Test
  void verdictsSayWhichEpochsAreBestAndWhichImproved() {
    EarlyStopping.Watch watch = EarlyStopping.on(LOSS).patience(9).minDelta(0.1).start();
    assertEquals(new EarlyStopping.Verdict(true, true, false, ""), watch.observe(1, 1.0));
    assertEquals(new EarlyStopping.Verdict(true, false, false, ""), watch.observe(2, 0.95));
    assertEquals(new EarlyStopping.Verdict(false, false, false, ""), watch.observe(3, 0.97));
    assertEquals(2, watch.waiting());
    assertEquals(new EarlyStopping.Verdict(true, true, false, ""), watch.observe(4, 0.85));
    assertEquals(0, watch.waiting());
  }

  @Test
  void badSettingsNameTheArgumentAndValue() {
    var e = assertThrows(IllegalArgumentException.class, () -> EarlyStopping.on(LOSS).patience(-1));
    assertTrue(e.getMessage().startsWith("patience must be >= 0, got -1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> EarlyStopping.on(LOSS).minDelta(-0.1));
    assertEquals("minDelta must be >= 0 and finite, got -0.1", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> EarlyStopping.on(LOSS).warmup(-2));
    assertEquals("warmup must be >= 0, got -2", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> EarlyStopping.on(LOSS).baseline(Double.NEGATIVE_INFINITY));
    assertEquals("baseline must be finite, or NaN for none; got -Infinity", e.getMessage());
    assertThrows(NullPointerException.class, () -> EarlyStopping.on(null));
  }
}
