package dev.lamina.train;

import dev.lamina.augment.AugmentedBatches;
import dev.lamina.data.Dataset;
import dev.lamina.internal.TrainingStep;
import dev.lamina.internal.parallel.Team;
import dev.lamina.nn.Evaluation;
import dev.lamina.nn.Seeds;
import java.util.function.IntFunction;

/**
 * The mini-batches of one training run, an epoch at a time: each epoch visits the training
 * samples in its own order, one {@link TrainingStep} per batch, with the weights perturbed before
 * each step when there is weight noise and the rows taken from the augmented batches when there
 * are some. It counts the run's steps, which seed each step's dropout masks and noise, so a run
 * resumed at a step goes on as if it had never stopped.
 */
final class BatchLoop {
  private final Dataset train;
  private final int rowsPerBatch;
  private final int batches;
  private final IntFunction<int[]> orders;
  private final TrainingStep step;
  private final WeightNoise noise;
  /** The weight noise's perturbation, each thread perturbing the rows it updates. */
  private final Team.Task perturb;
  private final AugmentedBatches augmented;
  private final long maskSeed;
  private final Stopping stopping;
  private final TrainingListener listener;
  private final Rates rates;
  private final TrainingRun run;
  private long steps;
  // The epoch that ran last.
  private double lossSum;
  private long correct;
  private double seconds;
  private double rate;

  /**
   * {@code orders} gives each epoch's sample order; {@code noise} and {@code augmented} may be
   * null, for none; {@code steps} is how many steps the run took before (0 unless resumed).
   */
  BatchLoop(Dataset train, int rowsPerBatch, IntFunction<int[]> orders, TrainingStep step,
      WeightNoise noise, AugmentedBatches augmented, long maskSeed, long steps,
      Stopping stopping, TrainingListener listener, Rates rates, TrainingRun run) {
    this.train = train;
    this.rowsPerBatch = rowsPerBatch;
    this.batches = (train.size() + rowsPerBatch - 1) / rowsPerBatch;
    this.orders = orders;
    this.step = step;
    this.noise = noise;
    this.perturb = noise == null ? null : noise::perturb;
    this.augmented = augmented;
    this.maskSeed = maskSeed;
    this.steps = steps;
    this.stopping = stopping;
    this.listener = listener;
    this.rates = rates;
    this.run = run;
  }

  /** Batches per epoch. */
  int count() {
    return batches;
  }

  /** Steps the run has taken. */
  long steps() {
    return steps;
  }

  /**
   * Trains on epoch {@code epoch}'s batches. Returns null when they all ran, else how training
   * ended within the epoch: the thread was interrupted, a batch's loss was not finite, a
   * listener asked to stop, or at the end of the epoch a weight was not finite.
   */
  TrainingEnd run(int epoch) {
    int[] order = orders.apply(epoch);
    long start = System.nanoTime();
    lossSum = 0;
    correct = 0;
    boolean regression = train.targetKind() == Dataset.TargetKind.VALUES; // no accuracy
    rate = rates.varies() ? rates.rate(epoch, 0) : rates.base();
    if (rates.varies()) {
      step.stepper().learningRate(rate);
    }
    for (int b = 0; b < batches; b++) {
      if (Thread.currentThread().isInterrupted()) {
        return stopping.interrupted(epoch, steps);
      }
      int first = b * rowsPerBatch;
      int rows = Math.min(rowsPerBatch, train.size() - first);
      double stepRate = rate;
      if (b > 0 && rates.perStep()) {
        stepRate = rates.rate(epoch, b);
        step.stepper().learningRate(stepRate);
      }
      if (noise != null) {
        noise.begin(steps);
        step.network().parallel(perturb);
      }
      if (augmented == null) {
        step.run(train, order, first, rows, Seeds.derive(maskSeed, steps++));
      } else {
        step.run(augmented.next(), Seeds.derive(maskSeed, steps++));
      }
      if (!Double.isFinite(step.loss())) {
        return stopping.nonFiniteLoss(epoch, b + 1, batches, steps, step.loss() / rows);
      }
      lossSum += step.loss();
      correct += step.correct();
      listener.onBatch(epoch, b + 1, batches, lossSum / (first + rows),
          regression ? Double.NaN : (double) correct / (first + rows), stepRate);
      if (run.stopReason() != null) {
        return stopping.stopped(epoch, steps, run.stopReason());
      }
    }
    seconds = (System.nanoTime() - start) / 1e9;
    var nonFinite = NonFinite.first(step.network()); // before it is validated or checkpointed
    return nonFinite.isEmpty() ? null
        : stopping.nonFiniteWeights(epoch, batches, steps, nonFinite.get());
  }

  /** What the epoch {@link #run} completed measured, with its evaluation on the validation data. */
  EpochStats stats(int epoch, Evaluation validation) {
    double accuracy = train.targetKind() == Dataset.TargetKind.VALUES // regression has none
        ? Double.NaN : (double) correct / train.size();
    return new EpochStats(epoch, lossSum / train.size(), accuracy,
        validation.loss(), validation.accuracy(), seconds, train.size() / seconds, rate);
  }

  /** Stops the augmenting thread and takes off the noise of a step that failed half-way. */
  void close() {
    if (augmented != null) {
      augmented.close();
    }
    if (noise != null) {
      noise.restore(); // a step that failed between perturbing and updating leaves no noise
    }
  }
}
