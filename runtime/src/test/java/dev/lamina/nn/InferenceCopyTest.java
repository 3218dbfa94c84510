package dev.lamina.nn;

import static dev.lamina.testing.NumericAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lamina.DropoutMode;
import dev.lamina.Init;
import dev.lamina.Loss;
import dev.lamina.NormPlacement;
import dev.lamina.Nonlinearity;
import dev.lamina.RunningStats;
import dev.lamina.internal.kernel.BFloat16;
import dev.lamina.testing.NumericAssertions.Diff;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Inference copies against the scalar {@link ReferenceNetwork}: a float copy computes the network
 * it was made from, a bfloat16 or int8 copy the network with its weights rounded or quantized
 * (each to float noise), and those copies stay within the bound that rounding or quantizing the
 * weights allows, propagated layer by layer. Every activation, batch normalization on either side of it, both
 * dropout modes, input scaling, layers without bias; batches of 1 to 37 rows.
 */
class InferenceCopyTest {
  /** Float32 noise of both sides: sums of ≤ 150 products, a few float epilogue operations. */
  private static final double ABS = 2e-5;
  private static final double REL = 2e-5;
  /** bfloat16's unit roundoff: 8 significant bits, rounded to nearest. */
  private static final double BF16_U = 0x1p-8;
  private static final int[] BATCHES = {1, 2, 3, 4, 5, 8, 37};

  private static final NormSpec BEFORE =
      NormSpec.batch(NormPlacement.BEFORE_ACTIVATION, 1e-5, 0.1, RunningStats.EXPONENTIAL);
  private static final NormSpec AFTER =
      NormSpec.batch(NormPlacement.AFTER_ACTIVATION, 1e-3, 0.1, RunningStats.EXPONENTIAL);

  @Test
  void floatAndBf16CopiesComputeTheirWeightsOnEveryActivation() {
    for (Nonlinearity f : Nonlinearity.values()) {
      for (NormSpec norm : new NormSpec[] {NormSpec.NONE, BEFORE, AFTER}) {
        NetworkSpec spec = new NetworkSpec("Net" + f + norm.kind(), Loss.SOFTMAX_CROSS_ENTROPY, 0,
            List.of(LayerSpec.input("in", 23, 0.9, DropoutMode.CLASSIC),
                dense("h1", 40, 23, true, f, norm, 0.8, DropoutMode.INVERTED),
                dense("h2", 33, 40, false, f, norm, 0.7, DropoutMode.CLASSIC),
                dense("out", 10, 33, true, Nonlinearity.IDENTITY, NormSpec.NONE, 1,
                    DropoutMode.INVERTED)), InputScaling.STANDARDIZE);
        ReferenceNetwork source = trained(spec, 1);
        checkAgainstReference(source, WeightPrecision.FLOAT32);
        checkAgainstReference(source, WeightPrecision.BFLOAT16);
        checkAgainstReference(source, WeightPrecision.INT8);
      }
    }
  }

  @Test
  void bf16CopyStaysWithinTheRoundingBound() {
    checkWithinBound(WeightPrecision.BFLOAT16);
  }

  @Test
  void int8CopyStaysWithinTheQuantizationBound() {
    checkWithinBound(WeightPrecision.INT8);
  }

