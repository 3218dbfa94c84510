package dev.lamina.train;

/**
 * The defaults and checks of the settings that a {@link Trainer} and a bagging ensemble's members
 * share, stated once so that the two builders cannot drift apart.
 */
public final class TrainingSettings {
  public static final int EPOCHS = 10;
  public static final int BATCH_SIZE = 128;
  /** The seed of everything random when none is given. */
  public static final long SEED = 42;
  /** Adam with a learning rate of 1e-3. */
  public static final Optimizer OPTIMIZER = Optimizer.adam(1e-3);

  private TrainingSettings() {}

  /** Every available processor. */
  public static int threads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** {@code value}, when it is > 0; {@code name} says which setting it is in the error. */
  public static int requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, got " + value);
    }
    return value;
  }
}
