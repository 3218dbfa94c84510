package dev.lamina.internal.kernel;

import static dev.lamina.testing.NumericAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.Nonlinearity;
import dev.lamina.testing.Fixtures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * GELU (exact and tanh form), SiLU, ELU, SELU, softplus and hard-swish: {@link Activations}' double definition against
 * its own central finite differences and against PyTorch in float64 ({@code
 * fixtures/activations.json}, scripts/activation_fixtures.py); the float kernels of {@link
 * ActivationKernels} (the generated code's) against the double definition on a dense grid and
 * against PyTorch's float64 and float32 values; and the vector array forms against their scalar
 * twins, bit for bit, since one runs the lanes and the other the tail of the same loop.
 */
class ActivationKernelsTest {
  private static final int LANES = FloatVector.SPECIES_PREFERRED.length();

  /** The inputs: a grid over [−40, 40] in steps of 1/64, tiny values, the kinks, random. */
  private static float[] grid() {
    List<Float> xs = new ArrayList<>();
    for (int k = -40 * 64; k <= 40 * 64; k++) {
      xs.add(k / 64f);
    }
    for (float x : new float[] {1e-30f, -1e-30f, 1e-7f, -1e-7f, 1e-4f, -1e-4f, 0.3399f, -0.3399f,
        0.3401f, -0.3401f, Math.nextDown(3f), Math.nextUp(3f), Math.nextDown(-3f),
        Math.nextUp(-3f), Math.nextUp(20f), 87f, -87f, 100f, -100f}) {
      xs.add(x);
    }
    Random random = new Random(5);
    for (int k = 0; k < 4000; k++) {
      xs.add((float) (random.nextGaussian() * 6));
    }
    while (xs.size() % LANES != 0) {
      xs.add(0.5f);
    }
    float[] out = new float[xs.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = xs.get(k);
    }
    return out;
  }

  /** The float kernel of f, scalar form. */
  private static float scalar(Nonlinearity f, float x) {
    return switch (f) {
      case GELU -> ActivationKernels.gelu(x);
      case GELU_TANH -> ActivationKernels.geluTanh(x);
      case SILU -> ActivationKernels.silu(x);
      case ELU -> ActivationKernels.elu(x);
      case SELU -> ActivationKernels.selu(x);
      case SOFTPLUS -> ActivationKernels.softplus(x);
      case HARDSWISH -> ActivationKernels.hardswish(x);
      default -> throw new IllegalArgumentException(f.name());
    };
  }

  /** The float kernel of f, array form, over a whole array. */
  private static float[] vector(Nonlinearity f, float[] x) {
    float[] a = x.clone();
    for (int i = 0; i < a.length; i += LANES) {
      switch (f) {
        case GELU -> ActivationKernels.gelu(a, i);
        case GELU_TANH -> ActivationKernels.geluTanh(a, i);
        case SILU -> ActivationKernels.silu(a, i);
        case ELU -> ActivationKernels.elu(a, i);
        case SELU -> ActivationKernels.selu(a, i);
        case SOFTPLUS -> ActivationKernels.softplus(a, i);
        case HARDSWISH -> ActivationKernels.hardswish(a, i);
        default -> throw new IllegalArgumentException(f.name());
      }
    }
    return a;
  }

  /**
   * f'(x) from the float kernels: the derivative kernels for the activations that need x, the
   * generated code's from-output formulas (Elementwise) for ELU and SELU.
   */
  private static float[] derivatives(Nonlinearity f, float[] x, boolean vectorForm) {
    float[] d = new float[x.length];
    Arrays.fill(d, 1f);
    for (int i = 0; i < x.length; i += vectorForm ? LANES : 1) {
      if (!vectorForm) {
        d[i] = switch (f) {
          case GELU -> ActivationKernels.geluDerivative(x[i]);
          case GELU_TANH -> ActivationKernels.geluTanhDerivative(x[i]);
          case SILU -> ActivationKernels.siluDerivative(x[i]);
          case SOFTPLUS -> ActivationKernels.softplusDerivative(x[i]);
          case HARDSWISH -> ActivationKernels.hardswishDerivative(x[i]);
          case ELU -> {
            float y = ActivationKernels.elu(x[i]);
            yield y > 0f ? 1f : y + 1f;
          }
          case SELU -> {
            float y = ActivationKernels.selu(x[i]);
            yield y > 0f ? (float) Activations.SELU_LAMBDA
                : y + (float) (Activations.SELU_LAMBDA * Activations.SELU_ALPHA);
          }
          default -> throw new IllegalArgumentException(f.name());
        };
        continue;
      }
      switch (f) {
        case GELU -> ActivationKernels.geluGradient(d, i, x, i);
        case GELU_TANH -> ActivationKernels.geluTanhGradient(d, i, x, i);
        case SILU -> ActivationKernels.siluGradient(d, i, x, i);
        case SOFTPLUS -> ActivationKernels.softplusGradient(d, i, x, i);
        case HARDSWISH -> ActivationKernels.hardswishGradient(d, i, x, i);
        default -> {
          return derivatives(f, x, false);
        }
      }
    }
    return d;
  }

  private static double[] reference(Nonlinearity f, float[] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = Activations.apply(f, 0, x[i]);
    }
    return y;
  }

  private static double[] referenceDerivative(Nonlinearity f, float[] x) {
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = Activations.derivative(f, 0, x[i], Activations.apply(f, 0, x[i]));
    }
    return d;
  }

  private static double[] widen(float[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return d;
  }

  @ParameterizedTest
  @EnumSource(value = Nonlinearity.class, names = {"GELU", "GELU_TANH", "SILU", "ELU", "SELU", "SOFTPLUS",
      "HARDSWISH"})
  void referenceDerivativeMatchesFiniteDifferences(Nonlinearity f) {
    List<Double> fd = new ArrayList<>();
    List<Double> analytic = new ArrayList<>();
    double h = 1e-4;
    for (double x = -12; x <= 25; x += 0.0371) {
      if (Math.abs(x) < 2 * h || Math.abs(Math.abs(x) - 3) < 2 * h
          || Math.abs(x - Activations.SOFTPLUS_THRESHOLD) < 2 * h) {
        continue; // a kink between the two steps
      }
      fd.add((Activations.apply(f, 0, x + h) - Activations.apply(f, 0, x - h)) / (2 * h));
      analytic.add(Activations.derivative(f, 0, x, Activations.apply(f, 0, x)));
    }
    // Central differences: truncation h²·f'''/6 ≈ 2e-9; the rounding of f (GELU's erf series
    // keeps ~1e-13 near |x| = 4) divided by h, 1e-9.
    assertClose(f + ": derivative vs central differences", toArray(fd), toArray(analytic),
        1e-8, 1e-8);
  }

  @ParameterizedTest
  @EnumSource(value = Nonlinearity.class, names = {"GELU", "GELU_TANH", "SILU", "ELU", "SELU", "SOFTPLUS",
      "HARDSWISH"})
  void referenceMatchesPyTorchInFloat64(Nonlinearity f) {
    Fixtures.Node fixture = Fixtures.load("activations");
    float[] x = fixture.floats("x");
    Fixtures.Node c = fixture.get("cases").get(f.name());
    // PyTorch forms 1 + erf(x/√2) for GELU and e^x − 1 for ELU and SELU, which cancel below
    // 2⁻⁵³ of 1 (GELU(−9) is −1e-18, PyTorch's −0); Lamina's do not; and Lamina's erf series
    // keeps about 1e-15 of erf near |x| = 3.5: hence the absolute floor.
    assertClose(f + ": Activations.apply vs torch float64", c.get("value64").doubles(),
        reference(f, x), 1e-14, 1e-12);
    assertClose(f + ": Activations.derivative vs torch float64", c.get("derivative64").doubles(),
        referenceDerivative(f, x), 1e-14, 1e-12);
  }

  @ParameterizedTest
  @EnumSource(value = Nonlinearity.class, names = {"GELU", "GELU_TANH", "SILU", "ELU", "SELU", "SOFTPLUS",
      "HARDSWISH"})
  void floatKernelsMatchPyTorch(Nonlinearity f) {
    Fixtures.Node fixture = Fixtures.load("activations");
    float[] x = fixture.floats("x");
    Fixtures.Node c = fixture.get("cases").get(f.name());
    float[] padded = Arrays.copyOf(x, (x.length + LANES - 1) / LANES * LANES);
    float[] y = Arrays.copyOf(vector(f, padded), x.length);
    float[] d = Arrays.copyOf(derivatives(f, padded, true), x.length);
    assertClose(f + ": kernel vs torch float64", c.get("value64").doubles(), widen(y),
        ABS, REL);
    assertClose(f + ": derivative kernel vs torch float64", c.get("derivative64").doubles(),
        widen(d), ABS_DERIVATIVE, REL);
    assertClose(f + ": kernel vs torch float32", c.get("value32").floats(), y, ABS_TORCH32,
        2 * REL);
    assertClose(f + ": derivative kernel vs torch float32", c.get("derivative32").floats(), d,
        ABS_TORCH32, 2 * REL);
  }

  /**
   * ELU's and SELU's derivatives are written from the output, y + α and y + λα, as the generated
   * code has them: where y nears −α that sum keeps y's absolute error, half an ulp of λα ≈ 1.2e-7.
   */
  private static final double ABS_DERIVATIVE = 2e-7;
  /**
   * PyTorch's own float32 error, which the kernels do not share (they match its float64 to ABS):
   * its GELU forms 1 + erf(x/√2), whose rounding (2⁻²⁴ of 1) times x/2 reaches 2.5e-7 near
   * x = −3, and the tanh form's derivative 1 − tanh², which is off by 2e-6 near |x| = 5.
   */
  private static final double ABS_TORCH32 = 3e-6;

  /**
   * The float kernels' tolerance against exact values: a few float32 ulps (2⁻²⁴ ≈ 6e-8) of the
   * value; more where e^(−z²) amplifies the rounding of z² (GELU's tails, relative 2e-6 at
   * |x| = 10, where the values are below 1e-22); and an absolute floor for values near 0.
   */
  private static final double REL = 2e-6;
  private static final double ABS = 1e-7;

  @ParameterizedTest
  @EnumSource(value = Nonlinearity.class, names = {"GELU", "GELU_TANH", "SILU", "ELU", "SELU", "SOFTPLUS",
      "HARDSWISH"})
  void floatKernelsMatchTheReferenceOnAGrid(Nonlinearity f) {
    float[] x = grid();
    assertClose(f + ": kernel vs Activations.apply", reference(f, x), widen(vector(f, x)), ABS,
        REL);
    assertClose(f + ": derivative kernel vs Activations.derivative", referenceDerivative(f, x),
        widen(derivatives(f, x, true)), ABS_DERIVATIVE, REL);
  }

  @ParameterizedTest
  @EnumSource(value = Nonlinearity.class, names = {"GELU", "GELU_TANH", "SILU", "ELU", "SELU", "SOFTPLUS",
      "HARDSWISH"})
  void vectorFormsEqualTheirScalarTwinsBitForBit(Nonlinearity f) {
    float[] x = grid();
    float[] lanes = vector(f, x);
    float[] lanesDerivative = derivatives(f, x, true);
    float[] scalarDerivative = derivatives(f, x, false);
    for (int i = 0; i < x.length; i++) {
      int at = i;
      assertEquals(Float.floatToIntBits(scalar(f, x[i])), Float.floatToIntBits(lanes[i]),
          () -> f + " at x = " + x[at] + ": scalar " + scalar(f, x[at]) + ", vector " + lanes[at]);
      assertEquals(Float.floatToIntBits(scalarDerivative[i]),
          Float.floatToIntBits(lanesDerivative[i]), () -> f + "' at x = " + x[at] + ": scalar "
              + scalarDerivative[at] + ", vector " + lanesDerivative[at]);
    }
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
