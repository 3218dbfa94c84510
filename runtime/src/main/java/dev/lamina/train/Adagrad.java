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
 * Adagrad in PyTorch's arithmetic: {@code s += g²}, {@code w −= lr_t·g/(√s + ε)} with {@code lr_t
 * = lr/(1 + (t−1)·decay)} at step t; the sum starts at {@code initialAccumulator}.
 *
 * @param learningRate lr, > 0
 * @param decay the learning-rate decay per step, ≥ 0
 * @param initialAccumulator the value the squared-gradient sum starts at, ≥ 0
 * @param epsilon ε, added to the denominator, > 0
 */
public record Adagrad(double learningRate, double decay, double initialAccumulator,
    double epsilon) implements Optimizer, java.io.Serializable {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException if the rate or ε is not positive and finite, or the decay or
   *     initial sum is negative
   */
  public Adagrad {
    Optimizer.requirePositive("learningRate", learningRate);
    requireNonNegative("decay", decay);
    requireNonNegative("initialAccumulator", initialAccumulator);
    Optimizer.requirePositive("epsilon", epsilon);
  }

  /**
   * {@return a copy with another learning-rate decay}
   *
   * @param decay the decay per step, ≥ 0
   */
  public Adagrad decay(double decay) {
    return new Adagrad(learningRate, decay, initialAccumulator, epsilon);
  }

  /**
   * {@return a copy whose squared-gradient sums start at {@code value}}
   *
   * @param value the start value, ≥ 0
   */
  public Adagrad initialAccumulator(double value) {
    return new Adagrad(learningRate, decay, value, epsilon);
  }

  /**
   * {@return a copy with another ε}
   *
   * @param epsilon ε, > 0
   */
  public Adagrad epsilon(double epsilon) {
    return new Adagrad(learningRate, decay, initialAccumulator, epsilon);
  }

  @Override
  public Adagrad withLearningRate(double learningRate) {
    return new Adagrad(learningRate, decay, initialAccumulator, epsilon);
  }

  @Override
  public Stepper start(Parameters parameters) {
    List<Parameter> list = parameters.list();
    float[][] sums = new float[list.size()][];
    for (int i = 0; i < sums.length; i++) {
      sums[i] = new float[list.get(i).size()];
      java.util.Arrays.fill(sums[i], (float) initialAccumulator);
    }
    return new Stepper() {
      private double lr = learningRate;
      private long t;
      private float stepSize;

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
        t++;
        stepSize = (float) (lr / (1 + (t - 1) * decay));
      }

      @Override
      public void update(int part, int parts) {
        for (int i = 0; i < sums.length; i++) {
          Parameter p = list.get(i);
          Adagrad.this.update(p.values(), p.gradient(), sums[i], p.partStart(part, parts),
              p.partStart(part + 1, parts), stepSize);
        }
      }

      @Override
      public void learningRate(double rate) {
        lr = rate;
      }

      @Override
      public Map<String, float[]> state() {
        Map<String, float[]> state = new LinkedHashMap<>();
        for (int i = 0; i < sums.length; i++) {
          state.put("sum/" + list.get(i).name(), sums[i]);
        }
        return state;
      }

      @Override
      public void resumeAt(long steps) {
        t = steps;
      }
    };
  }

  /** Elements from..to-1; the vector and scalar loops give the same bits, so any split does. */
  private void update(float[] w, float[] g, float[] s, int from, int to, float stepSize) {
    float eps = (float) epsilon;
    int i = from;
    for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
      FloatVector gv = FloatVector.fromArray(S, g, i);
      FloatVector sv = FloatVector.fromArray(S, s, i).add(gv.mul(gv));
      sv.intoArray(s, i);
      FloatVector d = sv.lanewise(VectorOperators.SQRT).add(eps);
      FloatVector.fromArray(S, w, i).sub(gv.div(d).mul(stepSize)).intoArray(w, i);
    }
    for (; i < to; i++) {
      s[i] = s[i] + g[i] * g[i];
      float d = (float) Math.sqrt(s[i]) + eps;
      w[i] = w[i] - g[i] / d * stepSize;
    }
  }

  private static void requireNonNegative(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be >= 0 and finite, got " + value);
    }
  }
}
