package dev.lamina.examples;

import static dev.lamina.examples.GradientCheck.assertClose;
import static dev.lamina.examples.GradientCheck.randomInput;
import static dev.lamina.examples.GradientCheck.randomLabels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.internal.TrainableNetwork;
import dev.lamina.nn.ReferenceNetwork;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated network against the scalar {@link ReferenceNetwork} (same weights, same dropout
 * masks) and against central finite differences.
 */
class GeneratedNetworkTest {
  record Case(String name, LongFunction<TrainableNetwork> factory) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> models() {
    return Stream.of(
        new Case("Smooth", TestModels_SmoothNet::new),
        new Case("Modern", TestModels_ModernNet::new),
        new Case("Rectified", TestModels_RectifiedNet::new),
        new Case("Linear", TestModels_LinearNet::new),
        new Case("Normalized", TestModels_NormalizedNet::new),
        new Case("FashionMlp", FashionMlpNet::new));
  }

  /**
   * Batch sizes that exercise the kernels' row tails. (Two rows make batch norm's gradient a
   * difference of nearly equal terms; NormalizationTest checks that case against PyTorch.)
   */
  private static final List<Integer> ROWS = List.of(33, 7, 3);

  @ParameterizedTest
  @MethodSource("models")
  void forwardAndBackwardMatchTheReference(Case c) {
    GradientCheck.assertMatchesReference(c.toString(), c.factory().apply(11), ROWS);
  }

  @ParameterizedTest
  @MethodSource("models")
  void gradientsMatchFiniteDifferences(Case c) {
    TrainableNetwork net = c.factory().apply(5);
    int rows = 6;
    float[] x = randomInput(rows, net.inputSize(), 3);
    int[] labels = randomLabels(rows, net.outputSize(), 4);
    int stride = net.parameters().count() > 10_000 ? 997 : 7;
    GradientCheck.assertFiniteDifferences(net, x, rows, labels, 77, stride);
  }

  @Test
  void sameSeedSameWeightsDifferentSeedDifferentWeights() {
    var a = new TestModels_SmoothNet(3);
    var b = new TestModels_SmoothNet(3);
    var c = new TestModels_SmoothNet(4);
    assertTrue(a.parameters().bitEquals(b.parameters()));
    assertFalse(a.parameters().bitEquals(c.parameters()));
  }

  @Test
  void inferenceNeverUsesDropout() {
    var net = new TestModels_SmoothNet(1);
    float[] x = randomInput(4, net.inputSize(), 9);
    float[] first = net.forwardInfer(x, 4).clone();
    net.forwardTrain(x, 4, 123);
    float[] second = net.forwardInfer(x, 4);
    assertClose("inference after training pass", first, second, first.length, 0, 0);
  }

  @Test
  void backwardNeedsATrainingPassWithTheSameRows() {
    var net = new TestModels_LinearNet(1);
    float[] x = randomInput(3, net.inputSize(), 9);
    float[] grad = new float[3 * net.outputSize()];
    var noForward = assertThrows(IllegalStateException.class, () -> net.backward(grad, 3));
    assertTrue(noForward.getMessage().contains("forwardTrain"), noForward.getMessage());
    net.forwardTrain(x, 3, 1);
    var wrongRows = assertThrows(IllegalArgumentException.class, () -> net.backward(grad, 2));
    assertEquals("rows must match the last forwardTrain (3), got 2", wrongRows.getMessage());
    var shortInput = assertThrows(IllegalArgumentException.class, () -> net.forwardTrain(x, 4, 1));
    assertTrue(shortInput.getMessage().contains("input must hold rows × inputSize"), shortInput.getMessage());
  }
}
