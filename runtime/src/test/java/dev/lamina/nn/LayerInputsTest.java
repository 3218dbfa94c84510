package dev.lamina.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.DropoutMode;
import dev.lamina.Init;
import dev.lamina.Loss;
import dev.lamina.Nonlinearity;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every layer of a spec names its inputs: the layer above by default, or an earlier one. */
class LayerInputsTest {
  private static LayerSpec dense(String name, int units, int fanIn) {
    return LayerSpec.dense(name, units, fanIn, true, Init.XAVIER, 0, Nonlinearity.TANH, 0, 1,
        DropoutMode.INVERTED);
  }

  private static NetworkSpec spec(LayerSpec... layers) {
    return new NetworkSpec("m", Loss.SOFTMAX_CROSS_ENTROPY, 0, List.of(layers));
  }

  @Test
  void aChainNamesTheLayerAbove() {
    NetworkSpec spec = spec(LayerSpec.input("in", 4, 1, DropoutMode.INVERTED), dense("a", 3, 4),
        dense("b", 2, 3));
    assertEquals(List.of(), spec.layers().get(0).inputs());
    assertEquals(List.of("in"), spec.layers().get(1).inputs());
    assertEquals(List.of("a"), spec.layers().get(2).inputs());
    assertEquals(1, spec.inputIndex(2));
    assertEquals(spec, spec(LayerSpec.input("in", 4, 1, DropoutMode.INVERTED),
        dense("a", 3, 4).withInputs(List.of("in")), dense("b", 2, 3).withInputs(List.of("a"))));
  }

  @Test
  void anInputMustBeAnEarlierLayer() {
    var e = assertThrows(IllegalArgumentException.class, () -> spec(
        LayerSpec.input("in", 4, 1, DropoutMode.INVERTED), dense("a", 3, 4).withInputs(List.of("b")),
        dense("b", 3, 3)));
    assertEquals("input 'b' of layer a of m must name a layer before it, one of [in]",
        e.getMessage());
  }

  @Test
  void layerNamesMustBeUnique() {
    var e = assertThrows(IllegalArgumentException.class, () -> spec(
        LayerSpec.input("in", 4, 1, DropoutMode.INVERTED), dense("a", 3, 4), dense("a", 3, 3)));
    assertEquals("layer names of m must be unique, got a twice", e.getMessage());
  }

  @Test
  void theInputLayerReadsNothing() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> LayerSpec.input("in", 4, 1, DropoutMode.INVERTED).withInputs(List.of("x")));
    assertEquals("inputs of input layer in must be empty, got [x]", e.getMessage());
  }

  /**
   * A layer that reads an earlier layer than the one above computes what it would in a chain
   * without the layers in between, forward and backward; the skipped layer gets zero gradients.
   */
  @Test
  void theReferenceReadsTheNamedLayer() {
    NetworkSpec skipping = spec(LayerSpec.input("in", 4, 1, DropoutMode.INVERTED),
        dense("a", 3, 4), dense("b", 2, 4).withInputs(List.of("in")));
    NetworkSpec chain = spec(LayerSpec.input("in", 4, 1, DropoutMode.INVERTED), dense("b", 2, 4));
    ReferenceNetwork graph = new ReferenceNetwork(skipping, 1);
    ReferenceNetwork plain = new ReferenceNetwork(chain, 2);
    System.arraycopy(graph.parameters().get("b.weight").values(), 0,
        plain.parameters().get("b.weight").values(), 0, 8);
    System.arraycopy(graph.parameters().get("b.bias").values(), 0,
        plain.parameters().get("b.bias").values(), 0, 2);
    float[] x = new float[3 * 4];
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    assertArrayEquals(plain.forwardTrain(x, 3, 5).clone(), graph.forwardTrain(x, 3, 5).clone());
    float[] d = {0.1f, -0.2f, 0.3f, 0.4f, -0.5f, 0.6f};
    graph.parameters().get("a.weight").gradient()[0] = 7f; // stale, to be overwritten
    plain.backward(d.clone(), 3);
    graph.backward(d.clone(), 3);
    assertArrayEquals(plain.parameters().get("b.weight").gradient(),
        graph.parameters().get("b.weight").gradient());
    for (float g : graph.parameters().get("a.weight").gradient()) {
      assertTrue(g == 0f, "a.weight gradient " + g);
    }
  }
}
