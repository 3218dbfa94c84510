package dev.lamina.train;

import dev.lamina.nn.Parameter;
import dev.lamina.nn.Parameters;
import java.util.List;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Adam (Kingma and Ba), in PyTorch's arithmetic: {@code m = β1·m + (1−β1)·g}, {@code v = β2·v +
 * (1−β2)·g²}, {@code w -= (lr / (1−β1^t)) · m / (√v / √(1−β2^t) + ε)}.
 *
 * @param learningRate lr, > 0
 * @param beta1 β1, the decay of the gradient's moving average, in [0, 1)
 * @param beta2 β2, the decay of the squared gradient's moving average, in [0, 1)
 * @param epsilon ε, added to the denominator, > 0
 */
public record Adam(double learningRate, double beta1, double beta2, double epsilon)
    implements Optimizer, java.io.Serializable {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException if the rate or ε is not positive and finite, or a β is outside
   *     [0, 1)
   */
  public Adam {
    Optimizer.requirePositive("learningRate", learningRate);
    Optimizer.requireUnitInterval("beta1", beta1);
    Optimizer.requireUnitInterval("beta2", beta2);
    Optimizer.requirePositive("epsilon", epsilon);
  }

  /**
   * {@return a copy with other β1 and β2}
   *
   * @param beta1 β1, in [0, 1)
   * @param beta2 β2, in [0, 1)
   */
  public Adam betas(double beta1, double beta2) {
    return new Adam(learningRate, beta1, beta2, epsilon);
  }

  /**
   * {@return a copy with another ε}
   *
   * @param epsilon ε, > 0
   */
  public Adam epsilon(double epsilon) {
    return new Adam(learningRate, beta1, beta2, epsilon);
  }

  @Override
  public Adam withLearningRate(double learningRate) {
    return new Adam(learningRate, beta1, beta2, epsilon);
  }

  @Override
  public Stepper start(Parameters parameters) {
    List<Parameter> list = parameters.list();
    float[][] m = new float[list.size()][];
    float[][] v = new float[list.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = new float[list.get(i).size()];
      v[i] = new float[list.get(i).size()];
    }
    return new Stepper() {
      private double lr = learningRate;
      private int t;
      private float stepSize;
      private float sqrtCorrection2;

      @Override
      public void step() {
        begin();
        update(0, 1);
      }

      @Override
      public void begin() {
        t++;
        stepSize = (float) (lr / (1 - Math.pow(beta1, t)));
        sqrtCorrection2 = (float) Math.sqrt(1 - Math.pow(beta2, t));
      }

      @Override
      public boolean splits() {
        return true;
      }

      @Override
      public void update(int part, int parts) {
        for (int i = 0; i < m.length; i++) {
          Parameter p = list.get(i);
          Adam.this.update(p.values(), p.gradient(), m[i], v[i], p.partStart(part, parts),
              p.partStart(part + 1, parts), stepSize, sqrtCorrection2);
        }
      }

      @Override
      public void learningRate(double rate) {
        lr = rate;
      }

      @Override
      public java.util.Map<String, float[]> state() {
        java.util.Map<String, float[]> state = new java.util.LinkedHashMap<>();
        for (int i = 0; i < m.length; i++) {
          state.put("exp_avg/" + list.get(i).name(), m[i]);
          state.put("exp_avg_sq/" + list.get(i).name(), v[i]);
        }
        return state;
      }

      @Override
      public void resumeAt(long steps) {
        t = Math.toIntExact(steps);
      }
    };
  }

  /** Elements from..to-1; the vector and scalar loops give the same bits, so any split does. */
  private void update(float[] w, float[] g, float[] m, float[] v, int from, int to,
      float stepSize, float sqrtC2) {
    float b1 = (float) beta1;
    float b2 = (float) beta2;
    float eps = (float) epsilon;
    int i = from;
    for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
      FloatVector gv = FloatVector.fromArray(S, g, i);
      FloatVector mv = FloatVector.fromArray(S, m, i).mul(b1).add(gv.mul(1 - b1));
      FloatVector vv = FloatVector.fromArray(S, v, i).mul(b2).add(gv.mul(gv).mul(1 - b2));
      mv.intoArray(m, i);
      vv.intoArray(v, i);
      FloatVector denom = vv.lanewise(VectorOperators.SQRT).div(sqrtC2).add(eps);
      FloatVector.fromArray(S, w, i).sub(mv.div(denom).mul(stepSize)).intoArray(w, i);
    }
    for (; i < to; i++) {
      m[i] = m[i] * b1 + g[i] * (1 - b1);
      v[i] = v[i] * b2 + g[i] * g[i] * (1 - b2);
      float denom = (float) Math.sqrt(v[i]) / sqrtC2 + eps;
      w[i] = w[i] - m[i] / denom * stepSize;
    }
  }
}
