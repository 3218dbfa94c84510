package dev.lamina.examples;

import static dev.lamina.examples.GradientCheck.assertClose;
import static dev.lamina.examples.GradientCheck.randomInput;
import static dev.lamina.examples.GradientCheck.randomLabels;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.internal.TrainableNetwork;
import dev.lamina.nn.ConvolutionCase;
import dev.lamina.nn.Parameter;
import dev.lamina.nn.ReferenceNetwork;
import dev.lamina.testing.Fixtures;
import java.util.List;
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
  static Stream<Fixtures.Node> pytorchCases() {
    return ConvolutionCase.cases().stream();
  }

  @ParameterizedTest(name = "{index}")
  @MethodSource("pytorchCases")
  void generatedNetworkMatchesPyTorch(Fixtures.Node c) {
    TrainableNetwork network = ConvTestModels.PYTORCH_CASES.get(c.get("name").string()).apply(0);
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

  record Case(String name, LongFunction<TrainableNetwork> factory) {
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
        new Case("GroupAfterLeaky", ConvTestModels_GroupAfterLeakyNet::new),
        new Case("UpsampleMix", ConvTestModels_UpsampleMixNet::new),
        new Case("BatchReluUpsample", ConvTestModels_BatchReluUpsampleNet::new),
        new Case("BatchReluTilingMax", ConvTestModels_BatchReluTilingMaxNet::new),
        new Case("BatchLeakyTilingAvg", ConvTestModels_BatchLeakyTilingAvgNet::new),
        new Case("BatchTilingMax", ConvTestModels_BatchTilingMaxNet::new));
  }

  /** Batch sizes that leave the kernels' row tails and one odd split. */
  private static final List<Integer> ROWS = List.of(11, 3, 2);

  @ParameterizedTest
  @MethodSource("models")
  void forwardAndBackwardMatchTheReference(Case c) {
    GradientCheck.assertMatchesReference(c.toString(), c.factory().apply(11), ROWS);
  }

  @ParameterizedTest
  @MethodSource("models")
  void gradientsMatchFiniteDifferences(Case c) {
    TrainableNetwork net = c.factory().apply(5);
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
  private static double difference(TrainableNetwork net, float[] x, int rows, int[] labels, float[] values,
      int i, double h) {
    float original = values[i];
    values[i] = (float) (original + h);
    double up = GradientCheck.loss(net, x, rows, labels, 77);
    values[i] = (float) (original - h);
    double down = GradientCheck.loss(net, x, rows, labels, 77);
    values[i] = original;
    return (up - down) / (2 * h);
  }
}
