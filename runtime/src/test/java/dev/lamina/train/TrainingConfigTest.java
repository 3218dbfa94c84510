package dev.lamina.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The one training configuration: defaults, checks, and equality by value. */
class TrainingConfigTest {
  @Test
  void theDefaultsAreStatedOnce() {
    TrainingConfig d = TrainingConfig.DEFAULTS;
    assertEquals(Optimizer.adam(1e-3), d.optimizer());
    assertEquals(10, d.epochs());
    assertEquals(128, d.batchSize());
    assertEquals(42, d.seed());
    assertEquals(WeightDecay.NONE, d.weightDecay());
    assertEquals(0, d.weightNoise());
    assertEquals(d, TrainingConfig.builder().build());
    assertEquals(d, Trainer.builder(seed -> null).build().config());
  }

  @Test
  void equalSettingsMakeEqualConfigs() {
    TrainingConfig a = TrainingConfig.builder().epochs(3).weightNoise(0.01).build();
    assertEquals(a, TrainingConfig.builder().weightNoise(0.01).epochs(3).build());
    assertNotEquals(a, a.withSeed(7));
    assertEquals(7, a.withSeed(7).seed());
    assertEquals(a, Trainer.builder(seed -> null).epochs(3).weightNoise(0.01).build().config());
  }

  @Test
  void badSettingsAreRefusedByName() {
    assertEquals("epochs must be > 0, got 0", assertThrows(IllegalArgumentException.class,
        () -> TrainingConfig.builder().epochs(0)).getMessage());
    assertEquals("batchSize must be > 0, got -1", assertThrows(IllegalArgumentException.class,
        () -> TrainingConfig.builder().batchSize(-1)).getMessage());
    assertEquals("weightNoise must be >= 0 and finite, got NaN; it is the standard deviation of"
        + " the noise, e.g. 0.01, and 0 turns it off", assertThrows(
            IllegalArgumentException.class, () -> TrainingConfig.builder().weightNoise(Double.NaN))
        .getMessage());
  }
}
