package dev.lamina.examples;

import static dev.lamina.examples.GradientCheck.assertClose;
import static dev.lamina.examples.GradientCheck.randomInput;
import static dev.lamina.examples.GradientCheck.randomLabels;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.nn.ConvolutionCase;
import dev.lamina.nn.Network;
import dev.lamina.nn.Parameter;
import dev.lamina.nn.ReferenceNetwork;
import dev.lamina.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated convolutional networks against PyTorch (fixtures/convolution.json), the scalar
 * {@link ReferenceNetwork} (same weights, same dropout masks and noise) and central finite
 * differences.
 */
class ConvolutionTest {
  private static final Map<String, LongFunction<Network>> PYTORCH_CASES = Map.of(
      "batch_relu_max", ConvTestModels_BatchReluMaxNet::new,
      "batch_after_tanh_avg", ConvTestModels_BatchAfterTanhAvgNet::new,
      "batch_one_row", ConvTestModels_BatchOneRowNet::new,
      "layer_sigmoid_global", ConvTestModels_LayerSigmoidGlobalNet::new,
      "instance_relu_overlapping_max", ConvTestModels_InstanceReluOverlappingMaxNet::new,
      "group_after_leaky", ConvTestModels_GroupAfterLeakyNet::new);

  static Stream<Fixtures.Node> pytorchCases() {
    return ConvolutionCase.cases().stream();
  }

  @ParameterizedTest(name = "{index}")
  @MethodSource("pytorchCases")
  void generatedNetworkMatchesPyTorch(Fixtures.Node c) {
    Network network = PYTORCH_CASES.get(c.get("name").string()).apply(0);
    var expected = ConvolutionCase.spec(c).layers();
    var actual = network.spec().layers();
    assertEquals(expected.size(), actual.size(), "layers of " + c.get("name").string());
    for (int i = 0; i < expected.size(); i++) {
      String what = "the annotated model must describe the fixture's layer " + expected.get(i).name();
      assertEquals(expected.get(i).image(), actual.get(i).image(), what);
      assertEquals(expected.get(i).norm(), actual.get(i).norm(), what);
      assertEquals(expected.get(i).bias(), actual.get(i).bias(), what);
      assertEquals(expected.get(i).activation(), actual.get(i).activation(), what);
    }
    ConvolutionCase.check(c, network);
  }

  record Case(String name, LongFunction<Network> factory) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> models() {
    return Stream.of(
        new Case("ImageMix", ConvTestModels_ImageMixNet::new),
        new Case("ImageNoise", ConvTestModels_ImageNoiseNet::new),
        new Case("InstanceReluOverlappingMax", ConvTestModels_InstanceReluOverlappingMaxNet::new),
        new Case("GroupAfterLeaky", ConvTestModels_GroupAfterLeakyNet::new));
  }

  /** Batch sizes that leave the kernels' row tails and one odd split. */
  private static final List<Integer> ROWS = List.of(11, 3, 2);

  @ParameterizedTest
  @MethodSource("models")
  void forwardAndBackwardMatchTheReference(Case c) {
    Network net = c.factory().apply(11);
    ReferenceNetwork reference = new ReferenceNetwork(net.spec(), net.parameters());
    for (int rows : ROWS) {
      float[] x = randomInput(rows, net.inputSize(), rows);
      int[] labels = randomLabels(rows, net.outputSize(), rows);
      long maskSeed = 1000 + rows;
      int outputs = rows * net.outputSize();

      float[] expected = reference.forwardTrain(x, rows, maskSeed).clone();
      float[] actual = net.forwardTrain(x, rows, maskSeed).clone();
      assertClose(c + " train output, rows " + rows, expected, actual, outputs, 1e-5, 1e-4);

      float[] grad = new float[outputs];
      net.loss(actual, labels, rows, grad);
      net.backward(grad.clone(), rows);
      List<float[]> generated = net.parameters().list().stream().map(p -> p.gradient().clone()).toList();
      reference.forwardTrain(x, rows, maskSeed);
      reference.backward(grad, rows);
      List<Parameter> params = net.parameters().list();
      for (int i = 0; i < params.size(); i++) {
        Parameter p = params.get(i);
        assertClose(c + " " + p.name() + " gradient, rows " + rows, p.gradient(), generated.get(i),
            p.size(), 1e-6 + 5e-4 * maxAbs(p.gradient()), 1e-4);
      }
      // The reference ran one more training pass: give it the network's running statistics.
      for (int i = 0; i < net.state().size(); i++) {
        float[] from = net.state().get(i).values();
        System.arraycopy(from, 0, reference.state().get(i).values(), 0, from.length);
      }
      expected = reference.forwardInfer(x, rows).clone();
      actual = net.forwardInfer(x, rows);
      assertClose(c + " inference output, rows " + rows, expected, actual, outputs, 1e-5, 1e-4);
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void gradientsMatchFiniteDifferences(Case c) {
    Network net = c.factory().apply(5);
    int rows = 4;
    float[] x = randomInput(rows, net.inputSize(), 3);
    int[] labels = randomLabels(rows, net.outputSize(), 4);
    float[] out = net.forwardTrain(x, rows, 77);
    float[] grad = new float[rows * net.outputSize()];
    net.loss(out, labels, rows, grad);
    net.backward(grad, rows);
    int checked = 0;
    int skipped = 0;
    for (Parameter p : net.parameters()) {
      float[] analytic = p.gradient().clone();
      int stride = Math.max(1, p.size() / 16); // about 16 entries of every tensor, small ones whole
      int n = (p.size() + stride - 1) / stride;
      float[] numeric = new float[n];
      float[] picked = new float[n];
      int kept = 0;
      for (int k = 0; k < n; k++) {
        int i = k * stride;
        double coarse = difference(net, x, rows, labels, p.values(), i, 1e-3);
        double fine = difference(net, x, rows, labels, p.values(), i, 1e-3 / 4);
        if (Math.abs(coarse - fine) > 5e-4 + 1e-2 * Math.abs(coarse)) {
          continue; // the step crosses a ReLU or max-pooling kink: the quotient says nothing
        }
        numeric[kept] = (float) coarse;
        picked[kept++] = analytic[i];
      }
      checked += n;
      skipped += n - kept;
      assertClose(c + " " + p.name() + " gradient vs finite differences", numeric, picked, kept,
          5e-4, 2e-2);
    }
    if (skipped > checked / 10) {
      org.junit.jupiter.api.Assertions.fail(c + ": " + skipped + " of " + checked
          + " finite differences straddle a kink");
    }
  }

  /** The central difference quotient of the mean training loss in {@code values[i]}. */
  private static double difference(Network net, float[] x, int rows, int[] labels, float[] values,
      int i, double h) {
    float original = values[i];
    values[i] = (float) (original + h);
    double up = GradientCheck.loss(net, x, rows, labels, 77);
    values[i] = (float) (original - h);
    double down = GradientCheck.loss(net, x, rows, labels, 77);
    values[i] = original;
    return (up - down) / (2 * h);
  }

  private static double maxAbs(float[] v) {
    double max = 0;
    for (float x : v) {
      max = Math.max(max, Math.abs(x));
    }
    return max;
  }
}
