package dev.lamina.nn;

import dev.lamina.testing.Fixtures;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference network's convolutions, pooling and image normalizations against PyTorch's
 * Conv2d, MaxPool2d, AvgPool2d, AdaptiveAvgPool2d, BatchNorm2d, LayerNorm, InstanceNorm2d and
 * GroupNorm (fixtures/convolution.json).
 */
class ReferenceConvolutionPyTorchTest {
  static Stream<Fixtures.Node> cases() {
    return ConvolutionCase.cases().stream();
  }

  @ParameterizedTest(name = "{index}")
  @MethodSource("cases")
  void matchesPyTorch(Fixtures.Node c) {
    NetworkSpec spec = ConvolutionCase.spec(c);
    ConvolutionCase.check(c, new ReferenceNetwork(spec, spec.newParameters()));
  }
}
