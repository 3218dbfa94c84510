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
 * RMSprop in PyTorch's arithmetic: {@code v = α·v + (1−α)·g²}; centered, also {@code a = α·a +
 * (1−α)·g} and v − a² in place of v; {@code d = √v + ε}; then {@code w −= lr·g/d}, or with
 * momentum {@code b = μ·b + g/d; w −= lr·b}.
 *
 * @param learningRate lr, > 0
 * @param alpha α, the decay of the squared gradient's average, in [0, 1)
 * @param epsilon ε, added to the denominator, > 0
 * @param momentum μ, in [0, 1); 0 for none
 * @param centered whether to divide by the gradient's estimated variance rather than its second
 *     moment
 */
public record RmsProp(double learningRate, double alpha, double epsilon, double momentum,
    boolean centered) implements Optimizer, java.io.Serializable {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException if the rate or ε is not positive and finite, or α or the
   *     momentum is outside [0, 1)
   */
  public RmsProp {
    Optimizer.requirePositive("learningRate", learningRate);
    Optimizer.requireUnitInterval("alpha", alpha);
    Optimizer.requirePositive("epsilon", epsilon);
    Optimizer.requireUnitInterval("momentum", momentum);
  }

  /**
   * {@return a copy with another α}
   *
   * @param alpha α, in [0, 1)
   */
  public RmsProp alpha(double alpha) {
    return new RmsProp(learningRate, alpha, epsilon, momentum, centered);
  }

  /**
   * {@return a copy with another ε}
   *
   * @param epsilon ε, > 0
   */
  public RmsProp epsilon(double epsilon) {
    return new RmsProp(learningRate, alpha, epsilon, momentum, centered);
  }

  /**
   * {@return a copy with another momentum}
   *
   * @param momentum μ, in [0, 1)
   */
  public RmsProp momentum(double momentum) {
    return new RmsProp(learningRate, alpha, epsilon, momentum, centered);
  }

  /**
   * {@return a copy that is or is not centered}
   *
   * @param centered true for centered
   */
  public RmsProp centered(boolean centered) {
    return new RmsProp(learningRate, alpha, epsilon, momentum, centered);
  }

  @Override
  public RmsProp withLearningRate(double learningRate) {
    return new RmsProp(learningRate, alpha, epsilon, momentum, centered);
  }

  @Override
  public Stepper start(Parameters parameters) {
    List<Parameter> list = parameters.list();
    float[][] v = new float[list.size()][];
    float[][] a = new float[list.size()][];
    float[][] b = new float[list.size()][];
    for (int i = 0; i < v.length; i++) {
      v[i] = new float[list.get(i).size()];
      a[i] = centered ? new float[list.get(i).size()] : null;
      b[i] = momentum > 0 ? new float[list.get(i).size()] : null;
    }
    return new Stepper() {
      private float lr = (float) learningRate;

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
        for (int i = 0; i < v.length; i++) {
          Parameter p = list.get(i);
          RmsProp.this.update(p.values(), p.gradient(), v[i], a[i], b[i],
              p.partStart(part, parts), p.partStart(part + 1, parts), lr);
        }
      }

      @Override
      public void learningRate(double rate) {
        lr = (float) rate;
      }

      @Override
      public Map<String, float[]> state() {
        Map<String, float[]> state = new LinkedHashMap<>();
        for (int i = 0; i < v.length; i++) {
          state.put("square_avg/" + list.get(i).name(), v[i]);
          if (centered) {
            state.put("grad_avg/" + list.get(i).name(), a[i]);
          }
          if (momentum > 0) {
            state.put("momentum_buffer/" + list.get(i).name(), b[i]);
          }
        }
        return state;
      }
    };
  }

  /** Elements from..to-1; the vector and scalar loops give the same bits, so any split does. */
  private void update(float[] w, float[] g, float[] v, float[] a, float[] b, int from, int to,
      float lr) {
    float al = (float) alpha;
    float eps = (float) epsilon;
    float mu = (float) momentum;
    int i = from;
    for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
      FloatVector gv = FloatVector.fromArray(S, g, i);
      FloatVector vv = FloatVector.fromArray(S, v, i).mul(al).add(gv.mul(gv).mul(1 - al));
      vv.intoArray(v, i);
      FloatVector var = vv;
      if (a != null) {
        FloatVector av = FloatVector.fromArray(S, a, i).mul(al).add(gv.mul(1 - al));
        av.intoArray(a, i);
        var = vv.sub(av.mul(av));
      }
      FloatVector d = var.lanewise(VectorOperators.SQRT).add(eps);
      FloatVector w0 = FloatVector.fromArray(S, w, i);
      if (b != null) {
        FloatVector bv = FloatVector.fromArray(S, b, i).mul(mu).add(gv.div(d));
        bv.intoArray(b, i);
        w0.sub(bv.mul(lr)).intoArray(w, i);
      } else {
        w0.sub(gv.div(d).mul(lr)).intoArray(w, i);
      }
    }
    for (; i < to; i++) {
      v[i] = v[i] * al + g[i] * g[i] * (1 - al);
      float var = v[i];
      if (a != null) {
        a[i] = a[i] * al + g[i] * (1 - al);
        var = v[i] - a[i] * a[i];
      }
      float d = (float) Math.sqrt(var) + eps;
      if (b != null) {
        b[i] = b[i] * mu + g[i] / d;
        w[i] = w[i] - b[i] * lr;
      } else {
        w[i] = w[i] - g[i] / d * lr;
      }
    }
  }
}
