package dev.lamina.train;

import dev.lamina.augment.Augmentation;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Everything that decides what a training run computes: one immutable value that a {@link
 * Trainer} and a bagging ensemble both take, compared with {@code equals}, and serializable as it
 * is, so an ensemble member on a cluster trains with exactly the settings a single run would.
 * Each setting's default is stated here once, in {@link #DEFAULTS}; a builder changes some:
 *
 * <pre>{@code
 * TrainingConfig config = TrainingConfig.builder()
 *     .optimizer(Optimizer.sgd(0.05).momentum(0.9)).epochs(20).batchSize(64)
 *     .weightDecay(WeightDecay.l2(1e-4))
 *     .build();
 * }</pre>
 *
 * <p>How a run executes (threads, listeners) is not part of it: it never changes the weights.
 *
 * @param optimizer how parameters move given their gradients
 * @param epochs how many passes over the training data, at most
 * @param batchSize samples per step
 * @param seed the seed of everything random: initial weights, shuffling, dropout masks,
 *     augmentation, weight noise
 * @param weightDecay decay for every parameter whose layer does not say otherwise ({@code
 *     @Decay}): weights decayed, biases, γ and β not
 * @param weightNoise standard deviation of the Gaussian noise added to each weight (not bias, γ
 *     or β) before every step; the gradient is taken at the perturbed weights and applied to the
 *     clean ones. 0 for none
 * @param earlyStopping when to stop before the epochs are used up; null for never
 * @param checkpoints where and how often to write checkpoints to resume from; null for none
 * @param augmentation what to do to each training sample as its batch is drawn; null for nothing
 * @param schedule how the learning rate changes over the run, as a multiple of the optimizer's
 * @param clipping how the gradient is limited before each update; null for not at all
 * @param frozen names of layers whose parameters do not train (e.g. {@code "hidden1"}); every
 *     other layer trains
 */
