package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.NetworkSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A model written as a list of fields is a chain: in the generated {@code SPEC} each layer names
 * the field above it as its input, and the input layer reads nothing.
 */
class ChainInputsTest {
  private static void assertChain(NetworkSpec spec) {
    List<LayerSpec> layers = spec.layers();
    assertEquals(List.of(), layers.get(0).inputs(), "inputs of " + layers.get(0).name());
    for (int i = 1; i < layers.size(); i++) {
      assertEquals(List.of(layers.get(i - 1).name()), layers.get(i).inputs(),
          "inputs of " + layers.get(i).name());
      assertEquals(i - 1, spec.inputIndex(i));
    }
  }

  @Test
  void theMlpIsAChain() {
    assertChain(FashionMlpNet.SPEC);
  }

  @Test
  void theCnnIsAChain() {
    assertChain(FashionCnnNet.SPEC);
    assertEquals(List.of("pool2"), FashionCnnNet.SPEC.layers().get(5).inputs());
  }
}
