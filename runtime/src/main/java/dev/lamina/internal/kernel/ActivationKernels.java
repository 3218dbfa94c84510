package dev.lamina.internal.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * GELU (exact and tanh form), SiLU, ELU, SELU, softplus and hard-swish, and the derivatives that need the activation's
 * input, for the generated kernels: float32, built from +, ×, fma, division and {@link
 * VectorMath#exp}, so the bits are the same at every JIT tier (see {@link VectorMath}). Each vector
 * form has a scalar twin computing the same formula, for tails; {@link Activations} is the double
 * definition they are tested against (to a few float ulp, relative, or 1e-7 absolute near 0).
 *
 * <p>Generated code calls the array forms: {@code f(a, i)} replaces the lanes of {@code a} at
 * {@code i} by f of them; {@code fGradient(d, i, x, j)} multiplies the lanes of {@code d} at
 * {@code i} by f'(x) of the lanes of {@code x} at {@code j}.
 */
public final class ActivationKernels {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final float SELU_LAMBDA = (float) Activations.SELU_LAMBDA;
  private static final float SELU_LAMBDA_ALPHA =
      (float) (Activations.SELU_LAMBDA * Activations.SELU_ALPHA);
  private static final float SOFTPLUS_THRESHOLD = (float) Activations.SOFTPLUS_THRESHOLD;
  private static final float INV_SQRT2 = 0.70710678118654752f;
  /** 2·√(2/π) and 0.044715: GELU's tanh form as x·sigmoid(2u), u = √(2/π)·(x + 0.044715·x³). */
  private static final float GELU_TANH_2SCALE = (float) (2 * Activations.GELU_TANH_SCALE);
  private static final float GELU_TANH_CUBIC = (float) Activations.GELU_TANH_CUBIC;
  private static final float INV_SQRT_2PI = 0.39894228040143268f;
  /** Below this |x|, e^x − 1 is VectorMath.exp's polynomial without the 1: no cancellation. */
  private static final float EXPM1_SMALL = 0.34f;
  // VectorMath.exp's polynomial for e^r − 1 − r (Cephes expf).
  private static final float P0 = 1.9875691500e-4f;
  private static final float P1 = 1.3981999507e-3f;
  private static final float P2 = 8.3334519073e-3f;
  private static final float P3 = 4.1665795894e-2f;
  private static final float P4 = 1.6666665459e-1f;
  private static final float P5 = 5.0000001201e-1f;
  // erfc(z) ≈ t·exp(−z² + E(t)), t = 1/(1 + z/2), z ≥ 0: relative error < 1.2e-7 (Numerical
  // Recipes' erfcc).
  private static final float[] E = {-1.26551223f, 1.00002368f, 0.37409196f, 0.09678418f,
      -0.18628806f, 0.27886807f, -1.13520398f, 1.48851587f, -0.82215223f, 0.17087277f};
  // ln(1 + x) − x + x²/2 ≈ x³·L(x) for x in [√½ − 1, √2 − 1] (Cephes logf).
  private static final float[] L = {7.0376836292e-2f, -1.1514610310e-1f, 1.1676998740e-1f,
      -1.2420140846e-1f, 1.4249322787e-1f, -1.6668057665e-1f, 2.0000714765e-1f,
      -2.4999993993e-1f, 3.3333331174e-1f};
  private static final float LN2_HI = 0.693359375f;
  private static final float LN2_LO = -2.12194440e-4f;
  private static final float SQRT2_M1 = 0.41421356f;

  private ActivationKernels() {}

  private static FloatVector c(float value) {
    return FloatVector.broadcast(S, value);
  }

  // ---- e^x − 1, Φ(x), ln(1 + t) ----

  static FloatVector expm1(FloatVector x) {
    FloatVector p = x.fma(P0, P1).fma(x, c(P2)).fma(x, c(P3)).fma(x, c(P4)).fma(x, c(P5));
    FloatVector small = p.fma(x.mul(x), x);
    FloatVector large = VectorMath.exp(x).sub(1f);
    return large.blend(small, x.abs().compare(VectorOperators.LT, EXPM1_SMALL));
  }

  static float expm1(float x) {
    if (Math.abs(x) < EXPM1_SMALL) {
      float p = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(x, P0, P1), x, P2), x, P3), x, P4), x, P5);
      return Math.fma(p, x * x, x);
    }
    return VectorMath.exp(x) - 1f;
  }

  /** Φ(x) = erfc(−x/√2)/2, through erfc of |x|/√2 so that neither tail cancels. */
  static FloatVector normalCdf(FloatVector x) {
    FloatVector z = x.abs().mul(INV_SQRT2);
    FloatVector t = c(1f).div(z.fma(0.5f, 1f));
    FloatVector e = t.fma(E[9], E[8]);
    for (int k = 7; k >= 0; k--) {
      e = e.fma(t, c(E[k]));
    }
    FloatVector half = t.mul(VectorMath.exp(e.sub(z.mul(z)))).mul(0.5f);
    return c(1f).sub(half).blend(half, x.compare(VectorOperators.LT, 0f));
  }

  static float normalCdf(float x) {
    float z = Math.abs(x) * INV_SQRT2;
    float t = 1f / Math.fma(z, 0.5f, 1f);
    float e = Math.fma(t, E[9], E[8]);
    for (int k = 7; k >= 0; k--) {
      e = Math.fma(e, t, E[k]);
    }
    float half = t * VectorMath.exp(e - z * z) * 0.5f;
    return x < 0f ? half : 1f - half;
  }

  /** ln(1 + t) for t in [0, 1], without forming 1 + t where t is small. */
  static FloatVector log1pUnit(FloatVector t) {
    VectorMask<Float> large = t.compare(VectorOperators.GE, SQRT2_M1);
    // 1 + t < √2: ln(1 + t) from t itself; otherwise ln(2 · (1 + t)/2), (1 + t)/2 − 1 = (t − 1)/2.
    FloatVector x = t.blend(t.sub(1f).mul(0.5f), large);
    FloatVector n = c(0f).blend(1f, large);
    FloatVector z = x.mul(x);
    FloatVector p = x.fma(L[0], L[1]);
    for (int k = 2; k < L.length; k++) {
      p = p.fma(x, c(L[k]));
    }
    FloatVector y = p.mul(x).mul(z);
    y = n.fma(c(LN2_LO), y);
    y = z.fma(c(-0.5f), y);
    return n.fma(c(LN2_HI), x.add(y));
  }

  static float log1pUnit(float t) {
    boolean large = t >= SQRT2_M1;
    float x = large ? (t - 1f) * 0.5f : t;
    float n = large ? 1f : 0f;
    float z = x * x;
    float p = Math.fma(x, L[0], L[1]);
    for (int k = 2; k < L.length; k++) {
      p = Math.fma(p, x, L[k]);
    }
    float y = p * x * z;
    y = Math.fma(n, LN2_LO, y);
    y = Math.fma(z, -0.5f, y);
    return Math.fma(n, LN2_HI, x + y);
  }

  static FloatVector sigmoid(FloatVector x) {
    return c(1f).div(VectorMath.exp(x.neg()).add(1f));
  }

  // ---- the activations: vector, scalar, array forms ----

  /** GELU: x·Φ(x). */
  public static FloatVector gelu(FloatVector x) {
    return x.mul(normalCdf(x));
  }

  public static float gelu(float x) {
    return x * normalCdf(x);
  }

  public static void gelu(float[] a, int i) {
    gelu(FloatVector.fromArray(S, a, i)).intoArray(a, i);
  }

  /**
   * GELU's tanh form, x·(1 + tanh u)/2 = x·sigmoid(2u), u = √(2/π)·(x + 0.044715·x³): the same
   * function, written so that 1 + tanh u does not cancel for negative x.
   */
  public static FloatVector geluTanh(FloatVector x) {
    FloatVector twoU = x.mul(x).fma(GELU_TANH_CUBIC, 1f).mul(x).mul(GELU_TANH_2SCALE);
    return x.div(VectorMath.exp(twoU.neg()).add(1f));
  }

  public static float geluTanh(float x) {
    float twoU = Math.fma(x * x, GELU_TANH_CUBIC, 1f) * x * GELU_TANH_2SCALE;
    return x / (VectorMath.exp(-twoU) + 1f);
  }

  public static void geluTanh(float[] a, int i) {
    geluTanh(FloatVector.fromArray(S, a, i)).intoArray(a, i);
  }

  /** SiLU: x·sigmoid(x) = x / (1 + e^−x). */
  public static FloatVector silu(FloatVector x) {
    return x.div(VectorMath.exp(x.neg()).add(1f));
  }

  public static float silu(float x) {
    return x / (VectorMath.exp(-x) + 1f);
  }

  public static void silu(float[] a, int i) {
    silu(FloatVector.fromArray(S, a, i)).intoArray(a, i);
  }

  /** ELU (α = 1): x above 0, e^x − 1 below. */
  public static FloatVector elu(FloatVector x) {
    return expm1(x).blend(x, x.compare(VectorOperators.GT, 0f));
  }

  public static float elu(float x) {
    return x > 0f ? x : expm1(x);
  }

  public static void elu(float[] a, int i) {
    elu(FloatVector.fromArray(S, a, i)).intoArray(a, i);
  }

  /** SELU: λ·x above 0, λα·(e^x − 1) below. */
  public static FloatVector selu(FloatVector x) {
    return expm1(x).mul(SELU_LAMBDA_ALPHA).blend(x.mul(SELU_LAMBDA),
        x.compare(VectorOperators.GT, 0f));
  }

  public static float selu(float x) {
    return x > 0f ? x * SELU_LAMBDA : expm1(x) * SELU_LAMBDA_ALPHA;
  }

  public static void selu(float[] a, int i) {
    selu(FloatVector.fromArray(S, a, i)).intoArray(a, i);
  }

  /** Softplus: max(x, 0) + ln(1 + e^−|x|), which never overflows; x itself above 20. */
  public static FloatVector softplus(FloatVector x) {
    FloatVector y = x.max(0f).add(log1pUnit(VectorMath.exp(x.abs().neg())));
    return y.blend(x, x.compare(VectorOperators.GT, SOFTPLUS_THRESHOLD));
  }

  public static float softplus(float x) {
    return x > SOFTPLUS_THRESHOLD ? x : Math.max(x, 0f) + log1pUnit(VectorMath.exp(-Math.abs(x)));
  }

  public static void softplus(float[] a, int i) {
    softplus(FloatVector.fromArray(S, a, i)).intoArray(a, i);
  }

  /** Hard-swish: x·min(max(x + 3, 0), 6) / 6. */
  public static FloatVector hardswish(FloatVector x) {
    return x.mul(x.add(3f).max(0f).min(6f)).div(6f);
  }

  public static float hardswish(float x) {
    return x * Math.min(Math.max(x + 3f, 0f), 6f) / 6f;
  }

  public static void hardswish(float[] a, int i) {
    hardswish(FloatVector.fromArray(S, a, i)).intoArray(a, i);
  }

  // ---- derivatives from the input ----

  /** GELU'(x) = Φ(x) + x·φ(x). */
  public static FloatVector geluDerivative(FloatVector x) {
    FloatVector density = VectorMath.exp(x.mul(x).mul(-0.5f)).mul(INV_SQRT_2PI);
    return x.fma(density, normalCdf(x));
  }

  public static float geluDerivative(float x) {
    float density = VectorMath.exp(x * x * -0.5f) * INV_SQRT_2PI;
    return Math.fma(x, density, normalCdf(x));
  }

  public static void geluGradient(float[] d, int i, float[] x, int j) {
    FloatVector.fromArray(S, d, i).mul(geluDerivative(FloatVector.fromArray(S, x, j)))
        .intoArray(d, i);
  }

  /**
   * The tanh form's derivative: with s = sigmoid(2u) (so 1 + tanh u = 2s, 1 − tanh² u =
   * 4s(1 − s)), s + 2x·s(1 − s)·√(2/π)·(1 + 3·0.044715·x²).
   */
  public static FloatVector geluTanhDerivative(FloatVector x) {
    FloatVector x2 = x.mul(x);
    FloatVector twoU = x2.fma(GELU_TANH_CUBIC, 1f).mul(x).mul(GELU_TANH_2SCALE);
    FloatVector s = c(1f).div(VectorMath.exp(twoU.neg()).add(1f));
    FloatVector slope = x2.fma(3 * GELU_TANH_CUBIC, 1f).mul(GELU_TANH_2SCALE);
    return x.mul(s).mul(c(1f).sub(s)).fma(slope, s);
  }

  public static float geluTanhDerivative(float x) {
    float x2 = x * x;
    float twoU = Math.fma(x2, GELU_TANH_CUBIC, 1f) * x * GELU_TANH_2SCALE;
    float s = 1f / (VectorMath.exp(-twoU) + 1f);
    float slope = Math.fma(x2, 3 * GELU_TANH_CUBIC, 1f) * GELU_TANH_2SCALE;
    return Math.fma(x * s * (1f - s), slope, s);
  }

  public static void geluTanhGradient(float[] d, int i, float[] x, int j) {
    FloatVector.fromArray(S, d, i).mul(geluTanhDerivative(FloatVector.fromArray(S, x, j)))
        .intoArray(d, i);
  }

  /** SiLU'(x) = s·(1 + x·(1 − s)), s = sigmoid(x). */
  public static FloatVector siluDerivative(FloatVector x) {
    FloatVector s = sigmoid(x);
    return s.mul(x.mul(c(1f).sub(s)).add(1f));
  }

  public static float siluDerivative(float x) {
    float s = 1f / (VectorMath.exp(-x) + 1f);
    return s * (x * (1f - s) + 1f);
  }

  public static void siluGradient(float[] d, int i, float[] x, int j) {
    FloatVector.fromArray(S, d, i).mul(siluDerivative(FloatVector.fromArray(S, x, j)))
        .intoArray(d, i);
  }

  /** softplus'(x) = sigmoid(x); 1 above the threshold, where softplus is x. */
  public static FloatVector softplusDerivative(FloatVector x) {
    return sigmoid(x).blend(1f, x.compare(VectorOperators.GT, SOFTPLUS_THRESHOLD));
  }

  public static float softplusDerivative(float x) {
    return x > SOFTPLUS_THRESHOLD ? 1f : 1f / (VectorMath.exp(-x) + 1f);
  }

  public static void softplusGradient(float[] d, int i, float[] x, int j) {
    FloatVector.fromArray(S, d, i).mul(softplusDerivative(FloatVector.fromArray(S, x, j)))
        .intoArray(d, i);
  }

  /** hard-swish'(x): 0 below −3, x/3 + 1/2 from −3 to below 3, 1 from 3 on (as PyTorch). */
  public static FloatVector hardswishDerivative(FloatVector x) {
    FloatVector middle = x.div(3f).add(0.5f);
    return middle.blend(0f, x.compare(VectorOperators.LT, -3f))
        .blend(1f, x.compare(VectorOperators.GE, 3f));
  }

  public static float hardswishDerivative(float x) {
    return x < -3f ? 0f : x < 3f ? x / 3f + 0.5f : 1f;
  }

  public static void hardswishGradient(float[] d, int i, float[] x, int j) {
    FloatVector.fromArray(S, d, i).mul(hardswishDerivative(FloatVector.fromArray(S, x, j)))
        .intoArray(d, i);
  }
}
