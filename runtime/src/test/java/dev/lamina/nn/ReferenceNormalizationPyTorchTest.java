package dev.lamina.nn;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.testing.Fixtures;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The scalar reference's batch and layer normalization against PyTorch's BatchNorm1d and LayerNorm. */
class ReferenceNormalizationPyTorchTest {
  static Stream<Fixtures.Node> cases() {
    return NormalizationCase.cases().stream();
  }

  @ParameterizedTest(name = "{index}")
  @MethodSource("cases")
  void matchesPyTorch(Fixtures.Node c) {
    NetworkSpec spec = NormalizationCase.spec(c);
    NormalizationCase.check(c, new ReferenceNetwork(spec, spec.newParameters()));
  }

  @Test
  void trainingBatchNormalizationOnOneRowIsAClearError() {
    NetworkSpec spec = NormalizationCase.spec(NormalizationCase.cases().get(0));
    var network = new ReferenceNetwork(spec, 1);
    var e = assertThrows(IllegalArgumentException.class,
        () -> network.forwardTrain(new float[6], 1, 0));
    assertTrue(e.getMessage().contains("rows must be >= 2"), e.getMessage());
  }
}
