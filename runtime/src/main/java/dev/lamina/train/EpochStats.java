package dev.lamina.train;

/**
 * What one epoch measured. Training loss and accuracy are averaged over the epoch's batches in
 * training mode (with dropout), as Keras reports them; validation figures are in inference mode,
 * NaN when the run has no validation data.
 *
 * @param learningRate the rate the epoch's first step took (a one-cycle schedule changes it every
 *     step); NaN where unknown
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

  /** An epoch whose learning rate is not known. */
  public EpochStats(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
      double validationAccuracy, double seconds, double samplesPerSecond) {
    this(epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy, seconds,
        samplesPerSecond, Double.NaN);
  }
}
