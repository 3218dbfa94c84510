package dev.lamina.train;

import java.util.List;

/** Several listeners as one, each told in turn. */
record Listeners(List<TrainingListener> all) implements TrainingListener {
  Listeners {
    all = List.copyOf(all);
  }

  @Override
  public void onTrainingStart(TrainingRun run) {
    all.forEach(l -> l.onTrainingStart(run));
  }

  @Override
  public void onEpochStart(int epoch, int epochs, int batches) {
    all.forEach(l -> l.onEpochStart(epoch, epochs, batches));
  }

  @Override
  public void onBatch(int epoch, int batch, int batches, double loss) {
    for (int i = 0; i < all.size(); i++) { // every step: no iterator allocated
      all.get(i).onBatch(epoch, batch, batches, loss);
    }
  }

  @Override
  public void onBatch(int epoch, int batch, int batches, double loss, double accuracy,
      double learningRate) {
    for (int i = 0; i < all.size(); i++) {
      all.get(i).onBatch(epoch, batch, batches, loss, accuracy, learningRate);
    }
  }

  @Override
  public void onEpochEnd(EpochStats stats, int epochs) {
    all.forEach(l -> l.onEpochEnd(stats, epochs));
  }

  @Override
  public void onTrainingEnd(TrainingEnd end) {
    all.forEach(l -> l.onTrainingEnd(end));
  }
}
