package dev.lamina.nn;

import static dev.lamina.testing.NumericAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.DropoutMode;
import dev.lamina.Init;
import dev.lamina.Loss;
import dev.lamina.Nonlinearity;
import dev.lamina.testing.NumericAssertions.Diff;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ReferenceNetwork#backward} against central finite differences of the batch-mean loss,
 * for every parameter and every input value, for a small model 5 → 6 → 4 → 3 with one activation
 * in every layer, with and without biases, under both losses.
 *
 * <p>Precision with float parameters: every parameter and input is a multiple of 2⁻¹², so {@code
 * v ± h} and {@code v ± 2h} are exact floats and the step really is h. The five-point stencil
 * {@code (L(−2h) − 8L(−h) + 8L(h) − L(2h)) / 12h} has truncation error O(h⁴); what is left is
 * the float rounding of each layer's output (≈ 10⁻⁷ of the loss), divided by the step.
 *
 * <p>Kinks: for an activation with one ({@code kinks}: ReLU, leaky ReLU, ELU and SELU at 0,
 * hard-swish at ±3) the model is redrawn until every pre-activation of every row is at least
 * {@link #KINK_MARGIN} away from each, and the step is smaller ({@link #H_KINK}), so a step of 2h
 * moves no pre-activation across one. As a safety net, an entry whose perturbed passes move any
 * pre-activation across a kink would be skipped and counted; the test requires that none is.
 *
 * <p>The input gradient: {@code backward} computes dLoss/dInput but does not expose it, so the
 * check runs the model with a probe layer in front (identity weights, zero bias, identity
 * activation, which passes the input through bit for bit) on one row at a time; the probe's bias
 * gradient is then exactly dLoss/dInput of that row.
 */
class ReferenceNetworkGradientTest {
  private static final int INPUT = 5;
  private static final int[] UNITS = {6, 4, 3};
  private static final int ROWS = 4;
  private static final double SLOPE = 0.1;
  private static final double SMOOTHING = 0.1;
  /** Parameters and inputs are multiples of 1/GRID, so steps of 2⁻⁵..2⁻⁷ are exact. */
  private static final double GRID = 4096;
  /**
   * The step for the smooth activations: at 2⁻⁵ the stencil's h⁴ error still shows for tanh
   * (≈ 10⁻⁴), below 2⁻⁷ the rounding noise grows past 10⁻⁵.
   */
  private static final double H_SMOOTH = 1.0 / 64;
  /** The step for kinked activations: 2h = 1/64 stays inside the margin for |inputs| < 3. */
  private static final double H_KINK = 1.0 / 128;
  /** The least distance of a pre-activation to a kink, so that no step crosses one. */
  private static final double KINK_MARGIN = 0.05;
  /**
   * FD vs backward: |fd − backward| ≤ abs + REL·|backward|, where abs is the FD's rounding noise
   * bound: each forward pass rounds every layer's output to float, which moves the loss by a few
   * units of 2⁻²⁴·(1 + |loss|), and the stencil divides that by h; NOISE is the few. A wrong
   * derivative is off by far more than either term.
   */
  private static final double NOISE = 10;
  private static final double REL = 1e-4;

  static List<Arguments> models() {
    List<Arguments> list = new ArrayList<>();
    for (Nonlinearity f : Nonlinearity.values()) {
      for (boolean bias : new boolean[] {true, false}) {
        for (Loss loss : List.of(Loss.SOFTMAX_CROSS_ENTROPY, Loss.MEAN_SQUARED_ERROR)) {
          list.add(Arguments.of(f, bias, loss));
        }
      }
    }
    return list;
  }

  @ParameterizedTest(name = "{0}, bias {1}, {2}")
  @MethodSource("models")
  void backwardMatchesFiniteDifferences(Nonlinearity f, boolean bias, Loss loss) {
    boolean kinks = kinks(f).length > 0;
    double h = kinks ? H_KINK : H_SMOOTH;
    NetworkSpec spec = spec(f, bias, loss, false);
    Parameters parameters = spec.newParameters();
    ReferenceNetwork network = new ReferenceNetwork(spec, parameters);
    float[] input = new float[ROWS * INPUT];
    int[] labels = new int[ROWS];
    long seed = 100L * f.ordinal() + 10L * loss.ordinal() + (bias ? 1 : 0);
    int draws = 0;
    do {
      if (draws == 1000) {
        throw new AssertionError("no draw of 1000 keeps every |z| >= " + KINK_MARGIN);
      }
      draw(parameters, input, labels, new Random(seed + 1000L * draws++));
    } while (kinks && nearestKink(network, input) < KINK_MARGIN);
    String model = f + (bias ? " with" : " without") + " biases, " + loss;

    float[] out = network.forwardTrain(input, ROWS, 7L);
    float[] outputGradient = new float[out.length];
    double meanLoss = network.loss(out, labels, ROWS, outputGradient) / ROWS;
    network.backward(outputGradient, ROWS);

    int[] skipped = {0};
    int checked = 0;
    double worst = 0;
    double used = 0;
    for (Parameter p : parameters) {
      float[] analytic = p.gradient().clone();
      float[] fd = new float[p.size()];
      for (int k = 0; k < p.size(); k++) {
        fd[k] = finiteDifference(network, p.values(), k, input, labels, ROWS, h, analytic[k],
            skipped);
      }
      checked += p.size();
      Diff diff = assertClose(model + ": d/d" + p.name() + " backward vs FD", fd, analytic,
          noise(meanLoss, h), REL);
      worst = Math.max(worst, diff.maxAbs());
      used = Math.max(used, diff.toleranceUsed());
    }

    // The input gradient, one row at a time, through a probe layer (see the class comment).
    NetworkSpec probeSpec = spec(f, bias, loss, true);
    Parameters probeParameters = probeSpec.newParameters();
    for (Parameter p : parameters) {
      float[] v = p.values();
      System.arraycopy(v, 0, probeParameters.get(p.name()).values(), 0, v.length);
    }
    float[] eye = probeParameters.get("probe.weight").values();
    for (int i = 0; i < INPUT; i++) {
      eye[i * INPUT + i] = 1;
    }
    ReferenceNetwork probe = new ReferenceNetwork(probeSpec, probeParameters);
    for (int r = 0; r < ROWS; r++) {
      float[] row = Arrays.copyOfRange(input, r * INPUT, (r + 1) * INPUT);
      int[] label = {labels[r]};
      float[] probeOut = probe.forwardTrain(row, 1, 7L).clone();
      assertArrayEquals(network.forwardInfer(row, 1), probeOut, "the probe must pass the input");
      float[] g = new float[probeOut.length];
      double rowLoss = probe.loss(probeOut, label, 1, g);
      probe.backward(g, 1);
      float[] analytic = probeParameters.get("probe.bias").gradient().clone();
      float[] fd = new float[INPUT];
      for (int i = 0; i < INPUT; i++) {
        fd[i] = finiteDifference(network, row, i, row, label, 1, h, analytic[i], skipped);
      }
      checked += INPUT;
      Diff diff = assertClose(
          model + ": d/d input row " + r + " backward vs FD", fd, analytic, noise(rowLoss, h), REL);
      worst = Math.max(worst, diff.maxAbs());
      used = Math.max(used, diff.toleranceUsed());
    }
    System.out.printf("%s: %d entries match FD with h = %s (max |diff| %.3g, %.0f%% of tolerance);"
        + " %d skipped at kinks; model drawn %d time(s); loss %.3g%n",
        model, checked - skipped[0], h, worst, 100 * used, skipped[0], draws, meanLoss);
    assertEquals(0, skipped[0], model + ": entries whose steps crossed a kink");
  }

  /** The absolute tolerance of a finite difference with step h of a loss near {@code loss}. */
  private static double noise(double loss, double h) {
    return NOISE * (1 + Math.abs(loss)) * 0x1p-24 / h;
  }

  /**
   * The five-point central difference of the batch-mean loss in {@code values[k]}, which is one
   * of the network's parameters or {@code input}. When a step crosses a ReLU kink, counts a skip
   * and returns {@code ifSkipped}.
   */
  private static float finiteDifference(ReferenceNetwork network, float[] values, int k,
      float[] input, int[] labels, int rows, double h, float ifSkipped, int[] skipped) {
    float original = values[k];
    network.forwardInfer(input, rows);
    boolean[] signs = signs(network);
    double[] loss = new double[5];
    boolean kink = false;
    for (int s = -2; s <= 2; s++) {
      if (s == 0) {
        continue;
      }
      values[k] = (float) (original + s * h);
      if (values[k] - original != s * h) {
        throw new AssertionError("a step of " + s * h + " from " + original + " is not exact");
      }
      float[] out = network.forwardInfer(input, rows);
      loss[s + 2] = network.loss(out, labels, rows, null) / rows;
      kink |= !Arrays.equals(signs, signs(network));
      values[k] = original;
    }
    if (kink) {
      skipped[0]++;
      return ifSkipped;
    }
    return (float) ((loss[0] - 8 * loss[1] + 8 * loss[3] - loss[4]) / (12 * h));
  }

  /**
   * Where f or one of its first two derivatives jumps: a finite difference that steps across one
   * is off by far more than its tolerance. ReLU and leaky ReLU bend at 0, SELU's slope jumps there
   * (λ to λα), ELU's curvature does; hard-swish's slope jumps at −3 and 3.
   */
  private static double[] kinks(Nonlinearity f) {
    return switch (f) {
      case RELU, LEAKY_RELU, ELU, SELU -> new double[] {0};
      case HARDSWISH -> new double[] {-3, 3};
      default -> new double[0];
    };
  }

  /** For each unit with a kinked activation, how many of its kinks lie below z in the last pass. */
  private static boolean[] signs(ReferenceNetwork network) {
    List<LayerSpec> layers = network.spec().layers();
    double[][] z = preActivations(network);
    StringBuilder bits = new StringBuilder();
    for (int l = 1; l < layers.size(); l++) {
      for (double k : kinks(layers.get(l).activation())) {
        for (double v : z[l]) {
          bits.append(v > k ? '1' : '0');
        }
      }
    }
    boolean[] out = new boolean[bits.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = bits.charAt(i) == '1';
    }
    return out;
  }

  /** The smallest distance of any unit's z = x·W + b to a kink of its activation on {@code input}. */
  private static double nearestKink(ReferenceNetwork network, float[] input) {
    network.forwardInfer(input, ROWS);
    List<LayerSpec> layers = network.spec().layers();
    double[][] z = preActivations(network);
    double nearest = Double.POSITIVE_INFINITY;
    for (int l = 1; l < layers.size(); l++) {
      for (double k : kinks(layers.get(l).activation())) {
        for (double v : z[l]) {
          nearest = Math.min(nearest, Math.abs(v - k));
        }
      }
    }
    return nearest;
  }

  /** Each dense layer's z = x·W + b in the last forward pass, recomputed from its input. */
  private static double[][] preActivations(ReferenceNetwork network) {
    List<LayerSpec> layers = network.spec().layers();
    double[][] z = new double[layers.size()][];
    for (int l = 1; l < layers.size(); l++) {
      LayerSpec layer = layers.get(l);
      float[] x = network.layerOutput(l - 1);
      float[] w = network.parameters().get(layer.name() + ".weight").values();
      float[] b = layer.bias() ? network.parameters().get(layer.name() + ".bias").values() : null;
      int in = layer.fanIn();
      int out = layer.units();
      int rows = x.length / in; // the last pass's
      z[l] = new double[rows * out];
      for (int r = 0; r < rows; r++) {
        for (int j = 0; j < out; j++) {
          double s = b == null ? 0 : b[j];
          for (int i = 0; i < in; i++) {
            s += (double) x[r * in + i] * w[i * out + j];
          }
          z[l][r * out + j] = s;
        }
      }
    }
    return z;
  }

  private static void draw(Parameters parameters, float[] input, int[] labels, Random random) {
    for (Parameter p : parameters) {
      double std = p.kind() == ParameterKind.WEIGHT ? 1.5 / Math.sqrt(p.fanIn()) : 0.5;
      fillOnGrid(p.values(), std, random);
    }
    fillOnGrid(input, 1, random);
    for (int r = 0; r < labels.length; r++) {
      labels[r] = random.nextInt(UNITS[UNITS.length - 1]);
    }
  }

  private static NetworkSpec spec(Nonlinearity f, boolean bias, Loss loss, boolean probe) {
    List<LayerSpec> layers = new ArrayList<>();
    layers.add(LayerSpec.input("input", INPUT, 1, DropoutMode.INVERTED));
    if (probe) {
      layers.add(LayerSpec.dense("probe", INPUT, INPUT, true, Init.ZEROS, 0,
          Nonlinearity.IDENTITY, 0, 1, DropoutMode.INVERTED));
    }
    int fanIn = INPUT;
    for (int l = 0; l < UNITS.length; l++) {
      layers.add(LayerSpec.dense("d" + l, UNITS[l], fanIn, bias, Init.AUTO, 0, f, SLOPE, 1,
          DropoutMode.INVERTED));
      fanIn = UNITS[l];
    }
    double smoothing = loss == Loss.SOFTMAX_CROSS_ENTROPY ? SMOOTHING : 0;
    return new NetworkSpec("fd-" + f, loss, smoothing, layers);
  }

  /** Gaussian values with standard deviation {@code std}, rounded to multiples of 1/GRID. */
  private static void fillOnGrid(float[] values, double std, Random random) {
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (Math.rint(random.nextGaussian() * std * GRID) / GRID);
    }
  }
}
