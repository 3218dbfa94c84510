package dev.lamina.train;

import dev.lamina.internal.kernel.Noise;
import dev.lamina.nn.Parameter;
import dev.lamina.nn.ParameterKind;
import dev.lamina.nn.Parameters;
import dev.lamina.nn.Seeds;
import java.util.ArrayList;
import java.util.List;

/**
 * Weight noise for one training run: before each step every weight (parameters of kind {@link
 * ParameterKind#WEIGHT}; not biases, γ or β) gets a fresh Gaussian perturbation, w̃ = w + ε with
 * ε ~ N(0, std²); the forward and backward passes run at w̃, so the gradient is the loss's
 * gradient at the perturbed weights; then {@link #restore} puts the clean w back and the
 * optimizer updates the clean weights with that gradient. The noise of step t comes from the run's
 * seed and t alone.
 */
final class WeightNoise {
  private final List<Parameter> weights = new ArrayList<>();
  private final float[][] clean;
  private final float scale;
  private final long seed;
  private long stepSeed;
  private boolean perturbed;

  WeightNoise(Parameters parameters, double std, long seed) {
    for (Parameter p : parameters) {
      if (p.kind() == ParameterKind.WEIGHT) {
        weights.add(p);
      }
    }
    this.clean = new float[weights.size()][];
    for (int i = 0; i < clean.length; i++) {
      clean[i] = new float[weights.get(i).size()];
    }
    this.scale = Noise.scale(std);
    this.seed = seed;
  }

  /** Keeps the clean weights and adds step {@code step}'s noise to them. */
  void perturb(long step) {
    begin(step);
    perturb(0, 1);
  }

  /**
   * Starts step {@code step}'s perturbation; the caller then runs {@link #perturb(int, int)} for
   * every part, on the threads that update those rows.
   */
  void begin(long step) {
    stepSeed = Seeds.derive(seed, step);
    perturbed = true;
  }

  /**
   * Keeps and perturbs part {@code part} of the weights ({@link Parameter#partStart}). Element
   * i's noise depends on the step and i alone, so any split gives the same bits.
   */
  void perturb(int part, int parts) {
    for (int i = 0; i < clean.length; i++) {
      float[] w = weights.get(i).values();
      int from = weights.get(i).partStart(part, parts);
      int to = weights.get(i).partStart(part + 1, parts);
      System.arraycopy(w, from, clean[i], from, to - from);
      Noise.addGaussian(w, from, to, Noise.layerKey(stepSeed, i), scale);
    }
  }

  /** Puts back the weights {@link #perturb} kept; nothing when they are not perturbed. */
  void restore() {
    if (takePerturbed()) {
      restore(0, 1);
    }
  }

  /**
   * Whether the weights are perturbed, and from now on counted as put back: the caller puts them
   * back, part by part, with {@link #restore(int, int)}.
   */
  boolean takePerturbed() {
    boolean was = perturbed;
    perturbed = false;
    return was;
  }

  /** Puts back part {@code part} of the kept weights ({@link Parameter#partStart}). */
  void restore(int part, int parts) {
    for (int i = 0; i < clean.length; i++) {
      Parameter p = weights.get(i);
      int from = p.partStart(part, parts);
      System.arraycopy(clean[i], from, p.values(), from, p.partStart(part + 1, parts) - from);
    }
  }
}
