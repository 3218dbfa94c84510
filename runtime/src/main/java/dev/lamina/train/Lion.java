package dev.lamina.train;

import dev.lamina.nn.Parameter;
import dev.lamina.nn.Parameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms"): {@code w ← w·(1 −
 * lr·λ) − lr·sign(β1·m + (1−β1)·g)}, then {@code m ← β2·m + (1−β2)·g}. Every step moves each
 * weight by exactly ±lr (plus decay), so it wants a rate 3–10× smaller than Adam's, and keeps one
 * buffer per weight instead of Adam's two. The decay applies to the parameters weight decay
 * applies to ({@link Parameter#decayed()}). PyTorch has no Lion; the fixture follows the
 * authors' reference implementation, written with torch operations.
 *
 * @param learningRate lr, > 0
 * @param beta1 β1, the interpolation for the update's sign, in [0, 1)
 * @param beta2 β2, the decay of the momentum, in [0, 1)
 * @param weightDecay λ, the decoupled decay, ≥ 0
 */
public record Lion(double learningRate, double beta1, double beta2, double weightDecay)
    implements Optimizer, java.io.Serializable {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException if the rate is not positive and finite, a β is outside [0, 1),
   *     or the decay is negative or infinite
   */
  public Lion {
    Optimizer.requirePositive("learningRate", learningRate);
    Optimizer.requireUnitInterval("beta1", beta1);
    Optimizer.requireUnitInterval("beta2", beta2);
    if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
      throw new IllegalArgumentException("weightDecay must be >= 0 and finite, got " + weightDecay);
    }
  }

  /**
   * {@return a copy with other β1 and β2}
   *
   * @param beta1 β1, in [0, 1)
   * @param beta2 β2, in [0, 1)
   */
  public Lion betas(double beta1, double beta2) {
    return new Lion(learningRate, beta1, beta2, weightDecay);
  }

  /**
   * {@return a copy with another decay}
   *
   * @param weightDecay λ, ≥ 0
   */
  public Lion weightDecay(double weightDecay) {
    return new Lion(learningRate, beta1, beta2, weightDecay);
  }

  @Override
  public Lion withLearningRate(double learningRate) {
    return new Lion(learningRate, beta1, beta2, weightDecay);
  }

  @Override
  public Stepper start(Parameters parameters) {
    List<Parameter> list = parameters.list();
    float[][] m = new float[list.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = new float[list.get(i).size()];
    }
    return new Stepper() {
      private double lr = learningRate;

      @Override
      public void step() {
        update(0, 1);
      }

      @Override
      public boolean splits() {
        return true;
      }

      @Override
      public void begin() {}

      @Override
      public void update(int part, int parts) {
        for (int i = 0; i < m.length; i++) {
          Parameter p = list.get(i);
          float shrink = (float) (1 - lr * weightDecay * p.decayScale());
          Lion.this.update(p.values(), p.gradient(), m[i], p.partStart(part, parts),
              p.partStart(part + 1, parts), (float) lr, shrink);
        }
      }

      @Override
      public void learningRate(double rate) {
        lr = rate;
      }

      @Override
      public Map<String, float[]> state() {
        Map<String, float[]> state = new LinkedHashMap<>();
        for (int i = 0; i < m.length; i++) {
          state.put("exp_avg/" + list.get(i).name(), m[i]);
        }
        return state;
      }
    };
  }

  /** Elements from..to-1; the vector and scalar loops give the same bits, so any split does. */
  private void update(float[] w, float[] g, float[] m, int from, int to, float lr, float shrink) {
    float b1 = (float) beta1;
    float b2 = (float) beta2;
    FloatVector zero = FloatVector.zero(S);
    FloatVector one = FloatVector.broadcast(S, 1f);
    FloatVector minusOne = FloatVector.broadcast(S, -1f);
    int i = from;
    for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
      FloatVector gv = FloatVector.fromArray(S, g, i);
      FloatVector mv = FloatVector.fromArray(S, m, i);
      FloatVector c = mv.mul(b1).add(gv.mul(1 - b1));
      // sign(c) as Math.signum gives it: ±1, 0 for 0, NaN for NaN
      FloatVector direction = zero.blend(one, c.compare(VectorOperators.GT, 0))
          .blend(minusOne, c.compare(VectorOperators.LT, 0))
          .blend(c, c.test(VectorOperators.IS_NAN));
      FloatVector.fromArray(S, w, i).mul(shrink).sub(direction.mul(lr)).intoArray(w, i);
      mv.mul(b2).add(gv.mul(1 - b2)).intoArray(m, i);
    }
    for (; i < to; i++) {
      float direction = Math.signum(m[i] * b1 + g[i] * (1 - b1));
      w[i] = w[i] * shrink - direction * lr;
      m[i] = m[i] * b2 + g[i] * (1 - b2);
    }
  }
}
