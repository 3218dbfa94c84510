package dev.lamina.train;

/**
 * Hears about training as it happens: progress bars, loggers, plots, custom stopping rules. Every
 * method is optional. A trainer takes any number of listeners, and calls them in the order they
 * were added.
 */
public interface TrainingListener {
  /** Before the first epoch (of a resumed run: of the first epoch it trains). */
  default void onTrainingStart(TrainingRun run) {}

  default void onEpochStart(int epoch, int epochs, int batches) {}

  /** After each batch; {@code loss} is the running mean training loss of the epoch. */
  default void onBatch(int epoch, int batch, int batches, double loss) {}

  /** After each epoch, with its figures and its learning rate ({@link EpochStats}). */
  default void onEpochEnd(EpochStats stats, int epochs) {}

  /** Once, when training has ended for any reason but an exception; the weights are final. */
  default void onTrainingEnd(TrainingEnd end) {}

  /** No output. */
  TrainingListener SILENT = new TrainingListener() {};
}