public record TrainingConfig(
    Optimizer optimizer,
    int epochs,
    int batchSize,
    long seed,
    WeightDecay weightDecay,
    double weightNoise,
    EarlyStopping earlyStopping,
    Checkpoints checkpoints,
    Augmentation augmentation,
    LearningRateSchedule schedule,
    GradientClipping clipping,
    List<String> frozen)
    implements Serializable {
  /**
   * Adam with a learning rate of 1e-3, 10 epochs, batches of 128, seed 42, and no weight decay,
   * weight noise, early stopping, checkpoints, augmentation, schedule (a constant rate), clipping
   * or frozen layers.
   */
  public static final TrainingConfig DEFAULTS = new TrainingConfig(Optimizer.adam(1e-3), 10, 128,
      42, WeightDecay.NONE, 0, null, null, null, LearningRateSchedule.CONSTANT, null, List.of());

  /**
   * Checks the settings and copies the frozen layers.
   *
   * @throws IllegalArgumentException if epochs or batchSize is not positive, or weightNoise is
   *     negative or infinite
   * @throws NullPointerException if optimizer, weightDecay or schedule is null
   */
  public TrainingConfig {
    Objects.requireNonNull(optimizer, "optimizer");
    requirePositive("epochs", epochs);
    requirePositive("batchSize", batchSize);
    Objects.requireNonNull(weightDecay, "weightDecay");
    requireNoise(weightNoise);
    Objects.requireNonNull(schedule, "schedule");
    frozen = List.copyOf(frozen);
  }

  /**
   * A builder starting from {@link #DEFAULTS}.
   *
   * @return a builder
   */
  public static Builder builder() {
    return DEFAULTS.toBuilder();
  }

  /**
   * A builder holding these settings, to change some of them.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * This configuration with another seed: what each ensemble member trains with.
   *
   * @param seed the new seed
   * @return a copy with {@code seed}
   */
  public TrainingConfig withSeed(long seed) {
    return toBuilder().seed(seed).build();
  }

  /** Changes settings of a {@link TrainingConfig}; {@link #build} checks them. */
  public static final class Builder {
    private Optimizer optimizer;
    private int epochs;
    private int batchSize;
    private long seed;
    private WeightDecay weightDecay;
    private double weightNoise;
    private EarlyStopping earlyStopping;
    private Checkpoints checkpoints;
    private Augmentation augmentation;
    private LearningRateSchedule schedule;
    private GradientClipping clipping;
    private List<String> frozen;

    private Builder(TrainingConfig c) {
      optimizer = c.optimizer;
      epochs = c.epochs;
      batchSize = c.batchSize;
      seed = c.seed;
      weightDecay = c.weightDecay;
      weightNoise = c.weightNoise;
      earlyStopping = c.earlyStopping;
      checkpoints = c.checkpoints;
      augmentation = c.augmentation;
      schedule = c.schedule;
      clipping = c.clipping;
      frozen = c.frozen;
    }

    /**
     * Sets {@link TrainingConfig#optimizer()}.
     *
     * @param optimizer the optimizer
     * @return this builder
     */
    public Builder optimizer(Optimizer optimizer) {
      this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
      return this;
    }

    /**
     * Sets {@link TrainingConfig#epochs()}.
     *
     * @param epochs the most epochs, > 0
     * @return this builder
     */
    public Builder epochs(int epochs) {
      this.epochs = requirePositive("epochs", epochs);
      return this;
    }

    /**
     * Sets {@link TrainingConfig#batchSize()}.
     *
     * @param batchSize samples per step, > 0
     * @return this builder
     */
    public Builder batchSize(int batchSize) {
      this.batchSize = requirePositive("batchSize", batchSize);
      return this;
    }

    /**
     * Sets {@link TrainingConfig#seed()}.
     *
     * @param seed the seed of everything random
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets {@link TrainingConfig#weightDecay()}.
     *
     * @param weightDecay the decay; {@link WeightDecay#NONE} for none
     * @return this builder
     */
    public Builder weightDecay(WeightDecay weightDecay) {
      this.weightDecay = Objects.requireNonNull(weightDecay, "weightDecay");
      return this;
    }

    /**
     * Sets {@link TrainingConfig#weightNoise()}.
     *
     * @param std the noise's standard deviation, ≥ 0; 0 for none
     * @return this builder
     */
    public Builder weightNoise(double std) {
      this.weightNoise = requireNoise(std);
      return this;
    }

    /**
     * {@code earlyStopping} may be null: none.
     *
     * @param earlyStopping when to stop
     * @return this builder
     */
    public Builder earlyStopping(EarlyStopping earlyStopping) {
      this.earlyStopping = earlyStopping;
      return this;
    }

    /**
     * {@code checkpoints} may be null: none.
     *
     * @param checkpoints where and how often
     * @return this builder
     */
    public Builder checkpoints(Checkpoints checkpoints) {
      this.checkpoints = checkpoints;
      return this;
    }

    /**
     * {@code augmentation} may be null: none.
     *
     * @param augmentation what to do to each training sample
     * @return this builder
     */
    public Builder augmentation(Augmentation augmentation) {
      this.augmentation = augmentation;
      return this;
    }

    /**
     * Sets {@link TrainingConfig#schedule()}.
     *
     * @param schedule the schedule; {@link LearningRateSchedule#CONSTANT} for none
     * @return this builder
     */
    public Builder schedule(LearningRateSchedule schedule) {
      this.schedule = Objects.requireNonNull(schedule, "schedule");
      return this;
    }

    /**
     * {@code clipping} may be null: none.
     *
     * @param clipping the gradient limit
     * @return this builder
     */
    public Builder clipping(GradientClipping clipping) {
      this.clipping = clipping;
      return this;
    }

    /**
     * Replaces the frozen layers with {@code layers}; none unfreezes every layer.
     *
     * @param layers layer names, e.g. {@code "hidden1"}
     * @return this builder
     */
    public Builder frozen(String... layers) {
      for (String layer : layers) {
        Objects.requireNonNull(layer, "a layer name");
      }
      this.frozen = List.of(layers);
      return this;
    }

    /** {@return the configuration} */
    public TrainingConfig build() {
      return new TrainingConfig(optimizer, epochs, batchSize, seed, weightDecay, weightNoise,
          earlyStopping, checkpoints, augmentation, schedule, clipping, frozen);
    }
  }

  /**
   * Every available processor: the default number of threads a run or an ensemble uses.
   *
   * @return {@code Runtime.availableProcessors()}
   */
  public static int availableThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * {@code value}, when it is > 0; {@code name} says which setting it is in the error.
   *
   * @param name the setting, for the message
   * @param value the value
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value} ≤ 0
   */
  public static int requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, got " + value);
    }
    return value;
  }

  private static double requireNoise(double std) {
    if (!(std >= 0) || Double.isInfinite(std)) {
      throw new IllegalArgumentException("weightNoise must be >= 0 and finite, got " + std
          + "; it is the standard deviation of the noise, e.g. 0.01, and 0 turns it off");
    }
    return std;
  }
}
