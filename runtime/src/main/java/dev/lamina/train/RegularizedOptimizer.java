package dev.lamina.train;

import dev.lamina.nn.Parameters;

/**
 * An optimizer with the trainer's per-step regularization around it. Each step, in order: puts
 * back the clean weights if weight noise perturbed them (the gradient was taken at the perturbed
 * ones), clips the gradient, adds the L1/L2 penalty's gradient, applies decoupled decay, then
 * the optimizer's update. This is PyTorch's order: {@code clip_grad_norm_} runs between {@code
 * backward()} and {@code step()}, {@code SGD}/{@code Adam(weight_decay)} add λ·w to the gradient
 * before anything else, and {@code AdamW} scales w by (1 − lr·λ) before Adam's update.
 */
final class RegularizedOptimizer implements Optimizer {
  private final Optimizer optimizer;
  private final WeightDecay decay;
  private final WeightNoise noise;
  private final GradientClipping clipping;

  /** {@code noise} and {@code clipping} may be null: none. */
  RegularizedOptimizer(Optimizer optimizer, WeightDecay decay, WeightNoise noise,
      GradientClipping clipping) {
    this.optimizer = optimizer;
    this.decay = decay;
    this.noise = noise;
    this.clipping = clipping;
  }

  @Override
  public double learningRate() {
    return optimizer.learningRate();
  }

  @Override
  public Stepper start(Parameters parameters) {
    Stepper inner = optimizer.start(parameters);
    return new Stepper() {
      private double lr = optimizer.learningRate();
      private boolean restore;
      private float clipScale = 1;

      @Override
      public void step() {
        if (noise != null) {
          noise.restore();
        }
        clipScale = clipping == null ? 1 : clipping.scale(parameters);
        regularize(0, 1);
        inner.step();
      }

      @Override
      public boolean splits() {
        return inner.splits();
      }

      @Override
      public void begin() {
        restore = noise != null && noise.takePerturbed();
        // The global norm needs every gradient: it is summed here, on one thread, in order.
        clipScale = clipping == null ? 1 : clipping.scale(parameters);
        inner.begin();
      }

      @Override
      public void update(int part, int parts) {
        if (restore) {
          noise.restore(part, parts);
        }
        regularize(part, parts);
        inner.update(part, parts);
      }

      private void regularize(int part, int parts) {
        if (clipping != null) {
          clipping.clip(parameters, clipScale, part, parts);
        }
        decay.addGradient(parameters, part, parts);
        decay.shrink(parameters, lr, part, parts);
      }

      @Override
      public void learningRate(double rate) {
        lr = rate;
        inner.learningRate(rate);
      }

      // Decay, noise and clipping keep no state between steps: the checkpoint is the wrapped
      // optimizer's.
      @Override
      public java.util.Map<String, float[]> state() {
        return inner.state();
      }

      @Override
      public void resumeAt(long steps) {
        inner.resumeAt(steps);
      }
    };
  }

  @Override
  public String toString() {
    return optimizer + " with " + decay + (noise == null ? "" : " and weight noise")
        + (clipping == null ? "" : " and clipping " + clipping);
  }
}
