package dev.lamina.ensemble;

import dev.lamina.nn.Network;
import java.util.List;

/**
 * One trained member of an {@link Ensemble}: its network and what its training gave back.
 *
 * @param result its seed, out-of-bag samples and scores, and epochs
 * @param <N> the type of the member's network
 * @param network the trained network, with the weights of its result
 */
public record Member<N extends Network>(N network, MemberResult result) {
  /** {@return the member's index in its ensemble, from 0} */
  public int index() {
    return result.index();
  }

  /**
   * The member's trainer seed: initial weights, shuffling, dropout masks, bootstrap.
   *
   * @return the seed
   */
  public long seed() {
    return result.seed();
  }

  /** {@return every epoch it trained, in order} */
  public List<MemberEpoch> epochs() {
    return result.epochs();
  }

  /**
   * Accuracy on the member's out-of-bag samples (validation set without bootstrap) at the end.
   *
   * @return the accuracy, in [0, 1]; NaN when nothing was evaluated
   */
  public double validationAccuracy() {
    List<MemberEpoch> epochs = result.epochs();
    return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).validationAccuracy();
  }
}
