package dev.lamina.nn;

import dev.lamina.data.Dataset;
import dev.lamina.internal.kernel.Losses;

/** A network's mean loss and accuracy on a dataset, measured in inference mode. */
public record Evaluation(double loss, double accuracy, int samples) {
  private static final int CHUNK = 500;

  static Evaluation of(Network network, Dataset data) {
    if (data.featureSize() != network.inputSize()) {
      throw new IllegalArgumentException(
          "data has " + data.featureSize() + " features per sample but " + network.spec().name()
              + " takes " + network.inputSize());
    }
    int width = network.inputSize();
    int classes = network.outputSize();
    float[] batch = new float[CHUNK * width];
    int[] labels = new int[CHUNK];
    double loss = 0;
    long correct = 0;
    for (int start = 0; start < data.size(); start += CHUNK) {
      int rows = Math.min(CHUNK, data.size() - start);
      for (int r = 0; r < rows; r++) {
        data.copyFeatures(start + r, batch, r * width);
        labels[r] = data.label(start + r);
      }
      float[] out = network.forwardInfer(batch, rows);
      loss += network.loss(out, labels, rows, null);
      for (int r = 0; r < rows; r++) {
        if (Losses.argmax(out, r * classes, classes) == labels[r]) {
          correct++;
        }
      }
    }
    int n = Math.max(1, data.size());
    return new Evaluation(loss / n, (double) correct / n, data.size());
  }
}
