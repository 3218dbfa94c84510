package dev.lamina.ensemble;

import dev.lamina.train.EpochStats;
import java.io.Serializable;

/**
 * One epoch of one member's training. Validation figures are measured on the member's
 * out-of-bag samples when bootstrap is on, and on the validation set given to {@code fit}
 * otherwise.
 *
 * @param epoch the epoch, from 1
 * @param trainLoss the mean training loss over the epoch's batches
 * @param trainAccuracy the share of training samples classified right during the epoch, in [0, 1]
 * @param validationLoss the mean loss on the validation samples after the epoch; NaN without any
 * @param validationAccuracy the accuracy on the validation samples, in [0, 1]; NaN without any
 * @param seconds how long the epoch took, wall time
 */
public record MemberEpoch(
    int epoch,
    double trainLoss,
    double trainAccuracy,
    double validationLoss,
    double validationAccuracy,
    double seconds)
    implements Serializable {
  static MemberEpoch of(EpochStats stats) {
    return new MemberEpoch(stats.epoch(), stats.trainLoss(), stats.trainAccuracy(),
        stats.validationLoss(), stats.validationAccuracy(), stats.seconds());
  }
}
