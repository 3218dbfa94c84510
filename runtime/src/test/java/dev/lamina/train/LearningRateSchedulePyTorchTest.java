package dev.lamina.train;

import static dev.lamina.testing.NumericAssertions.assertClose;

import dev.lamina.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every schedule against PyTorch's scheduler of the same name, step by step, on the committed
 * fixture (scripts/training_fixtures.py): SGD at lr 0.1, one scheduler step per epoch (one-cycle:
 * per batch), reduce-on-plateau fed a fixed sequence of metric values. The rates go through the
 * trainer's own {@link Rates}, as a run uses them.
 */
class LearningRateSchedulePyTorchTest {
  private static final double ABS = 1e-12;
  private static final double REL = 1e-9;

  @Test
  void everyScheduleMatchesPyTorchStepByStep() {
    Fixtures.Node fixture = Fixtures.load("schedules");
    double base = fixture.get("base").doubleValue();
    List<Fixtures.Node> runs = fixture.get("schedules").elements();
    for (Fixtures.Node run : runs) {
      LearningRateSchedule schedule = schedule(run);
      int epochs = run.get("epochs").intValue();
      int steps = run.get("steps").intValue();
      double[] expected = run.get("rates").doubles();
      double[] actual = new double[expected.length];
      Rates rates = new Rates(schedule, base, epochs, steps);
      double[] metrics = run.value() instanceof java.util.Map<?, ?> m && m.containsKey("metrics")
          ? run.get("metrics").doubles() : null;
      for (int e = 1, k = 0; e <= epochs; e++) {
        for (int s = 0; s < steps; s++) {
          actual[k++] = rates.rate(e, s);
        }
        if (metrics != null) {
          double value = metrics[e - 1];
          rates.epochEnded(new EpochStats(e, Double.NaN, Double.NaN, value, value, 1, 1), null);
        }
      }
      var diff = assertClose(schedule + " (" + run.path() + ")", expected, actual, ABS, REL);
      System.out.printf("%s vs torch over %d steps: max |diff| %.3g%n", schedule,
          expected.length, diff.maxAbs());
    }
  }

  static LearningRateSchedule schedule(Fixtures.Node run) {
    return switch (run.get("type").string()) {
      case "constant" -> LearningRateSchedule.CONSTANT;
      case "step" -> LearningRateSchedule.step(run.get("step_size").intValue(),
          run.get("gamma").doubleValue());
      case "exponential" -> LearningRateSchedule.exponential(run.get("gamma").doubleValue());
      case "cosine" -> LearningRateSchedule.cosine(run.get("period").intValue())
          .minRate(run.get("min_rate").doubleValue());
      case "cosine_restarts" -> LearningRateSchedule.cosineWithRestarts(
              run.get("period").intValue(), run.get("multiplier").intValue())
          .minRate(run.get("min_rate").doubleValue());
      case "warmup" -> schedule(run.get("then")).warmup(run.get("warmup_epochs").intValue(),
          run.get("start_factor").doubleValue());
      case "one_cycle" -> LearningRateSchedule.oneCycle(run.get("warmup_fraction").doubleValue());
      case "plateau" -> LearningRateSchedule.reduceOnPlateau(
              run.get("metric").string().equals("VALIDATION_LOSS")
                  ? Metric.VALIDATION_LOSS : Metric.VALIDATION_ACCURACY)
          .factor(run.get("factor").doubleValue()).patience(run.get("patience").intValue())
          .threshold(run.get("threshold").doubleValue()).cooldown(run.get("cooldown").intValue())
          .minRate(run.get("min_rate").doubleValue());
      default -> throw new AssertionError("unknown schedule in " + run.path());
    };
  }
}