  private static void checkWithinBound(WeightPrecision precision) {
    NetworkSpec spec = new NetworkSpec("Mlp", Loss.SOFTMAX_CROSS_ENTROPY, 0, List.of(
        LayerSpec.input("in", 150, 0.9, DropoutMode.CLASSIC),
        dense("h1", 70, 150, true, Nonlinearity.RELU, BEFORE, 0.8, DropoutMode.INVERTED),
        dense("h2", 37, 70, false, Nonlinearity.TANH, AFTER, 0.7, DropoutMode.CLASSIC),
        dense("out", 10, 37, true, Nonlinearity.IDENTITY, NormSpec.NONE, 1,
            DropoutMode.INVERTED)));
    ReferenceNetwork source = trained(spec, 2);
    Network copy = source.inferenceCopy(precision);
    int rows = 64;
    float[] input = random(rows * 150, 3);
    float[] exact = source.forwardInfer(input, rows).clone();
    float[] got = copy.forwardInfer(input, rows);
    double[][] bound = bound(source, input, rows, precision);
    double worst = 0;
    double largest = 0;
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < 10; j++) {
        double diff = Math.abs(got[r * 10 + j] - exact[r * 10 + j]);
        double allowed = bound[r][j] + ABS + REL * Math.abs(exact[r * 10 + j]);
        if (!(diff <= allowed)) {
          fail(String.format("%s copy, row %d, output %d: float %s, copy %s, |diff| %.3g over"
              + " the bound %.3g", precision, r, j, exact[r * 10 + j], got[r * 10 + j], diff,
              allowed));
        }
        worst = Math.max(worst, diff / allowed);
        largest = Math.max(largest, diff);
      }
    }
    assertTrue(largest > 0, precision + " weights must change some output");
    System.out.printf("%s copy vs float: max |diff| %.3g, %.0f%% of the rounding bound%n",
        precision, largest, 100 * worst);
  }

  /**
   * A copy of a copy in the same precision (each thread's, in a Predictor) shares the laid-out
   * weights: the same bits as its source, and buffers of its own, so that a pass of one leaves the
   * other's last outputs as they were.
   */
  @Test
  void aCopyOfACopyComputesTheSameWithItsOwnBuffers() {
    NetworkSpec spec = new NetworkSpec("Shared", Loss.SOFTMAX_CROSS_ENTROPY, 0,
        List.of(LayerSpec.input("in", 23, 1, DropoutMode.INVERTED),
            dense("h", 40, 23, true, Nonlinearity.RELU, BEFORE, 1, DropoutMode.INVERTED),
            dense("out", 10, 40, true, Nonlinearity.IDENTITY, NormSpec.NONE, 1,
                DropoutMode.INVERTED)), InputScaling.STANDARDIZE);
    ReferenceNetwork source = trained(spec, 2);
    for (WeightPrecision precision : WeightPrecision.values()) {
      Network first = source.inferenceCopy(precision);
      Network second = first.inferenceCopy(precision);
      float[] x = random(8 * 23, 8);
      float[] expected = first.forwardInfer(x, 8).clone();
      float[] firstOut = first.forwardInfer(x, 8);
      float[] secondOut = second.forwardInfer(random(8 * 23, 9), 8);
      assertNotEquals(expected[0], secondOut[0], precision + ": other rows, other outputs");
      assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(firstOut),
          precision + ": the second copy's pass must not touch the first's buffers");
      assertEquals(java.util.Arrays.toString(expected),
          java.util.Arrays.toString(second.forwardInfer(x, 8)), precision + ": the same bits");
    }
  }

  @Test
  void theCopyKeepsTheWeightsItWasMadeWith() {
    NetworkSpec spec = new NetworkSpec("Small", Loss.SOFTMAX_CROSS_ENTROPY, 0, List.of(
        LayerSpec.input("in", 5, 1, DropoutMode.INVERTED),
        dense("out", 3, 5, true, Nonlinearity.IDENTITY, NormSpec.NONE, 1, DropoutMode.INVERTED)));
    for (WeightPrecision precision : WeightPrecision.values()) {
      ReferenceNetwork source = trained(spec, 4);
      Network copy = source.inferenceCopy(precision);
      float[] input = random(8 * 5, 8); // 8 rows: a float copy reads its laid-out panels
      float[] before = copy.forwardInfer(input, 8).clone();
      if (precision == WeightPrecision.BFLOAT16) {
        for (float v : copy.parameters().get("out.weight").values()) {
          assertEquals(v, BFloat16.round(v), 0f, "a bf16 copy's weights are bfloat16 values");
        }
      }
      source.parameters().get("out.weight").values()[0] += 1f;
      copy.parameters().get("out.weight").values()[1] += 1f;
      float[] after = copy.forwardInfer(input, 8);
      assertEquals(before[0], after[0], 0f, precision + ": changing the source or the copy's"
          + " parameters must not change what the copy computes");
      assertEquals(before[1], after[1], 0f, precision + ": the copy's own parameters, changed");
      assertNotEquals(source.forwardInfer(input, 8)[0], after[0]);
    }
  }

  @Test
  void otherLayerKindsAreRefusedByName() {
    Shape in = new Shape(1, 6, 6);
    NetworkSpec cnn = new NetworkSpec("Cnn", Loss.SOFTMAX_CROSS_ENTROPY, 0, List.of(
        LayerSpec.input("image", in.size(), 1, DropoutMode.INVERTED).withImage(ImageSpec.input(in)),
        LayerSpec.conv("conv1", ImageSpec.conv(in, 2, 3, 1, 1, 1), true,
            dev.lamina.init.InitSpec.of(Init.AUTO), dev.lamina.init.InitSpec.zeros(),
            Nonlinearity.RELU, 0, 1, DropoutMode.INVERTED),
        dense("out", 3, 72, true, Nonlinearity.IDENTITY, NormSpec.NONE, 1, DropoutMode.INVERTED)));
    var e = assertThrows(IllegalArgumentException.class,
        () -> new ReferenceNetwork(cnn, 1).inferenceCopy(WeightPrecision.BFLOAT16));
    assertTrue(e.getMessage().contains("layer conv1 of Cnn is a CONV layer"), e.getMessage());
    assertTrue(e.getMessage().contains("dense layers"), e.getMessage());

    NetworkSpec layerNorm = new NetworkSpec("LayerNormed", Loss.SOFTMAX_CROSS_ENTROPY, 0, List.of(
        LayerSpec.input("in", 5, 1, DropoutMode.INVERTED),
        dense("h", 4, 5, true, Nonlinearity.RELU,
            NormSpec.layer(NormPlacement.BEFORE_ACTIVATION, 1e-5), 1, DropoutMode.INVERTED)));
    e = assertThrows(IllegalArgumentException.class,
        () -> new ReferenceNetwork(layerNorm, 1).inferenceCopy(WeightPrecision.FLOAT32));
    assertTrue(e.getMessage().contains("layer h of LayerNormed has LAYER normalization"),
        e.getMessage());
  }

  private static void checkAgainstReference(ReferenceNetwork source, WeightPrecision precision) {
    Network copy = source.inferenceCopy(precision);
    // The scalar definition over the copy's own values: the rounded weights for bfloat16.
    ReferenceNetwork expected = new ReferenceNetwork(source.spec(), copy.parameters());
    for (int i = 0; i < expected.state().size(); i++) {
      float[] from = copy.state().get(i).values();
      System.arraycopy(from, 0, expected.state().get(i).values(), 0, from.length);
    }
    for (int rows : BATCHES) {
      float[] input = random(rows * source.inputSize(), rows);
      String what = source.spec().name() + " " + precision + " copy, " + rows + " rows";
      float[] want = expected.forwardInfer(input, rows).clone();
      float[] got = java.util.Arrays.copyOf(copy.forwardInfer(input, rows), want.length);
      Diff diff = assertClose(what, want, got, ABS, REL);
      if (precision == WeightPrecision.FLOAT32) {
        assertClose(what + " vs its source", source.forwardInfer(input, rows), got, ABS, REL);
      }
      assertTrue(diff.toleranceUsed() <= 1, what);
    }
  }

  /**
   * Per row and output, the most the outputs can move when every weight moves by up to e_ij:
   * |Δz| ≤ |s1|·(Σ B_i·(|W_ij| + e_ij) + Σ |x_i|·e_ij), then the activation's Lipschitz constant
   * (1 for ReLU and tanh), then |s2|. x is the float network's layer input, computed here in
   * double. For bfloat16, e_ij = {@link #BF16_U}·|W_ij|; for int8, half a step of column j, its
   * largest |w| / 254.
   */
  private static double[][] bound(ReferenceNetwork source, float[] input, int rows,
      WeightPrecision precision) {
    NetworkSpec spec = source.spec();
    double[][] result = new double[rows][];
    for (int r = 0; r < rows; r++) {
      double[] x = new double[spec.inputSize()];
      for (int i = 0; i < x.length; i++) {
        x[i] = input[r * x.length + i] * spec.layers().get(0).keep(); // classic input dropout
      }
      double[] b = new double[x.length];
      for (LayerSpec layer : spec.layers().subList(1, spec.layers().size())) {
        float[] w = source.parameters().get(layer.name() + ".weight").values();
        double[][] norm = layer.norm().isPresent() ? affine(source, layer) : null;
        int n = layer.units();
        double[] y = new double[n];
        double[] by = new double[n];
        for (int j = 0; j < n; j++) {
          double z = layer.bias() ? source.parameters().get(layer.name() + ".bias").values()[j] : 0;
          double halfStep = 0;
          for (int i = 0; i < x.length; i++) {
            halfStep = Math.max(halfStep, Math.abs(w[i * n + j]) / 254);
          }
          double bz = 0;
          for (int i = 0; i < x.length; i++) {
            double wij = w[i * n + j];
            double e = precision == WeightPrecision.INT8 ? halfStep : BF16_U * Math.abs(wij);
            z += x[i] * wij;
            bz += b[i] * (Math.abs(wij) + e) + Math.abs(x[i]) * e;
          }
          double s2 = 1;
          if (norm != null && layer.norm().beforeActivation()) {
            z = z * norm[0][j] + norm[1][j];
            bz *= Math.abs(norm[0][j]);
          }
          double a = Activations.apply(layer.activation(), z);
          if (norm != null && !layer.norm().beforeActivation()) {
            a = a * norm[0][j] + norm[1][j];
            s2 = Math.abs(norm[0][j]);
          }
          double keep = layer.hasDropout() && layer.dropoutMode() == DropoutMode.CLASSIC
              ? layer.keep() : 1;
          y[j] = a * keep;
          by[j] = bz * s2 * keep; // ReLU, tanh and the identity are 1-Lipschitz
        }
        x = y;
        b = by;
      }
      result[r] = b;
    }
    return result;
  }

  /** The activations of the bound test, in double. */
  private static final class Activations {
    static double apply(Nonlinearity f, double z) {
      return switch (f) {
        case RELU -> Math.max(z, 0);
        case TANH -> Math.tanh(z);
        case IDENTITY -> z;
        default -> throw new IllegalArgumentException("the bound covers ReLU, tanh, identity");
      };
    }
  }

  private static double[][] affine(ReferenceNetwork source, LayerSpec layer) {
    float[] gamma = source.parameters().get(layer.name() + ".gamma").values();
    float[] beta = source.parameters().get(layer.name() + ".beta").values();
    float[] mean = state(source, layer.name() + ".running_mean");
    float[] var = state(source, layer.name() + ".running_var");
    double[][] a = new double[2][layer.units()];
    for (int j = 0; j < layer.units(); j++) {
      a[0][j] = gamma[j] / Math.sqrt(var[j] + layer.norm().eps());
      a[1][j] = beta[j] - mean[j] * a[0][j];
    }
    return a;
  }

  private static float[] state(Network network, String name) {
    return network.state().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow()
        .values();
  }

  private static LayerSpec dense(String name, int units, int fanIn, boolean bias, Nonlinearity f,
      NormSpec norm, double keep, DropoutMode mode) {
    return LayerSpec.dense(name, units, fanIn, bias, Init.XAVIER, 0, f, 0.1, keep, mode)
        .withNorm(norm);
  }

  /** A reference network with random biases, γ, β and statistics, as if trained. */
  private static ReferenceNetwork trained(NetworkSpec spec, long seed) {
    ReferenceNetwork network = new ReferenceNetwork(spec, seed);
    SplittableRandom random = new SplittableRandom(seed + 100);
    for (Parameter p : network.parameters()) {
      if (!p.name().endsWith(".weight")) {
        for (int i = 0; i < p.size(); i++) {
          p.values()[i] = (float) (p.name().endsWith(".gamma")
              ? random.nextDouble(0.5, 1.5) : random.nextDouble(-0.5, 0.5));
        }
      }
    }
    for (StateTensor s : network.state()) {
      for (int i = 0; i < s.values().length; i++) {
        s.values()[i] = (float) (s.name().endsWith("running_var") || s.name().endsWith(".std")
            ? random.nextDouble(0.5, 2) : s.name().endsWith(".count") ? 10
            : random.nextDouble(-1, 1));
      }
    }
    return network;
  }

  private static float[] random(int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] v = new float[size];
    for (int i = 0; i < size; i++) {
      v[i] = (float) random.nextDouble(-2, 2);
    }
    return v;
  }
}
