package dev.lamina.train;

import dev.lamina.nn.Parameter;
import dev.lamina.nn.Parameters;
import java.util.List;
import java.util.Map;

/**
 * AdamW (Loshchilov and Hutter) by name, PyTorch's {@code AdamW}: each step first multiplies the
 * weights by {@code 1 − lr·λ}, then takes {@link Adam}'s step. It is Adam with {@code
 * WeightDecay.decoupled(λ)}, with λ kept beside the optimizer, and decays the same parameters
 * (those whose {@link Parameter#decayed()} is true, scaled by their factor: weights, not biases).
 *
 * @param learningRate lr, > 0
 * @param beta1 β1, in [0, 1)
 * @param beta2 β2, in [0, 1)
 * @param epsilon ε, > 0
 * @param weightDecay λ, ≥ 0
 */
public record AdamW(double learningRate, double beta1, double beta2, double epsilon,
    double weightDecay) implements Optimizer, java.io.Serializable {

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException if the rate or ε is not positive and finite, a β is outside
   *     [0, 1), or the decay is negative or infinite
   */
  public AdamW {
    new Adam(learningRate, beta1, beta2, epsilon); // the same checks
    if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
      throw new IllegalArgumentException("weightDecay must be >= 0 and finite, got " + weightDecay
          + "; PyTorch's default is 0.01");
    }
  }

  /**
   * {@return a copy with other β1 and β2}
   *
   * @param beta1 β1, in [0, 1)
   * @param beta2 β2, in [0, 1)
   */
  public AdamW betas(double beta1, double beta2) {
    return new AdamW(learningRate, beta1, beta2, epsilon, weightDecay);
  }

  /**
   * {@return a copy with another ε}
   *
   * @param epsilon ε, > 0
   */
  public AdamW epsilon(double epsilon) {
    return new AdamW(learningRate, beta1, beta2, epsilon, weightDecay);
  }

  /**
   * {@return a copy with another decay}
   *
   * @param weightDecay λ, ≥ 0
   */
  public AdamW weightDecay(double weightDecay) {
    return new AdamW(learningRate, beta1, beta2, epsilon, weightDecay);
  }

  @Override
  public AdamW withLearningRate(double learningRate) {
    return new AdamW(learningRate, beta1, beta2, epsilon, weightDecay);
  }

  @Override
  public Stepper start(Parameters parameters) {
    Stepper adam = new Adam(learningRate, beta1, beta2, epsilon).start(parameters);
    List<Parameter> list = parameters.list();
    return new Stepper() {
      private double lr = learningRate;

      @Override
      public void step() {
        begin();
        update(0, 1);
      }

      @Override
      public boolean splits() {
        return true;
      }

      @Override
      public void begin() {
        adam.begin();
      }

      @Override
      public void update(int part, int parts) {
        for (int k = 0; k < list.size(); k++) {
          Parameter p = list.get(k);
          if (!p.decayed()) {
            continue;
          }
          float factor = (float) (1 - lr * weightDecay * p.decayScale());
          float[] w = p.values();
          for (int i = p.partStart(part, parts), end = p.partStart(part + 1, parts); i < end; i++) {
            w[i] *= factor;
          }
        }
        adam.update(part, parts);
      }

      @Override
      public void learningRate(double rate) {
        lr = rate;
        adam.learningRate(rate);
      }

      @Override
      public Map<String, float[]> state() {
        return adam.state();
      }

      @Override
      public void resumeAt(long steps) {
        adam.resumeAt(steps);
      }
    };
  }
}
