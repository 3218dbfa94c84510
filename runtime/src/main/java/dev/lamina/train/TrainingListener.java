package dev.lamina.train;

/**
 * Hears about training as it happens: progress bars, loggers, plots, custom stopping rules. Every
 * method is optional. A trainer takes any number of listeners, and calls them in the order they
 * were added.
 */
public interface TrainingListener {
  /**
   * Before the first epoch (of a resumed run: of the first epoch it trains).
   *
   * @param run the run: its network, and a way to stop it
   */
  default void onTrainingStart(TrainingRun run) {}

  /**
   * Before each epoch.
   *
   * @param epoch the epoch, from 1
   * @param epochs the run's configured number of epochs
   * @param batches the epoch's batch count
   */
  default void onEpochStart(int epoch, int epochs, int batches) {}

  /**
   * After each batch; {@code loss} is the running mean training loss of the epoch.
   *
   * @param epoch the epoch, from 1
   * @param batch the batch, from 1
   * @param batches the epoch's batch count
   * @param loss the mean training loss of the epoch's batches so far
   */
  default void onBatch(int epoch, int batch, int batches, double loss) {}

  /**
   * After each batch, with every running figure of the epoch: what {@link #onBatch(int, int, int,
   * double)} hears, and also the training accuracy so far and the rate the batch's step took. By
   * default it calls that method, so a listener overrides whichever it needs. Primitives, not a
   * record: the training loop allocates nothing per step.
   *
   * @param epoch the epoch, from 1
   * @param batch the batch, from 1
   * @param batches the epoch's batch count
   * @param loss the mean training loss of the epoch's batches so far
   * @param accuracy the share of the epoch's training samples so far classified right (with
   *     dropout, as {@link EpochStats#trainAccuracy()}); NaN for a regression model
   * @param learningRate the learning rate of the batch's step
   */
  default void onBatch(int epoch, int batch, int batches, double loss, double accuracy,
      double learningRate) {
    onBatch(epoch, batch, batches, loss);
  }

  /**
   * After each epoch, with its figures and its learning rate ({@link EpochStats}).
   *
   * @param stats the epoch's figures
   * @param epochs the run's configured number of epochs
   */
  default void onEpochEnd(EpochStats stats, int epochs) {}

  /**
   * Once, when training has ended for any reason but an exception; the weights are final.
   *
   * @param end why and when it ended, and which weights the network has
   */
  default void onTrainingEnd(TrainingEnd end) {}

  /** No output. */
  TrainingListener SILENT = new TrainingListener() {};
}
