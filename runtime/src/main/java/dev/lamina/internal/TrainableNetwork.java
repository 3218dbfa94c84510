package dev.lamina.internal;

import dev.lamina.internal.parallel.Team;
import dev.lamina.nn.BatchTargets;
import dev.lamina.nn.Network;
import dev.lamina.nn.Parameter;

/**
 * What the trainer needs of a network beyond {@link Network}'s inference and evaluation: the
 * training-mode forward pass, the loss with its gradient, back-propagation and the network's
 * threads. Generated networks and {@link
 * dev.lamina.nn.ReferenceNetwork} implement it. Not API: users train through {@link
 * dev.lamina.train.Trainer}, which reaches these methods through {@link #of}.
 */
public interface TrainableNetwork extends Network {
  /**
   * The network {@code network} as the trainer sees it; fails, naming its class, for a network
   * that Lamina cannot train (one that implements only {@link Network}).
   */
  static TrainableNetwork of(Network network) {
    if (network instanceof TrainableNetwork trainable) {
      return trainable;
    }
    throw new IllegalArgumentException("network must be a generated <Model>Net or a"
        + " ReferenceNetwork to be trained, got a " + network.getClass().getName()
        + ", which implements only Network (inference); train the @Model class's generated"
        + " network instead");
  }

  /**
   * The training-mode forward pass: dropout masks are drawn from {@code maskSeed} (one seed per
   * step; the same seed gives the same masks). Returns the output buffer, valid until the next
   * call.
   *
   * @param input {@code rows × inputSize} values, row-major
   * @param rows the number of samples
   * @param maskSeed the step's dropout seed
   * @return the outputs (logits), row-major
   */
  float[] forwardTrain(float[] input, int rows, long maskSeed);

  /**
   * Back-propagates dLoss/dOutput (rows × outputSize) through the last {@link #forwardTrain} and
   * overwrites every parameter's gradient. May overwrite {@code outputGradient}.
   *
   * @param outputGradient dLoss/dOutput, {@code rows × outputSize}, row-major
   * @param rows the number of samples, as in the forward pass
   */
  void backward(float[] outputGradient, int rows);

  /**
   * Runs {@code task} once for each of the network's threads, part i on the thread that runs part
   * i of the passes, and returns when all are done. The optimizer's update goes through here, so
   * each thread updates the parameter rows whose gradients it computed ({@link
   * Parameter#partStart}). Networks without threads run it as one part on the caller.
   */
  default void parallel(Team.Task task) {
    task.run(0, 1);
  }

  /**
   * The model's loss of {@code output} against class {@code labels}, summed over rows; fills
   * {@code gradient} (when not null) with its gradient, dLoss/dOutput. Tests and gradient checks
   * use it; the trainer scores batches itself, and users evaluate through {@link
   * Network#evaluate}. Data with other targets is scored through {@link BatchTargets}.
   */
  default double loss(float[] output, int[] labels, int rows, float[] gradient) {
    BatchTargets targets = new BatchTargets(rows, outputSize());
    targets.labels(labels, rows);
    double total = 0;
    for (int r = 0; r < rows; r++) {
      total += targets.loss(spec(), output, r, rows, gradient);
    }
    return total;
  }
}
