package dev.lamina.ensemble;

import dev.lamina.train.EpochStats;
import java.io.Serializable;

/**
 * One epoch of one member's training. Validation figures are measured on the member's
 * out-of-bag samples when bootstrap is on, and on the validation set given to {@code fit}
 * otherwise.
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
