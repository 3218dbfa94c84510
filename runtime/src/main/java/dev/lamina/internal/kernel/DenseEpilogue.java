package dev.lamina.internal.kernel;

import dev.lamina.Nonlinearity;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * What follows a dense product in an inference copy, on one row in place: {@code v = f(v·s1 +
 * t1)·s2 + t2}. The first affine is the bias, or the bias and a batch normalization before the
 * activation; the second a normalization after it and classic dropout's scale (or nothing).
 */
public final class DenseEpilogue {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

  private DenseEpilogue() {}

  /**
   * {@code y[off + j] = f(y[off + j]·s1[j] + t1[j])·s2[j] + t2[j]} for j < n; without the second
   * affine when {@code s2} is null.
   *
   * @param y the row's values, in place
   * @param off where the row starts
   * @param n its length
   * @param s1 the first scale, n values
   * @param t1 the first shift, n values
   * @param f the activation
   * @param slope leaky ReLU's negative slope
   * @param s2 the second scale, or null for none
   * @param t2 the second shift (ignored when s2 is null)
   */
  public static void apply(float[] y, int off, int n, float[] s1, float[] t1, Nonlinearity f,
      float slope, float[] s2, float[] t2) {
    int bound = S.loopBound(n);
    int j = 0;
    for (; j < bound; j += S.length()) {
      FloatVector v = FloatVector.fromArray(S, y, off + j)
          .fma(FloatVector.fromArray(S, s1, j), FloatVector.fromArray(S, t1, j));
      if (f == Nonlinearity.RELU) {
        v = v.max(0f);
      } else if (f == Nonlinearity.LEAKY_RELU) {
        v = v.max(v.mul(slope));
      }
      v.intoArray(y, off + j);
    }
    for (; j < n; j++) {
      float v = Math.fma(y[off + j], s1[j], t1[j]);
      y[off + j] = f == Nonlinearity.RELU ? Math.max(v, 0f)
          : f == Nonlinearity.LEAKY_RELU ? Math.max(v, v * slope) : v;
    }
    if (f != Nonlinearity.IDENTITY && f != Nonlinearity.RELU && f != Nonlinearity.LEAKY_RELU) {
      activate(y, off, n, bound, f);
    }
    if (s2 != null) {
      affine(y, off, n, bound, s2, t2);
    }
  }

  /** The activations that go through VectorMath's and ActivationKernels' array forms. */
  private static void activate(float[] y, int off, int n, int bound, Nonlinearity f) {
    for (int j = 0; j < bound; j += S.length()) {
      switch (f) {
        case TANH -> VectorMath.tanh(y, off + j);
        case SIGMOID -> VectorMath.sigmoid(y, off + j);
        case GELU -> ActivationKernels.gelu(y, off + j);
        case GELU_TANH -> ActivationKernels.geluTanh(y, off + j);
        case SILU -> ActivationKernels.silu(y, off + j);
        case ELU -> ActivationKernels.elu(y, off + j);
        case SELU -> ActivationKernels.selu(y, off + j);
        case SOFTPLUS -> ActivationKernels.softplus(y, off + j);
        case HARDSWISH -> ActivationKernels.hardswish(y, off + j);
        default -> throw new AssertionError(f);
      }
    }
    for (int j = bound; j < n; j++) {
      y[off + j] = scalar(f, y[off + j]);
    }
  }

  private static float scalar(Nonlinearity f, float v) {
    return switch (f) {
      case TANH -> VectorMath.tanh(v);
      case SIGMOID -> VectorMath.sigmoid(v);
      case GELU -> ActivationKernels.gelu(v);
      case GELU_TANH -> ActivationKernels.geluTanh(v);
      case SILU -> ActivationKernels.silu(v);
      case ELU -> ActivationKernels.elu(v);
      case SELU -> ActivationKernels.selu(v);
      case SOFTPLUS -> ActivationKernels.softplus(v);
      case HARDSWISH -> ActivationKernels.hardswish(v);
      default -> throw new AssertionError(f);
    };
  }

  private static void affine(float[] y, int off, int n, int bound, float[] s, float[] t) {
    int j = 0;
    for (; j < bound; j += S.length()) {
      FloatVector.fromArray(S, y, off + j)
          .fma(FloatVector.fromArray(S, s, j), FloatVector.fromArray(S, t, j))
          .intoArray(y, off + j);
    }
    for (; j < n; j++) {
      y[off + j] = Math.fma(y[off + j], s[j], t[j]);
    }
  }
}
