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
