package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.nn.LayerSpec;
import dev.lamina.train.TrainingConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code fashion-mlp --recipe best} is what docs/training.md and its {@code --json} say: the model
 * and its dropout, the rate's warm-up and cosine decay, the preset augmentation.
 */
class BestRecipeTest {
  @Test
  void theModelIsTheDescribedMlp() {
    List<LayerSpec> layers = FashionMlpWideNet.SPEC.layers();
    assertEquals(List.of(784, 1024, 512, 10), layers.stream().map(LayerSpec::units).toList());
    assertEquals(List.of(1.0, 0.8, 0.8, 1.0), layers.stream().map(LayerSpec::keep).toList());
    String described = (String) BestRecipe.describe(BestRecipe.config(BestRecipe.EPOCHS, 1e-3,
        128, 42)).get("model");
    assertTrue(described.startsWith("784-1024-512-10") && described.contains("keep 0.8"),
        described);
  }

  @Test
  void theRateWarmsUpForOneEpochThenDecaysNearlyToZero() {
    TrainingConfig config = BestRecipe.config(BestRecipe.EPOCHS, 1e-3, 128, 42);
    assertEquals(40, config.epochs());
    assertEquals(128, config.batchSize());
    assertEquals(FashionAugmentation.preset(), config.augmentation());
    int steps = 430;
    double start = config.schedule().rate(1e-3, 0, 0, steps, config.epochs());
    double warm = config.schedule().rate(1e-3, 1, 0, steps, config.epochs());
    double middle = config.schedule().rate(1e-3, 20, 0, steps, config.epochs());
    double end = config.schedule().rate(1e-3, 39, steps - 1, steps, config.epochs());
    assertEquals(0.1e-3, start, 1e-12, "the warm-up epoch trains at a tenth of the rate");
    assertEquals(1e-3, warm, 1e-12, "the full rate after the warm-up epoch");
    assertEquals(0.5e-3, middle, 0.05e-3, "half-way through the cosine decay");
    assertTrue(end < 0.01e-3, "the decay ends near 0, got " + end);
    assertTrue(config.optimizer().toString().contains("0.05"), config.optimizer().toString());
  }
}
