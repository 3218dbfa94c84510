package dev.lamina.train;

import dev.lamina.nn.Parameter;
import dev.lamina.nn.Parameters;

/**
 * How parameters move given their gradients. An optimizer is an immutable setting; {@link
 * #start} creates the state (momentum, moment estimates) for one training run. Lamina's are
 * {@link java.io.Serializable}, so a {@link TrainingConfig} holding one travels to cluster
 * members; one of your own travels if it is serializable too.
 */
public interface Optimizer {
  /**
   * The step size; decoupled weight decay scales with it, as in PyTorch's AdamW.
   *
   * @return the learning rate, > 0
   */
  double learningRate();

  /**
   * The mutable state of one run over {@code parameters}; allocates everything it needs now.
   *
   * @param parameters the network's parameters, whose values and gradients it reads and updates
   * @return the stepper for the run
   */
  Stepper start(Parameters parameters);

  /**
   * Applies one update from the parameters' current gradients, either whole with {@link #step} or
   * split over threads: {@link #begin} once, then {@link #update} for every part, the parts at
   * the same time. The trainer uses the split form, so each thread updates the parameter rows it
   * computed the gradients of ({@link Parameter#partStart}).
   */
  interface Stepper {
    /** Applies the whole update, on the calling thread. */
    void step();

    /**
     * Whether this stepper can run as {@link #begin} and {@link #update}. One that cannot is run
     * whole, with {@link #step}, on the trainer's thread.
     *
     * @return true when {@link #begin} and {@link #update} may be used
     */
    default boolean splits() {
      return false;
    }

    /** Prepares the next split update (step counters, bias corrections); runs on one thread. */
    default void begin() {
      throw new UnsupportedOperationException(getClass().getName() + " does not split its step");
    }

    /**
     * Part {@code part} of the update {@link #begin} prepared: elements {@code
     * partStart(part, parts)} up to {@code partStart(part + 1, parts)} of every parameter, and
     * nothing else, since the other parts run at the same time.
     *
     * @param part this part's number, in [0, parts)
     * @param parts the number of parts
     */
    default void update(int part, int parts) {
      throw new UnsupportedOperationException(getClass().getName() + " does not split its step");
    }

    /**
     * The run's state, for checkpoints: the live arrays named {@code <what>/<parameter>} (e.g.
     * {@code exp_avg/hidden1.weight}), each as long as its parameter; a checkpoint saves them and
     * copies saved values back in. Empty for a stateless optimizer.
     *
     * @return the state arrays by name (live, not copies)
     */
    default java.util.Map<String, float[]> state() {
      throw new UnsupportedOperationException(getClass().getName() + " cannot be checkpointed:"
          + " implement Optimizer.Stepper.state() (an empty map if it keeps no state)");
    }

    /**
     * Continues after {@code steps} updates, as when a checkpoint resumes a run.
     *
     * @param steps the number of updates already applied
     */
    default void resumeAt(long steps) {}

    /**
     * Sets the learning rate of the steps from the next on: a {@link LearningRateSchedule} calls
     * it before the step it applies to, on the trainer's thread.
     *
     * @param rate the rate, > 0
     */
    default void learningRate(double rate) {
      throw new UnsupportedOperationException(getClass().getName() + " cannot follow a learning"
          + "-rate schedule: implement Optimizer.Stepper.learningRate(double)");
    }
  }

  /**
   * This optimizer with another learning rate and its other settings: what a search varies.
   * Lamina's optimizers all have it; one of your own needs it to be searched over.
   *
   * @param learningRate the new rate, > 0
   * @return a copy with that rate
   * @throws UnsupportedOperationException for an optimizer that does not implement it
   */
  default Optimizer withLearningRate(double learningRate) {
    throw new UnsupportedOperationException(getClass().getName() + " cannot change its learning"
        + " rate: implement Optimizer.withLearningRate(double)");
  }

  /**
   * Plain SGD: {@code w -= learningRate · g}. Add momentum with {@link Sgd#momentum}.
   *
   * @param learningRate lr, > 0
   * @return SGD without momentum
   */
  static Sgd sgd(double learningRate) {
    return new Sgd(learningRate, 0, false);
  }

  /**
   * Adam with PyTorch's defaults β1 = 0.9, β2 = 0.999, ε = 1e-8.
   *
   * @param learningRate lr, > 0; 1e-3 is the usual start
   * @return Adam
   */
  static Adam adam(double learningRate) {
    return new Adam(learningRate, 0.9, 0.999, 1e-8);
  }

  /**
   * AdamW with PyTorch's defaults β1 = 0.9, β2 = 0.999, ε = 1e-8, weight decay 0.01.
   *
   * @param learningRate lr, > 0
   * @return AdamW
   */
  static AdamW adamW(double learningRate) {
    return new AdamW(learningRate, 0.9, 0.999, 1e-8, 0.01);
  }

  /**
   * RMSprop with PyTorch's defaults α = 0.99, ε = 1e-8, no momentum, not centered.
   *
   * @param learningRate lr, > 0
   * @return RMSprop
   */
  static RmsProp rmsProp(double learningRate) {
    return new RmsProp(learningRate, 0.99, 1e-8, 0, false);
  }

  /**
   * Adagrad with PyTorch's defaults: no rate decay, the sums start at 0, ε = 1e-10.
   *
   * @param learningRate lr, > 0
   * @return Adagrad
   */
  static Adagrad adagrad(double learningRate) {
    return new Adagrad(learningRate, 0, 0, 1e-10);
  }

  /**
   * Lion with its authors' defaults β1 = 0.9, β2 = 0.99, no weight decay.
   *
   * @param learningRate lr, > 0; 3–10× smaller than Adam's
   * @return Lion
   */
  static Lion lion(double learningRate) {
    return new Lion(learningRate, 0.9, 0.99, 0);
  }

  /**
   * Checks an optimizer setting.
   *
   * @param name the setting, for the message
   * @param value the value
   * @throws IllegalArgumentException if {@code value} is not positive and finite
   */
  static void requirePositive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be > 0 and finite, got " + value);
    }
  }

  /**
   * Checks an optimizer setting such as a β or a momentum.
   *
   * @param name the setting, for the message
   * @param value the value
   * @throws IllegalArgumentException if {@code value} is outside [0, 1)
   */
  static void requireUnitInterval(String name, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
    }
  }
}
