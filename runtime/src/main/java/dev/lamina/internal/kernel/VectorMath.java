package dev.lamina.internal.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * exp, tanh and the logistic sigmoid for the generated kernels, built only from +, ×, fma and
 * bit operations. The JDK's vector transcendentals may give different bits at different JIT tiers;
 * these give the same bits everywhere, which keeps training reproducible. Each vector function
 * has a scalar twin computing the identical formula, used for tails. Accuracy: a few ulp (Cephes
 * single-precision polynomials).
 *
 * <p>Generated code calls the array forms ({@link #tanh(float[], int)}, {@link #sigmoid(float[],
 * int)}), which take the lanes from an array and put them back: nothing crosses the call as a
 * vector. C2 stops inlining once a compilation has grown past its node budget (a generated pass
 * that has inlined a Gemm call is near it), and a vector passed to or returned from a call that is
 * not inlined becomes a heap object, every call. For the same reason each array form is written
 * out flat, with no call to another method of this class: if it is inlined late in a big
 * compilation, only Vector API intrinsics are left inside, and those C2 always inlines. The vector
 * forms are for callers that are sure to inline them.
 */
public final class VectorMath {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final float LOG2E = 1.44269504088896341f;
  private static final float ROUND = 12582912f; // 1.5·2^23: adding it rounds to an integer
  private static final float LN2_HI = 0.693359375f;
  private static final float LN2_LO = -2.12194440e-4f;
  private static final float EXP_MIN = -87.3f;
  private static final float EXP_MAX = 88.3f;
  private static final float P0 = 1.9875691500e-4f;
  private static final float P1 = 1.3981999507e-3f;
  private static final float P2 = 8.3334519073e-3f;
  private static final float P3 = 4.1665795894e-2f;
  private static final float P4 = 1.6666665459e-1f;
  private static final float P5 = 5.0000001201e-1f;
  private static final float TANH_SMALL = 0.625f;
  private static final float T0 = -5.70498872745e-3f;
  private static final float T1 = 2.06390887954e-2f;
  private static final float T2 = -5.37397155531e-2f;
  private static final float T3 = 1.33314422036e-1f;
  private static final float T4 = -3.33332819422e-1f;

  private VectorMath() {}

  private static FloatVector c(float value) {
    return FloatVector.broadcast(S, value);
  }

  public static FloatVector exp(FloatVector x) {
    x = x.max(EXP_MIN).min(EXP_MAX);
    FloatVector n = x.fma(LOG2E, ROUND).sub(ROUND);
    FloatVector r = n.fma(c(-LN2_HI), x);
    r = n.fma(c(-LN2_LO), r);
    FloatVector p = r.fma(P0, P1).fma(r, c(P2)).fma(r, c(P3)).fma(r, c(P4)).fma(r, c(P5));
    FloatVector y = p.fma(r.mul(r), r).add(1f);
    FloatVector scale = n.convert(VectorOperators.F2I, 0).reinterpretAsInts()
        .add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    return y.mul(scale);
  }

