package dev.lamina.nn;

import static dev.lamina.testing.NumericAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lamina.DropoutMode;
import dev.lamina.Init;
import dev.lamina.Loss;
import dev.lamina.NormPlacement;
import dev.lamina.Nonlinearity;
import dev.lamina.RunningStats;
import dev.lamina.init.InitSpec;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The reference network's merges against central finite differences of the training loss: a
 * residual sum with an identity shortcut, one with a strided 1×1 projection, a concatenation of
 * images along channels and one of flat layers along features. A layer read by two others (the
 * stem, {@code block1}) gets the sum of both gradients, which every parameter before it checks.
 * Parameters and inputs are multiples of 2⁻¹², so the five-point stencil's steps are exact.
 */
class ReferenceMergeGradientTest {
  private static final Shape IN = new Shape(2, 5, 6);
  private static final int ROWS = 3;
  private static final double H = 1.0 / 64;
  private static final double REL = 1e-4;

  private static LayerSpec conv(String name, Shape in, int filters, int kernel, int stride,
      int padding, Nonlinearity f, String input) {
    return LayerSpec.conv(name, ImageSpec.conv(in, filters, kernel, stride, padding, 1), true,
        InitSpec.of(Init.AUTO), InitSpec.zeros(), f, 0, 1, DropoutMode.INVERTED)
        .withInputs(List.of(input));
  }

  private static LayerSpec merge(String name, LayerSpec.Type type, Shape out, Nonlinearity f,
      String... inputs) {
    return LayerSpec.merge(name, type, List.of(inputs), out.size(), ImageSpec.input(out), f, 0, 1,
        DropoutMode.INVERTED);
  }

  /** A stem, an identity block, a projection block, a concatenation and a dense head. */
  static NetworkSpec residualImages() {
    Shape full = new Shape(3, 5, 6);
    Shape half = new Shape(4, 3, 3);
    NormSpec batch = NormSpec.batch(NormPlacement.BEFORE_ACTIVATION, 1e-5, 0.1,
        RunningStats.EXPONENTIAL);
    return new NetworkSpec("residual", Loss.SOFTMAX_CROSS_ENTROPY, 0, List.of(
        LayerSpec.input("in", IN.size(), 1, DropoutMode.INVERTED).withImage(ImageSpec.input(IN)),
        conv("stem", IN, 3, 3, 1, 1, Nonlinearity.TANH, "in"),
        conv("a", full, 3, 3, 1, 1, Nonlinearity.TANH, "stem"),
        conv("b", full, 3, 3, 1, 1, Nonlinearity.IDENTITY, "a").withNorm(batch.withGamma(0.5)),
        merge("block1", LayerSpec.Type.ADD, full, Nonlinearity.TANH, "stem", "b"),
        conv("c", full, 4, 3, 2, 1, Nonlinearity.TANH, "block1"),
        conv("proj", full, 4, 1, 2, 0, Nonlinearity.IDENTITY, "block1").withNorm(batch),
        merge("block2", LayerSpec.Type.ADD, half, Nonlinearity.TANH, "proj", "c"),
        merge("both", LayerSpec.Type.CONCAT, new Shape(8, 3, 3), Nonlinearity.IDENTITY, "block2", "c"),
        LayerSpec.pool("pool", LayerSpec.Type.GLOBAL_AVG_POOL, ImageSpec.global(new Shape(8, 3, 3)),
            1, DropoutMode.INVERTED),
        LayerSpec.dense("out", 3, 8, true, InitSpec.of(Init.AUTO), InitSpec.zeros(),
            Nonlinearity.IDENTITY, 0, 1, DropoutMode.INVERTED)));
  }

  /** Two dense branches of the input summed, then concatenated with one of them. */
  static NetworkSpec flat() {
    return new NetworkSpec("flat", Loss.SOFTMAX_CROSS_ENTROPY, 0, List.of(
        LayerSpec.input("in", 4, 1, DropoutMode.INVERTED),
        dense("a", 5, 4, Nonlinearity.TANH, "in"),
        dense("b", 5, 4, Nonlinearity.SIGMOID, "in"),
        LayerSpec.merge("sum", LayerSpec.Type.ADD, List.of("a", "b"), 5, null, Nonlinearity.TANH,
            0, 1, DropoutMode.INVERTED),
        LayerSpec.merge("wide", LayerSpec.Type.CONCAT, List.of("sum", "a"), 10, null,
            Nonlinearity.IDENTITY, 0, 1, DropoutMode.INVERTED),
        dense("out", 3, 10, Nonlinearity.IDENTITY, "wide")));
  }

  private static LayerSpec dense(String name, int units, int fanIn, Nonlinearity f, String input) {
    return LayerSpec.dense(name, units, fanIn, true, InitSpec.of(Init.AUTO), InitSpec.zeros(), f,
        0, 1, DropoutMode.INVERTED).withInputs(List.of(input));
  }

