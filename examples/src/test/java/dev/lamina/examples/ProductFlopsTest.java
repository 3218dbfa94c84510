package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The product counts behind every fraction of peak, against the layer shapes counted by hand. */
class ProductFlopsTest {
  @Test
  void fashionCnnCountsEveryConvolutionAndProduct() {
    long conv1 = 2L * 28 * 28 * 32 * 9; // (1, 28, 28) -> 32 filters 3x3: reads the input
    long conv2 = 2L * 14 * 14 * 64 * 288; // (32, 14, 14) -> 64 filters 3x3
    long hidden = 2L * 3136 * 128;
    long logits = 2L * 128 * 10;
    var spec = new FashionCnnNet(1).spec();
    assertEquals(conv1 + conv2 + hidden + logits, ProductFlops.forward(spec));
    assertEquals(2 * conv1 + 3 * (conv2 + hidden + logits), ProductFlops.training(spec));
    assertEquals(24_995_328L, ProductFlops.training(spec));
  }

  @Test
  void mlpCountsNoInputGradientForTheFirstLayer() {
    var spec = new FashionMlpBnNet(1).spec();
    long first = 2L * 784 * 256;
    long rest = 2L * 256 * 128 + 2L * 128 * 10;
    assertEquals(first + rest, ProductFlops.forward(spec));
    assertEquals(2 * first + 3 * rest, ProductFlops.training(spec));
  }
}
