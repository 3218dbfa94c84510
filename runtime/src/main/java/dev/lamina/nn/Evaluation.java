package dev.lamina.nn;

import dev.lamina.data.Dataset;

/**
 * A network's mean loss and accuracy on a dataset, measured in inference mode. Accuracy is the
 * share of samples whose prediction is right (for multi-label data, every label right); regression
 * has none: NaN. Class weights do not apply: validation figures are unweighted, as in Keras.
 *
 * @param loss the mean loss per sample, unweighted
 * @param accuracy the share of samples predicted right, in [0, 1]; NaN for regression
 * @param samples the number of samples
 */
public record Evaluation(double loss, double accuracy, int samples) {
  private static final int CHUNK = 500;

  static Evaluation of(Network network, Dataset data) {
    if (data.featureSize() != network.inputSize()) {
      throw new IllegalArgumentException(
          "data has " + data.featureSize() + " features per sample but " + network.spec().name()
              + " takes " + network.inputSize());
    }
    TaskFit.require(network.spec(), data, "data");
    Dataset unweighted = data.hasClassWeights() ? data.withoutClassWeights() : data;
    int width = network.inputSize();
    float[] batch = new float[CHUNK * width];
    BatchTargets targets = new BatchTargets(CHUNK, network.outputSize());
    targets.begin(unweighted);
    double loss = 0;
    long correct = 0;
    for (int start = 0; start < data.size(); start += CHUNK) {
      int rows = Math.min(CHUNK, data.size() - start);
      for (int r = 0; r < rows; r++) {
        unweighted.copyFeatures(start + r, batch, r * width);
        targets.gather(unweighted, start + r, r);
      }
      float[] out = network.forwardInfer(batch, rows);
      double chunkLoss = 0; // summed per chunk, then added: the order the figures always had
      for (int r = 0; r < rows; r++) {
        chunkLoss += targets.loss(network.spec(), out, r, rows, null);
        if (targets.correct(network.spec().loss(), out, r)) {
          correct++;
        }
      }
      loss += chunkLoss;
    }
    int n = Math.max(1, data.size());
    double accuracy = data.targetKind() == Dataset.TargetKind.VALUES
        ? Double.NaN : (double) correct / n;
    return new Evaluation(loss / n, accuracy, data.size());
  }
}
