package dev.lamina.train;

/**
 * What one epoch measured. Training loss and accuracy are averaged over the epoch's batches in
 * training mode (with dropout), as Keras reports them; validation figures are in inference mode.
 */
public record EpochStats(
    int epoch,
    double trainLoss,
    double trainAccuracy,
    double validationLoss,
    double validationAccuracy,
    double seconds,
    double samplesPerSecond) {}
