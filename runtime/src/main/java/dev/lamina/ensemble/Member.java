package dev.lamina.ensemble;

import dev.lamina.nn.Network;
import java.util.List;

/**
 * One trained member of an {@link Ensemble}: its network and what its training gave back.
 *
 * @param result its seed, out-of-bag samples and scores, and epochs
 */
public record Member<N extends Network>(N network, MemberResult result) {
  public int index() {
    return result.index();
  }

  /** The member's trainer seed: initial weights, shuffling, dropout masks, bootstrap. */
  public long seed() {
    return result.seed();
  }

  public List<MemberEpoch> epochs() {
    return result.epochs();
  }

  /** Accuracy on the member's out-of-bag samples (validation set without bootstrap) at the end. */
  public double validationAccuracy() {
    List<MemberEpoch> epochs = result.epochs();
    return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).validationAccuracy();
  }
}