  public static float exp(float x) {
    x = Math.min(Math.max(x, EXP_MIN), EXP_MAX);
    float n = Math.fma(x, LOG2E, ROUND) - ROUND;
    float r = Math.fma(n, -LN2_HI, x);
    r = Math.fma(n, -LN2_LO, r);
    float p = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(r, P0, P1), r, P2), r, P3), r, P4), r, P5);
    float y = Math.fma(p, r * r, r) + 1f;
    return y * Float.intBitsToFloat(((int) n + 127) << 23);
  }

  /**
   * {@code a[i .. i + lanes − 1] = sigmoid(a[i .. i + lanes − 1])}, the lanes of the preferred
   * species: {@link #sigmoid(FloatVector)} with {@link #exp(FloatVector)} written out.
   */
  public static void sigmoid(float[] a, int i) {
    FloatVector x = FloatVector.fromArray(S, a, i).neg().max(EXP_MIN).min(EXP_MAX);
    FloatVector n = x.fma(LOG2E, ROUND).sub(ROUND);
    FloatVector r = n.fma(FloatVector.broadcast(S, -LN2_HI), x);
    r = n.fma(FloatVector.broadcast(S, -LN2_LO), r);
    FloatVector p = r.fma(P0, P1).fma(r, FloatVector.broadcast(S, P2))
        .fma(r, FloatVector.broadcast(S, P3)).fma(r, FloatVector.broadcast(S, P4))
        .fma(r, FloatVector.broadcast(S, P5));
    FloatVector y = p.fma(r.mul(r), r).add(1f);
    FloatVector scale = n.convert(VectorOperators.F2I, 0).reinterpretAsInts()
        .add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    FloatVector.broadcast(S, 1f).div(y.mul(scale).add(1f)).intoArray(a, i);
  }

  /** 1 / (1 + e^-x). */
  public static FloatVector sigmoid(FloatVector x) {
    return FloatVector.broadcast(S, 1f).div(exp(x.neg()).add(1f));
  }

  public static float sigmoid(float x) {
    return 1f / (1f + exp(-x));
  }

  /**
   * {@code a[i .. i + lanes − 1] = tanh(a[i .. i + lanes − 1])}, the lanes of the preferred species:
   * {@link #tanh(FloatVector)} with {@link #exp(FloatVector)} written out.
   */
  public static void tanh(float[] a, int i) {
    FloatVector x = FloatVector.fromArray(S, a, i);
    FloatVector z = x.mul(x);
    FloatVector small = z.fma(T0, T1).fma(z, FloatVector.broadcast(S, T2))
        .fma(z, FloatVector.broadcast(S, T3)).fma(z, FloatVector.broadcast(S, T4)).mul(z).fma(x, x);
    FloatVector e = x.add(x).max(EXP_MIN).min(EXP_MAX);
    FloatVector n = e.fma(LOG2E, ROUND).sub(ROUND);
    FloatVector r = n.fma(FloatVector.broadcast(S, -LN2_HI), e);
    r = n.fma(FloatVector.broadcast(S, -LN2_LO), r);
    FloatVector p = r.fma(P0, P1).fma(r, FloatVector.broadcast(S, P2))
        .fma(r, FloatVector.broadcast(S, P3)).fma(r, FloatVector.broadcast(S, P4))
        .fma(r, FloatVector.broadcast(S, P5));
    FloatVector y = p.fma(r.mul(r), r).add(1f);
    FloatVector scale = n.convert(VectorOperators.F2I, 0).reinterpretAsInts()
        .add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
    FloatVector large = FloatVector.broadcast(S, 1f)
        .sub(FloatVector.broadcast(S, 2f).div(y.mul(scale).add(1f)));
    large.blend(small, x.abs().compare(VectorOperators.LT, TANH_SMALL)).intoArray(a, i);
  }

  /** A polynomial near 0, where 1 − 2/(e^2x + 1) would cancel; that formula elsewhere. */
  public static FloatVector tanh(FloatVector x) {
    FloatVector z = x.mul(x);
    FloatVector small = z.fma(T0, T1).fma(z, c(T2)).fma(z, c(T3)).fma(z, c(T4)).mul(z).fma(x, x);
    FloatVector large = FloatVector.broadcast(S, 1f)
        .sub(FloatVector.broadcast(S, 2f).div(exp(x.add(x)).add(1f)));
    VectorMask<Float> isSmall = x.abs().compare(VectorOperators.LT, TANH_SMALL);
    return large.blend(small, isSmall);
  }

  public static float tanh(float x) {
    if (Math.abs(x) < TANH_SMALL) {
      float z = x * x;
      return Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(z, T0, T1), z, T2), z, T3), z, T4) * z, x, x);
    }
    return 1f - 2f / (exp(x + x) + 1f);
  }
}