  @Test
  void residualImagesMatchFiniteDifferences() {
    checkAgainstFiniteDifferences(residualImages());
  }

  @Test
  void flatMergesMatchFiniteDifferences() {
    checkAgainstFiniteDifferences(flat());
  }

  /** A sum of an identity shortcut is the two layers' outputs added, element by element. */
  @Test
  void aSumAddsItsInputsAndAConcatenationInterleavesChannels() {
    NetworkSpec spec = residualImages();
    ReferenceNetwork network = new ReferenceNetwork(spec, 5);
    float[] x = new float[ROWS * IN.size()];
    fill(x, 1, 0, new Random(1));
    network.forwardInfer(x, ROWS);
    float[] stem = network.layerOutput(1);
    float[] b = network.layerOutput(3);
    float[] block1 = network.layerOutput(4);
    for (int i = 0; i < block1.length; i++) {
      assertEquals((float) Math.tanh((double) stem[i] + b[i]), block1[i], 1e-6f, "block1[" + i + "]");
    }
    float[] block2 = network.layerOutput(7);
    float[] c = network.layerOutput(5);
    float[] both = network.layerOutput(8);
    for (int p = 0; p < ROWS * 9; p++) {
      for (int ch = 0; ch < 4; ch++) {
        assertEquals(block2[p * 4 + ch], both[p * 8 + ch], "pixel " + p + " channel " + ch);
        assertEquals(c[p * 4 + ch], both[p * 8 + 4 + ch], "pixel " + p + " channel " + (4 + ch));
      }
    }
  }

  @Test
  void mergedShapesMustFit() {
    var e = assertThrows(IllegalArgumentException.class, () -> new NetworkSpec("m",
        Loss.SOFTMAX_CROSS_ENTROPY, 0, List.of(LayerSpec.input("in", 4, 1, DropoutMode.INVERTED),
            dense("a", 5, 4, Nonlinearity.TANH, "in"), dense("b", 3, 4, Nonlinearity.TANH, "in"),
            LayerSpec.merge("sum", LayerSpec.Type.ADD, List.of("a", "b"), 5, null,
                Nonlinearity.IDENTITY, 0, 1, DropoutMode.INVERTED))));
    assertEquals("ADD layer sum of m cannot merge b of shape (3) into (5)", e.getMessage());
    var one = assertThrows(IllegalArgumentException.class, () -> LayerSpec.merge("sum",
        LayerSpec.Type.ADD, List.of("a"), 5, null, Nonlinearity.IDENTITY, 0, 1,
        DropoutMode.INVERTED));
    assertEquals("ADD layer sum must read two or more layers, got [a]", one.getMessage());
  }

  private static void checkAgainstFiniteDifferences(NetworkSpec spec) {
    Parameters parameters = spec.newParameters();
    ReferenceNetwork network = new ReferenceNetwork(spec, parameters);
    Random random = new Random(spec.name().hashCode());
    for (Parameter p : parameters) {
      double std = p.kind() == ParameterKind.WEIGHT ? 1.5 / Math.sqrt(p.fanIn())
          : p.kind() == ParameterKind.GAMMA ? 0.3 : 0.5;
      fill(p.values(), std, p.kind() == ParameterKind.GAMMA ? 1 : 0, random);
    }
    float[] input = new float[ROWS * spec.inputSize()];
    fill(input, 1, 0, random);
    int[] labels = {0, 2, 1};
    float[] out = network.forwardTrain(input, ROWS, 1).clone();
    float[] g = new float[out.length];
    double loss = network.loss(out, labels, ROWS, g) / ROWS;
    network.backward(g, ROWS);
    double abs = 10 * (1 + Math.abs(loss)) * 0x1p-24 / H;
    for (Parameter p : parameters) {
      float[] analytic = p.gradient().clone();
      float[] fd = new float[p.size()];
      for (int k = 0; k < p.size(); k++) {
        fd[k] = (float) stencil(network, p.values(), k, input, labels);
      }
      assertClose(spec.name() + ": d/d" + p.name() + " backward vs FD", fd, analytic, abs, REL);
    }
  }

  private static double stencil(ReferenceNetwork network, float[] values, int k, float[] input,
      int[] labels) {
    float original = values[k];
    double[] loss = new double[5];
    for (int s = -2; s <= 2; s++) {
      if (s != 0) {
        values[k] = (float) (original + s * H);
        loss[s + 2] = network.loss(network.forwardTrain(input, ROWS, 1), labels, ROWS, null) / ROWS;
      }
    }
    values[k] = original;
    return (loss[0] - 8 * loss[1] + 8 * loss[3] - loss[4]) / (12 * H);
  }

  /** Gaussian values of standard deviation {@code std} around {@code mean}, on a 2⁻¹² grid. */
  private static void fill(float[] values, double std, double mean, Random random) {
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (Math.round((mean + std * random.nextGaussian()) * 4096) / 4096.0);
    }
  }
}
