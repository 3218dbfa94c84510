package dev.lamina.train;

import dev.lamina.data.Dataset;
import dev.lamina.kernel.Losses;
import dev.lamina.nn.Network;

/**
 * One optimization step on one mini-batch: gather the rows, forward, loss, backward, update. It
 * owns every buffer it needs, so a step allocates nothing; the trainer and the benchmark both
 * run exactly this code.
 */
public final class TrainingStep {
  private final Network network;
  private final Optimizer.Stepper stepper;
  private final float[] batch;
  private final int[] labels;
  private final float[] gradient;
  private double loss;
  private int correct;

  public TrainingStep(Network network, Optimizer optimizer, int maxRows) {
    if (maxRows <= 0) {
      throw new IllegalArgumentException("maxRows must be > 0, got " + maxRows);
    }
    this.network = network;
    this.stepper = optimizer.start(network.parameters());
    this.batch = new float[maxRows * network.inputSize()];
    this.labels = new int[maxRows];
    this.gradient = new float[maxRows * network.outputSize()];
  }

  /**
   * Trains on samples {@code order[first .. first + rows - 1]} of {@code data}, with dropout masks
   * from {@code maskSeed}. Afterwards {@link #loss()} and {@link #correct()} describe the batch.
   */
  public void run(Dataset data, int[] order, int first, int rows, long maskSeed) {
    int width = network.inputSize();
    int classes = network.outputSize();
    for (int r = 0; r < rows; r++) {
      data.copyFeatures(order[first + r], batch, r * width);
      labels[r] = data.label(order[first + r]);
    }
    float[] out = network.forwardTrain(batch, rows, maskSeed);
    loss = network.loss(out, labels, rows, gradient);
    correct = 0;
    for (int r = 0; r < rows; r++) {
      if (Losses.argmax(out, r * classes, classes) == labels[r]) {
        correct++;
      }
    }
    network.backward(gradient, rows);
    stepper.step();
  }

  /** The summed loss of the last batch's rows, before the update. */
  public double loss() {
    return loss;
  }

  /** How many rows of the last batch the network classified right, before the update. */
  public int correct() {
    return correct;
  }
}
