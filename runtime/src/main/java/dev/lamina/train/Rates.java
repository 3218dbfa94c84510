package dev.lamina.train;

import dev.lamina.nn.Network;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The learning rate of one run: what the {@link LearningRateSchedule} gives for each step, and,
 * when the schedule reduces on plateaus, the state of that watch (PyTorch's {@code
 * ReduceLROnPlateau.step}), which checkpoints save.
 */
final class Rates {
  private final LearningRateSchedule schedule;
  private final double base;
  private final int epochs;
  private final int steps;
  private final LearningRateSchedule.ReduceOnPlateau plateau;
  /** Epochs of warm-up before the plateau watch starts. */
  private final int plateauAfter;
  private double reducedBase;
  private double best;
  private int badEpochs;
  private int cooldownLeft;

  Rates(LearningRateSchedule schedule, double base, int epochs, int steps) {
    this.schedule = schedule;
    this.base = base;
    this.epochs = epochs;
    this.steps = steps;
    int warmup = 0;
    for (LearningRateSchedule s = schedule; s instanceof LearningRateSchedule.Warmup w;
        s = w.then()) {
      warmup += w.epochs();
    }
    this.plateau = plateauOf(schedule);
    this.plateauAfter = warmup;
    this.reducedBase = base;
    this.best = plateau == null || plateau.metric().goal() == Metric.Goal.MINIMIZE
        ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
  }

  /** The reduce-on-plateau schedule behind {@code schedule}'s warm-ups, if that is what it is. */
  static LearningRateSchedule.ReduceOnPlateau plateauOf(LearningRateSchedule schedule) {
    LearningRateSchedule inner = schedule;
    while (inner instanceof LearningRateSchedule.Warmup w) {
      inner = w.then();
    }
    return inner instanceof LearningRateSchedule.ReduceOnPlateau p ? p : null;
  }

  /** Whether the rate ever differs from the optimizer's own. */
  boolean varies() {
    return !(schedule instanceof LearningRateSchedule.Constant);
  }

  boolean perStep() {
    return schedule.perStep();
  }

  /** The rate of step {@code step} (from 0) of epoch {@code epoch} (from 1). */
  double rate(int epoch, int step) {
    return schedule.rate(reducedBase, epoch - 1, step, steps, epochs);
  }

  /** After epoch {@code stats.epoch()}: reduce-on-plateau watches its metric. */
  void epochEnded(EpochStats stats, Network network) {
    if (plateau == null || stats.epoch() <= plateauAfter) {
      return;
    }
    double current = plateau.metric().measure().measure(stats, network);
    if (better(current)) {
      best = current;
      badEpochs = 0;
    } else {
      badEpochs++;
    }
    if (cooldownLeft > 0) {
      cooldownLeft--;
      badEpochs = 0;
    }
    if (badEpochs > plateau.patience()) {
      double reduced = Math.max(reducedBase * plateau.factor(), plateau.minRate());
      if (reducedBase - reduced > 1e-8) {
        reducedBase = reduced;
      }
      cooldownLeft = plateau.cooldown();
      badEpochs = 0;
    }
  }

  /** PyTorch's relative threshold: better by a factor of (1 ∓ threshold); NaN never is. */
  private boolean better(double value) {
    return plateau.metric().goal() == Metric.Goal.MINIMIZE
        ? value < best * (1 - plateau.threshold())
        : value > best * (1 + plateau.threshold());
  }

  /** For checkpoints: the plateau watch's state; none without one. */
  Map<String, Double> numbers() {
    Map<String, Double> n = new LinkedHashMap<>();
    if (plateau == null) {
      return n;
    }
    n.put("rate_base", reducedBase);
    n.put("rate_best", best);
    n.put("rate_bad_epochs", (double) badEpochs);
    n.put("rate_cooldown_left", (double) cooldownLeft);
    return n;
  }

  void restore(Map<String, Double> n) {
    if (plateau == null) {
      return;
    }
    reducedBase = n.get("rate_base");
    best = n.get("rate_best");
    badEpochs = n.get("rate_bad_epochs").intValue();
    cooldownLeft = n.get("rate_cooldown_left").intValue();
  }

  double base() {
    return base;
  }
}
