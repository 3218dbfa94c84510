package dev.lamina.examples;

import dev.lamina.train.LearningRateSchedule;
import dev.lamina.train.Optimizer;
import dev.lamina.train.TrainingConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code fashion-mlp --recipe best}: what issue 18's training loop adds, on an MLP still. The
 * wider {@link FashionMlpWide} with dropout on its hidden layers, AdamW (decoupled decay of the
 * weights), one epoch of linear warm-up and then a cosine decay to 0 over the remaining 39, and
 * the examples' preset augmentation (mirror, one-pixel shifts). {@code scripts/recipe_best_pytorch.py} is the same
 * recipe in PyTorch; docs/training.md has both accuracies.
 */
final class BestRecipe {
  static final int EPOCHS = 40;
  static final double LEARNING_RATE = 1e-3;
  static final double WEIGHT_DECAY = 0.05;
  static final int WARMUP = 1;

  private BestRecipe() {}

  /** The recipe for {@code epochs} epochs (at least 2: one warms up) at {@code learningRate}. */
  static TrainingConfig config(int epochs, double learningRate, int batch, long seed) {
    if (epochs <= WARMUP) {
      throw new Options.UsageException("--recipe best needs --epochs of at least " + (WARMUP + 1)
          + " (one warm-up epoch, then the cosine decay), got " + epochs);
    }
    return TrainingConfig.builder()
        .optimizer(Optimizer.adamW(learningRate).weightDecay(WEIGHT_DECAY))
        .schedule(LearningRateSchedule.cosine(epochs - WARMUP).warmup(WARMUP))
        .augmentation(FashionAugmentation.preset())
        .epochs(epochs)
        .batchSize(batch)
        .seed(seed)
        .build();
  }

  /** The recipe as the {@code --json} output reports it. */
  static Map<String, Object> describe(TrainingConfig config) {
    Map<String, Object> recipe = new LinkedHashMap<>();
    recipe.put("name", "best");
    recipe.put("model", "784-1024-512-10, He init, ReLU, dropout keep 0.8 after each hidden layer");
    recipe.put("optimizer", config.optimizer().toString());
    recipe.put("schedule", config.schedule().toString());
    recipe.put("augmentation", FashionAugmentation.PRESET);
    recipe.put("batch_size", config.batchSize());
    return recipe;
  }
}
