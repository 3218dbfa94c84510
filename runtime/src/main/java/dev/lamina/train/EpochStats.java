package dev.lamina.train;

/**
 * What one epoch measured. Training loss and accuracy are averaged over the epoch's batches in
 * training mode (with dropout), as Keras reports them; validation figures are in inference mode,
 * NaN when the run has no validation data.
 *
 * @param learningRate the rate the epoch's first step took (a one-cycle schedule changes it every
 *     step); NaN where unknown
 * @param epoch the epoch, from 1
 * @param trainLoss the mean training loss over its batches
 * @param trainAccuracy the share of training samples classified right, in [0, 1]; NaN for a
 *     regression model
 * @param validationLoss the mean loss on the validation data; NaN without it
 * @param validationAccuracy the accuracy on the validation data, in [0, 1]; NaN without it
 * @param seconds the epoch's training time, validation excluded
 * @param samplesPerSecond training samples per second during the epoch
 */
public record EpochStats(
    int epoch,
    double trainLoss,
    double trainAccuracy,
    double validationLoss,
    double validationAccuracy,
    double seconds,
    double samplesPerSecond,
    double learningRate) {

  /**
   * An epoch whose learning rate is not known.
   *
   * @param epoch the epoch, from 1
   * @param trainLoss the mean training loss over its batches
   * @param trainAccuracy the share of training samples classified right, in [0, 1]
   * @param validationLoss the mean loss on the validation data; NaN without it
   * @param validationAccuracy the accuracy on the validation data; NaN without it
   * @param seconds the epoch's training time
   * @param samplesPerSecond training samples per second
   */
  public EpochStats(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
      double validationAccuracy, double seconds, double samplesPerSecond) {
    this(epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy, seconds,
        samplesPerSecond, Double.NaN);
  }

  /**
   * Whether the epoch was evaluated on validation data: false when the run has none (both
   * validation figures NaN).
   *
   * @return true when a validation figure is a number
   */
  public boolean validated() {
    return !Double.isNaN(validationLoss) || !Double.isNaN(validationAccuracy);
  }
}
