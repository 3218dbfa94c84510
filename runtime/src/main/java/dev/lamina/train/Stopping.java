package dev.lamina.train;

import dev.lamina.nn.Network;
import java.util.Locale;

/**
 * Decides, for one training run, when it ends and which weights the network ends with. With
 * early stopping it watches the metric and keeps the best epoch's weights; without, every
 * completed epoch counts as the best so far, so that a non-finite loss can fall back to the last
 * good epoch's weights.
 */
final class Stopping {
  private final EarlyStopping settings;
  private final EarlyStopping.Watch watch;
  private final Network network;
  private final BestWeights best;
  private int lastEpoch;
  private int bestEpoch;
  private double bestValue = Double.NaN;

  /** {@code settings} may be null: no early stopping. */
  Stopping(EarlyStopping settings, Network network) {
    this.settings = settings;
    this.watch = settings == null ? null : settings.start();
    this.network = network;
    this.best = new BestWeights(network);
  }

  /**
   * For checkpoints: the numbers that decide when training stops (the kept weights are {@link
   * #best()}), as {@code name → value}; {@link #restore} puts them back.
   */
  java.util.Map<String, Double> numbers() {
    java.util.Map<String, Double> n = new java.util.LinkedHashMap<>();
    n.put("last_epoch", (double) lastEpoch);
    n.put("best_epoch", (double) bestEpoch);
    n.put("best_value", bestValue);
    if (watch != null) {
      n.put("watch_reference", watch.reference());
      n.put("watch_best_value", watch.bestValue());
      n.put("watch_best_epoch", (double) watch.bestEpoch());
      n.put("watch_waiting", (double) watch.waiting());
    }
    return n;
  }

  void restore(java.util.Map<String, Double> n) {
    lastEpoch = n.get("last_epoch").intValue();
    bestEpoch = n.get("best_epoch").intValue();
    bestValue = n.get("best_value");
    if (watch != null) {
      watch.restore(n.get("watch_reference"), n.get("watch_best_value"),
          n.get("watch_best_epoch").intValue(), n.get("watch_waiting").intValue());
    }
  }

  BestWeights best() {
    return best;
  }

  /** After a completed epoch: keeps its weights if it is the best; the end if training stops. */
  TrainingEnd afterEpoch(EpochStats stats, long steps, boolean last) {
    lastEpoch = stats.epoch();
    String message = "";
    boolean stop = false;
    if (watch == null) {
      best.keep();
      bestEpoch = stats.epoch();
    } else {
      EarlyStopping.Verdict verdict =
          watch.observe(stats.epoch(), settings.metric().measure().measure(stats, network));
      if (verdict.best()) {
        best.keep();
        bestEpoch = watch.bestEpoch();
        bestValue = watch.bestValue();
      }
      stop = verdict.stop();
      message = verdict.message();
    }
    if (stop) {
      return end(TrainingEnd.Reason.EARLY_STOPPED, stats.epoch(), steps, restoreOnEnd(), message);
    }
    if (last) {
      return end(TrainingEnd.Reason.COMPLETED, stats.epoch(), steps, restoreOnEnd(),
          "all " + stats.epoch() + " epochs ran");
    }
    return null;
  }

  /** A batch's loss was NaN or infinite: always falls back to the best weights. */
  TrainingEnd nonFiniteLoss(int epoch, int batch, int batches, long steps, double loss) {
    String message = String.format(Locale.ROOT,
        "the training loss was %s at epoch %d, step %d (batch %d of %d); the network has the "
            + "weights of %s", loss, epoch, steps, batch, batches,
        bestEpoch == 0 ? "before training" : "epoch " + bestEpoch);
    return end(TrainingEnd.Reason.NON_FINITE_LOSS, epoch, steps, true, message);
  }

  /**
   * A weight (or a running statistic) was NaN or infinite after the last batch of {@code epoch},
   * though every loss was finite: falls back to the best weights, as for a non-finite loss.
   */
  TrainingEnd nonFiniteWeights(int epoch, int batches, long steps, String value) {
    String message = String.format(Locale.ROOT,
        "a weight was not finite at the end of epoch %d, step %d (batch %d of %d): %s; the"
            + " network has the weights of %s", epoch, steps, batches, batches, value,
        bestEpoch == 0 ? "before training" : "epoch " + bestEpoch);
    return end(TrainingEnd.Reason.NON_FINITE_WEIGHTS, epoch, steps, true, message);
  }

  /** The training thread was interrupted before a step of {@code epoch}. */
  TrainingEnd interrupted(int epoch, long steps) {
    return end(TrainingEnd.Reason.INTERRUPTED, epoch, steps, restoreOnEnd(),
        "interrupted in epoch " + epoch + " after " + steps + " steps");
  }

  /** A listener asked to stop, during or at the end of {@code epoch}. */
  TrainingEnd stopped(int epoch, long steps, String reason) {
    return end(TrainingEnd.Reason.STOPPED, epoch, steps, restoreOnEnd(), reason);
  }

  /** Training failed with an exception: gives the best weights back if early stopping says so. */
  void failed() {
    if (restoreOnEnd()) {
      best.restore();
    }
  }

  /** Whether a normal end restores: asked for, and some epoch gave the metric a number. */
  private boolean restoreOnEnd() {
    return settings != null && settings.restoreBestWeights() && bestEpoch > 0;
  }

  private TrainingEnd end(TrainingEnd.Reason reason, int epoch, long steps, boolean restore,
      String message) {
    if (restore) {
      best.restore();
    }
    return new TrainingEnd(reason, Math.max(epoch, lastEpoch), steps, bestEpoch,
        settings == null ? "none" : settings.metric().name(), bestValue, restore, message);
  }
}
