package dev.lamina.train;

/** Hears about training as it happens: progress bars, loggers, plots. Every method is optional. */
public interface TrainingListener {
  default void onEpochStart(int epoch, int epochs, int batches) {}

  /** After each batch; {@code loss} is the running mean training loss of the epoch. */
  default void onBatch(int epoch, int batch, int batches, double loss) {}

  default void onEpochEnd(EpochStats stats, int epochs) {}

  /** Once, when training has ended for any reason but an exception; the weights are final. */
  default void onTrainingEnd(TrainingEnd end) {}

  /** No output. */
  TrainingListener SILENT = new TrainingListener() {};
}
