package dev.lamina.train;

import java.util.Locale;
import java.util.Objects;

/**
 * Stops training when a metric has stopped improving, and by default gives back the weights of
 * its best epoch. Immutable; set it on the trainer:
 *
 * <pre>{@code
 * .earlyStopping(EarlyStopping.on(Metric.VALIDATION_LOSS).patience(5).minDelta(1e-3))
 * }</pre>
 *
 * <p>After each epoch the metric is measured. The <b>best epoch</b> is the one with the best value
 * so far (the earliest on ties); its weights are kept. An epoch <b>improves</b> when its value
 * beats the last improving epoch's value (at first: the baseline, if any) by more than {@code
 * minDelta}; every other epoch adds one to a count, and improving resets it. Training stops after
 * an epoch that does not improve once the count reaches {@code patience}, unless that epoch is
 * still in the warm-up. A NaN value never improves. When training ends for any reason — stopped
 * here, epochs used up, interrupted, a non-finite loss, an exception — the network gets the best
 * epoch's weights back, unless {@link #restoreBestWeights(boolean) told not to} (a non-finite
 * loss restores them regardless: the current weights are not numbers).
 *
 * @param metric what to watch, and whether lower or higher is better
 * @param patience epochs without improvement before stopping; 0 stops at the first
 * @param minDelta how much a value must beat the reference by to count as an improvement
 * @param warmup epochs at the start during which training never stops (they are still watched)
 * @param baseline the value the first improvement must beat, or NaN for none
 * @param restoreBestWeights whether the network ends with the best epoch's weights
 */
