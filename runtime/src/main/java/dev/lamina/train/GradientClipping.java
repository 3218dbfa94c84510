package dev.lamina.train;

import dev.lamina.nn.Parameter;
import dev.lamina.nn.Parameters;
import java.util.List;

/**
 * Limits the gradient before each update, as PyTorch's {@code clip_grad_norm_} and {@code
 * clip_grad_value_} do between {@code backward()} and {@code step()}: by global norm (when the
 * L2 norm of all gradients together exceeds {@code maxNorm}, every gradient is multiplied by
 * {@code maxNorm / (norm + 1e-6)}) and/or by value (each element clamped to ±{@code maxValue}).
 * It sees the data gradient of the trained parameters, before weight decay adds its own.
 *
 * @param maxNorm the largest global L2 norm, or infinity for no limit
 * @param maxValue the largest |element|, or infinity for no limit
 */
public record GradientClipping(double maxNorm, double maxValue) implements java.io.Serializable {
  /**
   * Checks the limits.
   *
   * @throws IllegalArgumentException if a limit is not positive (NaN included)
   */
  public GradientClipping {
    if (!(maxNorm > 0) || !(maxValue > 0)) {
      throw new IllegalArgumentException("maxNorm and maxValue must be > 0, got " + maxNorm
          + " and " + maxValue + "; typical limits are 1 to 5, infinity for none");
    }
  }

  /**
   * {@code clip_grad_norm_(parameters, maxNorm)}.
   *
   * @param maxNorm the largest L2 norm of all gradients together, > 0
   * @return clipping by global norm only
   */
  public static GradientClipping byNorm(double maxNorm) {
    return new GradientClipping(maxNorm, Double.POSITIVE_INFINITY);
  }

  /**
   * {@code clip_grad_value_(parameters, maxValue)}.
   *
   * @param maxValue the largest |gradient element|, > 0
   * @return clipping by value only
   */
  public static GradientClipping byValue(double maxValue) {
    return new GradientClipping(Double.POSITIVE_INFINITY, maxValue);
  }

  /**
   * The factor every gradient is multiplied by: {@code maxNorm / (norm + 1e-6)} when that is
   * below 1, else 1. The norm is summed in double, parameter by parameter, in order, so it is
   * the same on any number of threads.
   */
  float scale(Parameters parameters) {
    if (Double.isInfinite(maxNorm)) {
      return 1;
    }
    double squares = 0;
    List<Parameter> list = parameters.list();
    for (int k = 0; k < list.size(); k++) {
      for (float g : list.get(k).gradient()) {
        squares += (double) g * g;
      }
    }
    double coefficient = maxNorm / (Math.sqrt(squares) + 1e-6);
    return coefficient < 1 ? (float) coefficient : 1;
  }

  /** Scales by {@code scale} and clamps part {@code part} of every parameter's gradient. */
  void clip(Parameters parameters, float scale, int part, int parts) {
    boolean clamp = !Double.isInfinite(maxValue);
    if (scale == 1 && !clamp) {
      return;
    }
    float limit = (float) maxValue;
    List<Parameter> list = parameters.list();
    for (int k = 0; k < list.size(); k++) {
      Parameter p = list.get(k);
      float[] g = p.gradient();
      for (int i = p.partStart(part, parts), end = p.partStart(part + 1, parts); i < end; i++) {
        float v = scale == 1 ? g[i] : g[i] * scale;
        g[i] = clamp ? Math.max(-limit, Math.min(limit, v)) : v;
      }
    }
  }

  @Override
  public String toString() {
    return (Double.isInfinite(maxNorm) ? "" : "norm ≤ " + maxNorm)
        + (Double.isInfinite(maxNorm) || Double.isInfinite(maxValue) ? "" : ", ")
        + (Double.isInfinite(maxValue) ? "" : "|value| ≤ " + maxValue);
  }
}
