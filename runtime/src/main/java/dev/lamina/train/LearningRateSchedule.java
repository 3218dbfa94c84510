package dev.lamina.train;

import java.io.Serializable;
import java.util.Objects;

/**
 * How the learning rate changes during a run, as a multiple of the optimizer's own rate (the
 * base). Each is PyTorch's scheduler of the same name, stepped the way PyTorch's examples step it
 * (once per epoch; one-cycle once per batch), and checked against it step by step ({@code
 * LearningRateSchedulePyTorchTest}). Immutable and serializable: it is part of a {@link
 * TrainingConfig}.
 *
 * <pre>{@code
 * .schedule(LearningRateSchedule.cosine(30).warmup(2))   // 2 epochs from 0.1·lr up, then cosine
 * }</pre>
 *
 * <p>Epochs count from 0 here, as PyTorch's {@code last_epoch} does: the first epoch trains at
 * {@code rate(0)}. The rate each epoch started with is in the {@link History} and on the learning
 * curves.
 */
public sealed interface LearningRateSchedule extends Serializable {
  /** The optimizer's rate, unchanged: the default. */
  LearningRateSchedule CONSTANT = new Constant();

  /**
   * The rate at step {@code step} of epoch {@code epoch} (both from 0) of a run of {@code epochs}
   * epochs of {@code steps} steps each, for a base rate {@code base}.
   *
   * @param base the optimizer's rate (for reduce-on-plateau, as plateaus so far have cut it)
   * @param epoch the epoch, from 0
   * @param step the step within the epoch, from 0
   * @param steps the steps per epoch
   * @param epochs the run's epochs
   * @return the rate, ≥ 0
   */
  double rate(double base, int epoch, int step, int steps, int epochs);

  /**
   * Whether the rate may change within an epoch (one-cycle): then it is set before every step.
   *
   * @return true for one-cycle; false for per-epoch schedules
   */
  default boolean perStep() {
    return false;
  }

  /**
   * Whether the rates depend on the run's number of epochs (one-cycle spans the whole run).
   *
   * @return true for one-cycle (and a warm-up before it)
   */
  default boolean spansRun() {
    return false;
  }

  /**
   * This schedule after {@code epochs} epochs of linear warm-up from 0.1 × its first rate.
   *
   * @param epochs the warm-up's length, > 0
   * @return the warm-up followed by this schedule
   */
  default LearningRateSchedule warmup(int epochs) {
    return new Warmup(epochs, 0.1, this);
  }

  /**
   * This schedule after {@code epochs} epochs of linear warm-up from {@code startFactor} × it.
   *
   * @param epochs the warm-up's length, > 0
   * @param startFactor the first epoch's factor, in (0, 1]
   * @return the warm-up followed by this schedule
   */
  default LearningRateSchedule warmup(int epochs, double startFactor) {
    return new Warmup(epochs, startFactor, this);
  }

  /**
   * PyTorch's {@code StepLR}: the rate times {@code gamma} every {@code stepSize} epochs.
   *
   * @param stepSize epochs between drops, > 0
   * @param gamma the factor per drop, in (0, 1]
   * @return the schedule
   */
  static LearningRateSchedule step(int stepSize, double gamma) {
    return new Step(stepSize, gamma);
  }

  /**
   * PyTorch's {@code ExponentialLR}: the rate times {@code gamma} every epoch.
   *
   * @param gamma the factor per epoch, in (0, 1]
   * @return the schedule
   */
  static LearningRateSchedule exponential(double gamma) {
    return new Exponential(gamma);
  }

  /**
   * PyTorch's {@code CosineAnnealingLR(T_max = epochs, eta_min = 0)}: half a cosine from the base
   * rate down to 0 over {@code epochs} epochs.
   *
   * @param epochs T, > 0
   * @return the schedule; {@link Cosine#minRate} sets the floor
   */
  static Cosine cosine(int epochs) {
    return new Cosine(epochs, 0, false, 1);
  }

  /**
   * PyTorch's {@code CosineAnnealingWarmRestarts(T_0 = period, T_mult = periodMultiplier)}: half a
   * cosine down over {@code period} epochs, then back to the base rate, each period {@code
   * periodMultiplier} times the one before.
   *
   * @param period the first period, in epochs, > 0
   * @param periodMultiplier each period's length relative to the one before, > 0
   * @return the schedule
   */
  static Cosine cosineWithRestarts(int period, int periodMultiplier) {
    return new Cosine(period, 0, true, periodMultiplier);
  }

  /**
   * PyTorch's {@code OneCycleLR(max_lr = base, total_steps = every step of the run, pct_start,
   * anneal_strategy = 'cos', cycle_momentum = False, div_factor = 25, final_div_factor = 1e4)}:
   * from base/25 up to the base over the first {@code warmupFraction} of the steps, then down to
   * base/25/1e4 along a cosine. Set once per batch; momentum is left alone.
   *
   * @param warmupFraction the share of steps spent rising, in (0, 1); 0.3 is PyTorch's
   * @return the schedule
   */
  static LearningRateSchedule oneCycle(double warmupFraction) {
    return new OneCycle(warmupFraction, 25, 1e4);
  }

