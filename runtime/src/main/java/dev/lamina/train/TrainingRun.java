package dev.lamina.train;

import dev.lamina.nn.Network;
import java.util.Objects;

/**
 * A training run as its listeners see it ({@link TrainingListener#onTrainingStart}): the network
 * being trained, to read (evaluate it, look at its parameters) at the end of an epoch, and a way
 * to end the run. A listener must not change the weights; one that wants to say "enough" calls
 * {@link #stop}, and the run ends after the current batch with {@link TrainingEnd.Reason#STOPPED}
 * and the reason as its message (with early stopping's best weights back, if it restores them).
 */
public final class TrainingRun {
  private final Network network;
  private volatile String stopReason;

  TrainingRun(Network network) {
    this.network = network;
  }

  /**
   * The network being trained.
   *
   * @return the network
   */
  public Network network() {
    return network;
  }

  /**
   * Ends the run after the current batch; {@code reason} becomes the end's message.
   *
   * @param reason a sentence for people
   */
  public void stop(String reason) {
    Objects.requireNonNull(reason, "reason");
    if (stopReason == null) {
      stopReason = reason;
    }
  }

  /**
   * The reason of the first {@link #stop}, or null while nobody has asked to stop.
   *
   * @return the reason, or null
   */
  public String stopReason() {
    return stopReason;
  }
}
