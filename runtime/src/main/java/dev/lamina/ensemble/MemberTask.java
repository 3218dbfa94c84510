package dev.lamina.ensemble;

import dev.lamina.train.TrainingConfig;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * What one member is to be trained with: its index, whether it bootstraps, and the ensemble's
 * {@link TrainingConfig} with the member's own seed (initial weights, shuffling, dropout masks,
 * augmentation, weight noise). No code, so it travels to a cluster member as it is. Its bootstrap
 * is drawn from {@code Seeds.derive(seed, "bootstrap")}; its early stopping watches its
 * out-of-bag samples (its validation data); its checkpoints go to {@code member-<index>} under the
 * configured directory.
 *
 * <p>A cross-validation fold is a task that holds samples out: it trains on every sample of the
 * training data but {@code heldOut}, and those are its out-of-bag samples, which each epoch is
 * evaluated on and which it scores at the end.
 *
 * @param heldOut indices into the training data that the member must not train on (a fold's test
 *     samples), ascending; empty for none
 * @param index the member's place in the ensemble (a fold's or trial's number), ≥ 0
 * @param bootstrap whether it trains on a bootstrap resample of the training data; false with
 *     {@code heldOut}
 * @param config the ensemble's configuration with the member's own seed
 */
public record MemberTask(int index, boolean bootstrap, TrainingConfig config, int[] heldOut)
    implements Serializable {
  /**
   * Copies {@code heldOut} (null stands for none).
   *
   * @throws IllegalArgumentException if {@code index} is negative, {@code heldOut} is not ascending
   *     and distinct, or a task both bootstraps and holds out
   */
  public MemberTask {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, got " + index);
    }
    Objects.requireNonNull(config, "config");
    heldOut = heldOut == null ? new int[0] : heldOut.clone();
    for (int i = 0; i < heldOut.length; i++) {
      if (heldOut[i] < 0 || (i > 0 && heldOut[i] <= heldOut[i - 1])) {
        throw new IllegalArgumentException("heldOut must hold distinct sample indices >= 0 in"
            + " ascending order, got " + heldOut[i] + " at " + i
            + (i > 0 ? " after " + heldOut[i - 1] : ""));
      }
    }
    if (bootstrap && heldOut.length > 0) {
      throw new IllegalArgumentException("a task that holds samples out (a cross-validation"
          + " fold) trains on all the others: it cannot bootstrap too");
    }
  }

  /**
   * A task that holds nothing out: a bagging member or a search trial.
   *
   * @param index the member's place in the ensemble, ≥ 0
   * @param bootstrap whether it trains on a bootstrap resample
   * @param config the ensemble's configuration with the member's own seed
   */
  public MemberTask(int index, boolean bootstrap, TrainingConfig config) {
    this(index, bootstrap, config, new int[0]);
  }

  /**
   * The member's trainer seed.
   *
   * @return the seed of the task's configuration
   */
  public long seed() {
    return config.seed();
  }

  /** {@return a copy of the held-out sample indices, ascending} */
  @Override
  public int[] heldOut() {
    return heldOut.clone();
  }

  /**
   * Whether the task holds samples out (a cross-validation fold).
   *
   * @return true when {@link #heldOut()} is not empty
   */
  public boolean holdsOut() {
    return heldOut.length > 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MemberTask t && index == t.index && bootstrap == t.bootstrap
        && config.equals(t.config) && Arrays.equals(heldOut, t.heldOut);
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, bootstrap, config, Arrays.hashCode(heldOut));
  }

  @Override
  public String toString() {
    return "MemberTask[index=" + index + ", bootstrap=" + bootstrap + ", config=" + config
        + ", heldOut=" + heldOut.length + " samples]";
  }
}
