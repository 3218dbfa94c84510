package dev.lamina.train;

import dev.lamina.nn.Parameter;
import dev.lamina.nn.Parameters;
import java.util.List;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Stochastic gradient descent with optional momentum, PyTorch's formulation: {@code b = μ·b + g},
 * then {@code w -= lr·b}, or with Nesterov {@code w -= lr·(g + μ·b)}.
 *
 * @param learningRate lr, > 0
 * @param momentum μ, in [0, 1); 0 for none
 * @param nesterov whether to use Nesterov momentum (needs μ > 0)
 */
public record Sgd(double learningRate, double momentum, boolean nesterov)
    implements Optimizer, java.io.Serializable {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException if the rate is not positive and finite, the momentum is
   *     outside [0, 1), or Nesterov is asked for without momentum
   */
  public Sgd {
    Optimizer.requirePositive("learningRate", learningRate);
    Optimizer.requireUnitInterval("momentum", momentum);
    if (nesterov && momentum == 0) {
      throw new IllegalArgumentException("nesterov needs momentum > 0, got momentum = 0");
    }
  }

  /**
   * {@return a copy with another momentum}
   *
   * @param momentum μ, in [0, 1)
   */
  public Sgd momentum(double momentum) {
    return new Sgd(learningRate, momentum, nesterov);
  }

  /**
   * {@return a copy with or without Nesterov momentum}
   *
   * @param nesterov true for Nesterov (needs momentum > 0)
   */
  public Sgd nesterov(boolean nesterov) {
    return new Sgd(learningRate, momentum, nesterov);
  }

  @Override
  public Sgd withLearningRate(double learningRate) {
    return new Sgd(learningRate, momentum, nesterov);
  }

  @Override
  public Stepper start(Parameters parameters) {
    List<Parameter> list = parameters.list();
    float[][] velocity = new float[list.size()][];
    for (int i = 0; i < velocity.length; i++) {
      velocity[i] = new float[list.get(i).size()];
    }
    float mu = (float) momentum;
    return new Stepper() {
      private float lr = (float) learningRate;

      @Override
      public void step() {
        update(0, 1);
      }

      @Override
      public void begin() {}

      @Override
      public boolean splits() {
        return true;
      }

      @Override
      public void update(int part, int parts) {
        for (int i = 0; i < velocity.length; i++) {
          Parameter p = list.get(i);
          Sgd.update(p.values(), p.gradient(), velocity[i], p.partStart(part, parts),
              p.partStart(part + 1, parts), lr, mu, nesterov);
        }
      }

      @Override
      public void learningRate(double rate) {
        lr = (float) rate;
      }

      @Override
      public java.util.Map<String, float[]> state() {
        java.util.Map<String, float[]> state = new java.util.LinkedHashMap<>();
        for (int i = 0; i < velocity.length; i++) {
          state.put("momentum_buffer/" + list.get(i).name(), velocity[i]);
        }
        return state;
      }
    };
  }

  /** Elements from..to-1; the vector and scalar loops give the same bits, so any split does. */
  private static void update(float[] w, float[] g, float[] b, int from, int to, float lr, float mu,
      boolean nesterov) {
    FloatVector muv = FloatVector.broadcast(S, mu);
    int i = from;
    for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
      FloatVector gv = FloatVector.fromArray(S, g, i);
      FloatVector bv = FloatVector.fromArray(S, b, i).fma(muv, gv);
      bv.intoArray(b, i);
      FloatVector step = nesterov ? bv.fma(muv, gv) : bv;
      FloatVector.fromArray(S, w, i).sub(step.mul(lr)).intoArray(w, i);
    }
    for (; i < to; i++) {
      b[i] = Math.fma(b[i], mu, g[i]);
      float step = nesterov ? Math.fma(b[i], mu, g[i]) : b[i];
      w[i] = w[i] - step * lr;
    }
  }
}