  /**
   * PyTorch's {@code ReduceLROnPlateau}: watches {@code metric} after every epoch and multiplies
   * the rate by 0.1 when it has not improved (relatively, by 1e-4) for 10 epochs; change the
   * numbers with the record's methods.
   *
   * @param metric what is watched after each epoch
   * @return the schedule
   */
  static ReduceOnPlateau reduceOnPlateau(Metric metric) {
    return new ReduceOnPlateau(metric, 0.1, 10, 1e-4, 0, 0);
  }

  /** The base rate throughout. */
  record Constant() implements LearningRateSchedule {
    @Override
    public double rate(double base, int epoch, int step, int steps, int epochs) {
      return base;
    }

    @Override
    public String toString() {
      return "constant";
    }
  }

  /**
   * {@code base · gamma^⌊epoch / stepSize⌋}.
   *
   * @param stepSize epochs between drops, > 0
   * @param gamma the factor per drop, in (0, 1]
   */
  record Step(int stepSize, double gamma) implements LearningRateSchedule {
    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException if stepSize is not positive or gamma is outside (0, 1]
     */
    public Step {
      requirePositive("stepSize", stepSize);
      requireFactor("gamma", gamma);
    }

    @Override
    public double rate(double base, int epoch, int step, int steps, int epochs) {
      return base * Math.pow(gamma, epoch / stepSize);
    }
  }

  /**
   * {@code base · gamma^epoch}.
   *
   * @param gamma the factor per epoch, in (0, 1]
   */
  record Exponential(double gamma) implements LearningRateSchedule {
    /**
     * Checks the factor.
     *
     * @throws IllegalArgumentException if gamma is outside (0, 1]
     */
    public Exponential {
      requireFactor("gamma", gamma);
    }

    @Override
    public double rate(double base, int epoch, int step, int steps, int epochs) {
      return base * Math.pow(gamma, epoch);
    }
  }

  /**
   * {@code minRate + (base − minRate)·(1 + cos(π·t/T))/2}, where t counts epochs since the last
   * restart and T is the current period; without restarts t is the epoch and T the period.
   *
   * @param period T, the first period in epochs, > 0
   * @param minRate the rate at the bottom of the cosine, ≥ 0
   * @param restarts whether the rate jumps back to the base after each period
   * @param periodMultiplier each period's length relative to the one before, > 0
   */
  record Cosine(int period, double minRate, boolean restarts, int periodMultiplier)
      implements LearningRateSchedule {
    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException if the period or multiplier is not positive, or minRate is
     *     negative or infinite
     */
    public Cosine {
      requirePositive("period", period);
      requirePositive("periodMultiplier", periodMultiplier);
      if (!(minRate >= 0) || Double.isInfinite(minRate)) {
        throw new IllegalArgumentException("minRate must be >= 0 and finite, got " + minRate);
      }
    }

    /**
     * The rate it anneals to (PyTorch's {@code eta_min}). Default 0.
     *
     * @param minRate the floor, ≥ 0
     * @return a copy with that floor
     */
    public Cosine minRate(double minRate) {
      return new Cosine(period, minRate, restarts, periodMultiplier);
    }

    @Override
    public double rate(double base, int epoch, int step, int steps, int epochs) {
      long t = epoch;
      long length = period;
      if (restarts) {
        while (t >= length) {
          t -= length;
          length *= periodMultiplier;
        }
      }
      return minRate + (base - minRate) * (1 + Math.cos(Math.PI * t / length)) / 2;
    }
  }

  /**
   * PyTorch's {@code SequentialLR([LinearLR(startFactor, 1, total_iters = epochs), then],
   * milestones = [epochs])}: the factor rises linearly from {@code startFactor} to 1 over {@code
   * epochs} epochs, times {@code then}'s first rate; after that, {@code then} runs as if it started
   * there.
   *
   * @param epochs the warm-up's length, > 0
   * @param startFactor the first epoch's factor, in (0, 1]
   * @param then the schedule after the warm-up
   */
  record Warmup(int epochs, double startFactor, LearningRateSchedule then)
      implements LearningRateSchedule {
    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException if epochs is not positive or startFactor is outside (0, 1]
     */
    public Warmup {
      requirePositive("epochs", epochs);
      if (!(startFactor > 0 && startFactor <= 1)) {
        throw new IllegalArgumentException("startFactor must be in (0, 1], got " + startFactor
            + "; the first warm-up epoch trains at startFactor × the rate, e.g. 0.1");
      }
      Objects.requireNonNull(then, "then");
    }

    @Override
    public double rate(double base, int epoch, int step, int steps, int total) {
      if (epoch >= epochs) {
        return then.rate(base, epoch - epochs, step, steps, Math.max(1, total - epochs));
      }
      double factor = startFactor + (1 - startFactor) * epoch / epochs;
      return base * factor;
    }

    @Override
    public boolean perStep() {
      return then.perStep();
    }

    @Override
    public boolean spansRun() {
      return then.spansRun();
    }
  }