public record EarlyStopping(
    Metric metric, int patience, double minDelta, int warmup, double baseline,
    boolean restoreBestWeights) implements java.io.Serializable {

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException if patience, warm-up or minDelta is negative, minDelta is
   *     infinite, or the baseline is infinite
   */
  public EarlyStopping {
    Objects.requireNonNull(metric, "metric");
    if (patience < 0) {
      throw new IllegalArgumentException("patience must be >= 0, got " + patience
          + "; it is the number of epochs without improvement to wait before stopping");
    }
    if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
      throw new IllegalArgumentException("minDelta must be >= 0 and finite, got " + minDelta);
    }
    if (warmup < 0) {
      throw new IllegalArgumentException("warmup must be >= 0, got " + warmup);
    }
    if (Double.isInfinite(baseline)) {
      throw new IllegalArgumentException(
          "baseline must be finite, or NaN for none; got " + baseline);
    }
  }

  /**
   * Watches {@code metric} with patience 5, no minimum improvement, no warm-up, no baseline, and
   * restores the best weights.
   *
   * @param metric what to watch
   * @return the settings
   */
  public static EarlyStopping on(Metric metric) {
    return new EarlyStopping(metric, 5, 0, 0, Double.NaN, true);
  }

  /**
   * {@return a copy with another patience}
   *
   * @param patience epochs without improvement before stopping, ≥ 0
   */
  public EarlyStopping patience(int patience) {
    return new EarlyStopping(metric, patience, minDelta, warmup, baseline, restoreBestWeights);
  }

  /**
   * {@return a copy with another minimum improvement}
   *
   * @param minDelta the margin, in the metric's units, ≥ 0
   */
  public EarlyStopping minDelta(double minDelta) {
    return new EarlyStopping(metric, patience, minDelta, warmup, baseline, restoreBestWeights);
  }

  /**
   * {@return a copy with another warm-up}
   *
   * @param warmup epochs during which training never stops, ≥ 0
   */
  public EarlyStopping warmup(int warmup) {
    return new EarlyStopping(metric, patience, minDelta, warmup, baseline, restoreBestWeights);
  }

  /**
   * {@return a copy with a baseline}
   *
   * @param baseline the value the first improvement must beat; NaN for none
   */
  public EarlyStopping baseline(double baseline) {
    return new EarlyStopping(metric, patience, minDelta, warmup, baseline, restoreBestWeights);
  }

  /**
   * {@return a copy that does or does not restore the best weights}
   *
   * @param restore true to end with the best epoch's weights
   */
  public EarlyStopping restoreBestWeights(boolean restore) {
    return new EarlyStopping(metric, patience, minDelta, warmup, baseline, restore);
  }

  /**
   * A fresh watch for one training run.
   *
   * @return a watch with no value seen
   */
  public Watch start() {
    return new Watch(this);
  }

  /**
   * What one epoch's value meant. {@code message} says why when {@code stop} is true.
   *
   * @param best whether the value is the best so far (the weights to restore)
   * @param improved whether it beat the reference by more than minDelta (the wait starts over)
   * @param stop whether training should stop now
   * @param message why it stops; empty when it does not
   */
  public record Verdict(boolean best, boolean improved, boolean stop, String message) {}

  /** The state of one run: best value and epoch, the reference and the count of waiting epochs. */
  public static final class Watch {
    private final EarlyStopping settings;
    private final Metric metric;
    private double reference;
    private double bestValue = Double.NaN;
    private int bestEpoch;
    private int waiting;

    private Watch(EarlyStopping settings) {
      this.settings = settings;
      this.metric = settings.metric();
      boolean minimize = metric.goal() == Metric.Goal.MINIMIZE;
      this.reference = !Double.isNaN(settings.baseline()) ? settings.baseline()
          : minimize ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /**
     * Takes epoch {@code epoch}'s value (epochs count from 1, in order) and says what it means.
     *
     * @param epoch the epoch, from 1
     * @param value the metric's value at its end
     * @return whether it is the best, improved, and whether to stop
     */
    public Verdict observe(int epoch, double value) {
      boolean best = !Double.isNaN(value)
          && (bestEpoch == 0 || metric.better(value, bestValue, 0));
      if (best) {
        bestValue = value;
        bestEpoch = epoch;
      }
      boolean improved = metric.better(value, reference, settings.minDelta());
      if (improved) {
        reference = value;
        waiting = 0;
      } else {
        waiting++;
      }
      boolean stop = !improved && waiting >= settings.patience() && epoch > settings.warmup();
      return new Verdict(best, improved, stop, stop ? reason(epoch) : "");
    }

    private String reason(int epoch) {
      String by = settings.minDelta() > 0
          ? " by more than " + format(settings.minDelta()) : "";
      String target = waiting == epoch && !Double.isNaN(settings.baseline())
          ? "the baseline " + format(settings.baseline()) : "its best";
      String best = bestEpoch == 0 ? "no epoch gave a number"
          : "best " + format(bestValue) + " at epoch " + bestEpoch;
      return String.format(Locale.ROOT, "%s did not beat %s%s for %d epoch%s (%s)", metric.name(),
          target, by, waiting, waiting == 1 ? "" : "s", best);
    }

    /**
     * The epoch with the best value so far; 0 before any.
     *
     * @return the epoch, from 1, or 0
     */
    public int bestEpoch() {
      return bestEpoch;
    }

    /**
     * The best value so far; NaN before any.
     *
     * @return the value, or NaN
     */
    public double bestValue() {
      return bestValue;
    }

    /**
     * Epochs since the last improvement.
     *
     * @return the count, ≥ 0
     */
    public int waiting() {
      return waiting;
    }

    /** The value the next epoch must beat (by minDelta) to improve; for checkpoints. */
    double reference() {
      return reference;
    }

    /** Puts back the state a checkpoint saved. */
    void restore(double reference, double bestValue, int bestEpoch, int waiting) {
      this.reference = reference;
      this.bestValue = bestValue;
      this.bestEpoch = bestEpoch;
      this.waiting = waiting;
    }

    private static String format(double v) {
      return String.format(Locale.ROOT, "%.6g", v);
    }
  }
}
