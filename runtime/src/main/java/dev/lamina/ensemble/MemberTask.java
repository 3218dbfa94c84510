package dev.lamina.ensemble;

import dev.lamina.augment.Augmentation;
import dev.lamina.train.TrainingSettings;
import java.io.Serializable;
import java.util.Objects;

/**
 * What one member is to be trained with: seeds and settings, no code, so that it can travel to
 * a cluster member. {@code seed} is the member's trainer seed (initial weights, shuffling, dropout
 * masks, augmentation); its bootstrap is drawn from {@code Seeds.derive(seed, "bootstrap")}.
 *
 * @param earlyStopping watches the member's out-of-bag samples (its validation data); null for none
 * @param augmentation augments the member's training batches, from the member's seed; null for
 *     none. An {@code Augmentation} is code, so a task with one runs in-process only.
 */
public record MemberTask(
    int index, long seed, boolean bootstrap, int epochs, int batchSize, OptimizerSettings optimizer,
    StoppingSettings earlyStopping, InProcessOnly<Augmentation> augmentation)
    implements Serializable {
  public MemberTask {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, got " + index);
    }
    TrainingSettings.requirePositive("epochs", epochs);
    TrainingSettings.requirePositive("batchSize", batchSize);
    Objects.requireNonNull(optimizer, "optimizer");
  }
}
