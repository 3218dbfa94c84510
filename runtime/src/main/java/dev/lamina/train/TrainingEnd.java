package dev.lamina.train;

/**
 * How and why a training run ended, and which weights the network holds.
 *
 * @param reason why it ended
 * @param epoch the last epoch that ran, completely or not
 * @param steps optimizer steps taken in all
 * @param bestEpoch the best epoch by the early-stopping metric; without early stopping, the last
 *     completed epoch. 0 means none completed (the weights it stands for are the initial ones)
 * @param metric the metric early stopping watched, or "none"
 * @param bestValue the metric's value at {@code bestEpoch}; NaN without early stopping
 * @param restored whether the network's weights were reset to those at the end of {@code
 *     bestEpoch}; otherwise it holds the last step's weights
 * @param message one sentence for people, e.g. why early stopping stopped
 */
public record TrainingEnd(
    Reason reason, int epoch, long steps, int bestEpoch, String metric, double bestValue,
    boolean restored, String message) {

  /** Why a run ended. */
  public enum Reason {
    /** Every epoch ran. */
    COMPLETED,
    /** Early stopping saw no improvement for its patience. */
    EARLY_STOPPED,
    /** A training batch's loss was NaN or infinite. */
    NON_FINITE_LOSS,
    /** A weight or running statistic was NaN or infinite at the end of an epoch. */
    NON_FINITE_WEIGHTS,
    /** The training thread was interrupted. */
    INTERRUPTED,
    /** A listener asked it to stop ({@link TrainingRun#stop}); the message is its reason. */
    STOPPED
  }
}
