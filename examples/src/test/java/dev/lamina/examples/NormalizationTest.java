package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.internal.TrainableNetwork;
import dev.lamina.nn.NormalizationCase;
import dev.lamina.testing.Fixtures;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Generated batch and layer normalization against PyTorch's BatchNorm1d and LayerNorm. */
class NormalizationTest {
  private static final Map<String, LongFunction<TrainableNetwork>> MODELS = Map.of(
      "batch_before_relu", TestModels_BatchBeforeReluNet::new,
      "batch_before_tanh_cumulative", TestModels_BatchBeforeTanhCumulativeNet::new,
      "batch_after_tanh", TestModels_BatchAfterTanhNet::new,
      "batch_before_identity_bias", TestModels_BatchBeforeIdentityBiasNet::new,
      "batch_two_rows", TestModels_BatchTwoRowsNet::new,
      "layer_before_sigmoid", TestModels_LayerBeforeSigmoidNet::new,
      "layer_after_relu", TestModels_LayerAfterReluNet::new);

  static Stream<Fixtures.Node> cases() {
    return NormalizationCase.cases().stream();
  }

  @ParameterizedTest(name = "{index}")
  @MethodSource("cases")
  void generatedNetworkMatchesPyTorch(Fixtures.Node c) {
    TrainableNetwork network = MODELS.get(c.get("name").string()).apply(0);
    var expected = NormalizationCase.spec(c).layers();
    var actual = network.spec().layers();
    for (int i = 0; i < expected.size(); i++) {
      String what = "the annotated model must describe the fixture's layer " + expected.get(i).name();
      assertEquals(expected.get(i).norm(), actual.get(i).norm(), what);
      assertEquals(expected.get(i).bias(), actual.get(i).bias(), what);
      assertEquals(expected.get(i).activation(), actual.get(i).activation(), what);
    }
    NormalizationCase.check(c, network);
  }

  @Test
  void batchOfOneIsAClearError() {
    TrainableNetwork network = new TestModels_BatchBeforeReluNet(0);
    var e = assertThrows(IllegalArgumentException.class, () -> network.forwardTrain(new float[6], 1, 0));
    assertTrue(e.getMessage().startsWith("rows must be >= 2 to train BatchBeforeRelu through batch normalization, got 1"),
        e.getMessage());
  }

  @Test
  void aDenseLayerBeforeBatchNormHasNoBiasUnlessAskedFor() {
    assertTrue(new TestModels_BatchBeforeReluNet(0).parameters().list().stream()
        .noneMatch(p -> p.name().equals("first.bias")));
    assertTrue(new TestModels_BatchBeforeIdentityBiasNet(0).parameters().list().stream()
        .anyMatch(p -> p.name().equals("first.bias")));
  }

  @Test
  void gammaAndBetaAreNotDecayed() {
    var p = new TestModels_BatchBeforeReluNet(0).parameters();
    assertTrue(!p.get("first.gamma").decayed() && !p.get("first.beta").decayed()
        && p.get("first.weight").decayed());
  }

  @Test
  void aTrainerRefusesABatchSizeThatLeavesOneSampleForBatchNorm() {
    var data = ReproducibilityTest.synthetic(129, 6, 1);
    var e = assertThrows(IllegalArgumentException.class, () -> TestModels_BatchBeforeReluNet
        .trainer().batchSize(64).epochs(1).build().fit(data, data));
    assertEquals("batchSize 64 leaves a last batch of 1 sample of the 129 training samples, and "
        + "BatchBeforeRelu uses batch normalization, which needs at least 2 per batch; use e.g. "
        + "batchSize 65", e.getMessage());
  }
}