  /**
   * See {@link #oneCycle}.
   *
   * @param warmupFraction the share of the run's steps spent rising, in (0, 1)
   * @param divFactor the first rate is base / divFactor, ≥ 1
   * @param finalDivFactor the last rate is base / divFactor / finalDivFactor, ≥ 1
   */
  record OneCycle(double warmupFraction, double divFactor, double finalDivFactor)
      implements LearningRateSchedule {
    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException if warmupFraction is outside (0, 1) or a divisor is below 1
     */
    public OneCycle {
      if (!(warmupFraction > 0 && warmupFraction < 1)) {
        throw new IllegalArgumentException("warmupFraction must be in (0, 1), got "
            + warmupFraction + "; it is the part of the steps spent rising, e.g. 0.3");
      }
      if (!(divFactor >= 1) || !(finalDivFactor >= 1)) {
        throw new IllegalArgumentException("divFactor and finalDivFactor must be >= 1, got "
            + divFactor + " and " + finalDivFactor);
      }
    }

    @Override
    public double rate(double base, int epoch, int step, int steps, int epochs) {
      double initial = base / divFactor;
      double last = initial / finalDivFactor;
      long total = (long) steps * epochs;
      long now = (long) epoch * steps + step;
      double upEnd = warmupFraction * total - 1;
      double downEnd = total - 1;
      if (now <= upEnd) {
        return anneal(initial, base, now / upEnd);
      }
      return anneal(base, last, Math.min(1, (now - upEnd) / (downEnd - upEnd)));
    }

    @Override
    public boolean perStep() {
      return true;
    }

    @Override
    public boolean spansRun() {
      return true;
    }

    /** PyTorch's {@code _annealing_cos}. */
    private static double anneal(double start, double end, double fraction) {
      return end + (start - end) / 2.0 * (Math.cos(Math.PI * fraction) + 1);
    }
  }

  /**
   * See {@link #reduceOnPlateau}: PyTorch's {@code ReduceLROnPlateau(mode, factor, patience,
   * threshold, threshold_mode = 'rel', cooldown, min_lr)}, the mode taken from the metric's goal.
   * The epoch after the rate changes trains at the new rate.
   *
   * @param metric what is watched after each epoch, and whether lower or higher is better
   * @param factor what the rate is multiplied by on a plateau, in (0, 1)
   * @param patience epochs without improvement before the rate drops, ≥ 0
   * @param threshold the relative improvement that counts, ≥ 0
   * @param cooldown epochs after a drop during which no plateau is counted, ≥ 0
   * @param minRate the rate never drops below this, ≥ 0
   */
  record ReduceOnPlateau(Metric metric, double factor, int patience, double threshold,
      int cooldown, double minRate) implements LearningRateSchedule {
    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException if factor is outside (0, 1), or a count, the threshold or
     *     minRate is negative
     */
    public ReduceOnPlateau {
      Objects.requireNonNull(metric, "metric");
      if (!(factor > 0 && factor < 1)) {
        throw new IllegalArgumentException("factor must be in (0, 1), got " + factor);
      }
      if (patience < 0 || cooldown < 0) {
        throw new IllegalArgumentException("patience and cooldown must be >= 0, got " + patience
            + " and " + cooldown);
      }
      if (!(threshold >= 0) || !(minRate >= 0)) {
        throw new IllegalArgumentException("threshold and minRate must be >= 0, got "
            + threshold + " and " + minRate);
      }
    }

    /**
     * {@return a copy with another factor}
     *
     * @param factor the factor per plateau, in (0, 1); 0.1 by default
     */
    public ReduceOnPlateau factor(double factor) {
      return new ReduceOnPlateau(metric, factor, patience, threshold, cooldown, minRate);
    }

    /**
     * {@return a copy with another patience}
     *
     * @param patience epochs without improvement, ≥ 0; 10 by default
     */
    public ReduceOnPlateau patience(int patience) {
      return new ReduceOnPlateau(metric, factor, patience, threshold, cooldown, minRate);
    }

    /**
     * {@return a copy with another threshold}
     *
     * @param threshold the relative improvement that counts, ≥ 0; 1e-4 by default
     */
    public ReduceOnPlateau threshold(double threshold) {
      return new ReduceOnPlateau(metric, factor, patience, threshold, cooldown, minRate);
    }

    /**
     * {@return a copy with another cooldown}
     *
     * @param cooldown epochs after a drop before plateaus count again, ≥ 0; 0 by default
     */
    public ReduceOnPlateau cooldown(int cooldown) {
      return new ReduceOnPlateau(metric, factor, patience, threshold, cooldown, minRate);
    }

    /**
     * {@return a copy with another floor}
     *
     * @param minRate the lowest rate, ≥ 0; 0 by default
     */
    public ReduceOnPlateau minRate(double minRate) {
      return new ReduceOnPlateau(metric, factor, patience, threshold, cooldown, minRate);
    }

    /** The trainer passes what the plateaus so far have made of the base as {@code base}. */
    @Override
    public double rate(double base, int epoch, int step, int steps, int epochs) {
      return base;
    }
  }

  private static void requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, got " + value);
    }
  }

  private static void requireFactor(String name, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1], got " + value
          + "; the rate is multiplied by it, e.g. 0.1");
    }
  }
}
