package dev.lamina.train;

import dev.lamina.nn.Parameter;
import dev.lamina.nn.Parameters;
import java.util.List;

/**
 * Weight decay, set on the trainer: L2 (the penalty λ/2·‖w‖² added to the loss, so λ·w added to
 * the gradient), L1 (λ·‖w‖₁, so λ·sign(w)), both, and decoupled decay (w ← w − lr·λ·w beside the
 * optimizer's update, not through its gradient: AdamW with Adam).
 *
 * <p>It applies to the parameters whose {@link Parameter#decayScale()} is positive, multiplied by
 * it: by default every dense layer's weights (factor 1) and no bias, γ or β; a layer's {@code
 * @Decay} changes the factor or adds its bias. The training loss the trainer reports is the data
 * loss alone; {@link #penalty} gives the L1 and L2 terms.
 *
 * <p>L1's subgradient at w = 0 is taken as 0 (as {@code torch.sign} and the gradient of {@code
 * torch.abs} do): a weight that is exactly zero stays zero under the penalty alone, rather than
 * being pushed to ±λ·lr and oscillating around 0. L1 never makes weights exactly zero by itself;
 * a weight at zero is one whose data gradient is zero too.
 *
 * @param l1 λ of the L1 penalty λ·‖w‖₁
 * @param l2 λ of the L2 penalty λ/2·‖w‖²
 * @param decoupled λ of decoupled decay: each step multiplies w by (1 − lr·λ)
 */
public record WeightDecay(double l1, double l2, double decoupled)
    implements java.io.Serializable {
  /** No decay: the trainer's default. */
  public static final WeightDecay NONE = new WeightDecay(0, 0, 0);

  /**
   * Checks the strengths.
   *
   * @throws IllegalArgumentException if a strength is negative, NaN or infinite
   */
  public WeightDecay {
    requireNonNegative("l1", l1);
    requireNonNegative("l2", l2);
    requireNonNegative("decoupled", decoupled);
  }

  /**
   * L2: penalty λ/2·‖w‖², gradient λ·w; PyTorch's {@code weight_decay=λ} in SGD and Adam.
   *
   * @param lambda λ, ≥ 0
   * @return the decay
   */
  public static WeightDecay l2(double lambda) {
    return new WeightDecay(0, lambda, 0);
  }

  /**
   * L1: penalty λ·‖w‖₁, subgradient λ·sign(w) with sign(0) = 0.
   *
   * @param lambda λ, ≥ 0
   * @return the decay
   */
  public static WeightDecay l1(double lambda) {
    return new WeightDecay(lambda, 0, 0);
  }

  /**
   * L1 and L2 together (the elastic net): penalty λ1·‖w‖₁ + λ2/2·‖w‖².
   *
   * @param l1 λ1, ≥ 0
   * @param l2 λ2, ≥ 0
   * @return the decay
   */
  public static WeightDecay elasticNet(double l1, double l2) {
    return new WeightDecay(l1, l2, 0);
  }

  /**
   * Decoupled decay (Loshchilov and Hutter): w ← w·(1 − lr·λ) each step, before the optimizer's
   * update and outside its gradient, so Adam's scaling does not weaken it. With Adam this is
   * PyTorch's {@code AdamW(weight_decay=λ)}; with plain SGD it equals {@link #l2}.
   *
   * @param lambda λ, ≥ 0
   * @return the decay
   */
  public static WeightDecay decoupled(double lambda) {
    return new WeightDecay(0, 0, lambda);
  }

  /**
   * Whether any decay applies.
   *
   * @return true when a strength is above 0
   */
  public boolean isPresent() {
    return l1 > 0 || l2 > 0 || decoupled > 0;
  }

  /**
   * The L1 and L2 penalty of {@code parameters}: Σ scale·(λ1·|w| + λ2/2·w²). Decoupled decay has none.
   *
   * @param parameters the network's parameters
   * @return the penalty added to the loss
   */
  public double penalty(Parameters parameters) {
    double total = 0;
    for (Parameter p : parameters) {
      if (!p.decayed()) {
        continue;
      }
      double abs = 0;
      double squares = 0;
      for (float w : p.values()) {
        abs += Math.abs(w);
        squares += (double) w * w;
      }
      total += p.decayScale() * (l1 * abs + l2 / 2 * squares);
    }
    return total;
  }

  /**
   * Adds the penalty's gradient, scale·(λ1·sign(w) + λ2·w), to every decayed parameter's
   * gradient: part {@code part} of {@code parts} ({@link Parameter#partStart}).
   */
  void addGradient(Parameters parameters, int part, int parts) {
    if (l1 == 0 && l2 == 0) {
      return;
    }
    // Indexed, not for-each: this runs every training step, and an iterator is an allocation.
    List<Parameter> list = parameters.list();
    for (int k = 0; k < list.size(); k++) {
      Parameter p = list.get(k);
      if (!p.decayed()) {
        continue;
      }
      float a = (float) (p.decayScale() * l1);
      float b = (float) (p.decayScale() * l2);
      float[] w = p.values();
      float[] g = p.gradient();
      for (int i = p.partStart(part, parts), end = p.partStart(part + 1, parts); i < end; i++) {
        // Math.signum(0) is 0: the subgradient at the kink is 0, deliberately.
        g[i] += a * Math.signum(w[i]) + b * w[i];
      }
    }
  }

  /** Decoupled decay: multiplies part {@code part} of every decayed parameter by 1 − lr·λ·scale. */
  void shrink(Parameters parameters, double learningRate, int part, int parts) {
    if (decoupled == 0) {
      return;
    }
    List<Parameter> list = parameters.list();
    for (int k = 0; k < list.size(); k++) {
      Parameter p = list.get(k);
      if (!p.decayed()) {
        continue;
      }
      float factor = (float) (1 - learningRate * decoupled * p.decayScale());
      float[] w = p.values();
      for (int i = p.partStart(part, parts), end = p.partStart(part + 1, parts); i < end; i++) {
        w[i] *= factor;
      }
    }
  }

  private static void requireNonNegative(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be >= 0 and finite, got " + value
          + "; typical values are 1e-5 to 1e-3, and 0 turns it off");
    }
  }
}
