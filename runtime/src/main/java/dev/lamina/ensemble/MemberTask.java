package dev.lamina.ensemble;

import dev.lamina.train.TrainingConfig;
import java.io.Serializable;
import java.util.Objects;

/**
 * What one member is to be trained with: its index, whether it bootstraps, and the ensemble's
 * {@link TrainingConfig} with the member's own seed (initial weights, shuffling, dropout masks,
 * augmentation, weight noise). No code, so it travels to a cluster member as it is. Its bootstrap
 * is drawn from {@code Seeds.derive(seed, "bootstrap")}; its early stopping watches its
 * out-of-bag samples (its validation data); its checkpoints go to {@code member-<index>} under the
 * configured directory.
 */
public record MemberTask(int index, boolean bootstrap, TrainingConfig config)
    implements Serializable {
  public MemberTask {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, got " + index);
    }
    Objects.requireNonNull(config, "config");
  }

  /** The member's trainer seed. */
  public long seed() {
    return config.seed();
  }
}
