package dev.lamina.examples;

import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.NetworkSpec;
import java.util.HashSet;
import java.util.Set;

/**
 * The floating-point operations per sample of a network's products, the work a fraction of the
 * FMA peak is counted against: each dense or convolution layer's forward product is 2·fanIn
 * per output (2·in·out for a dense layer, 2·H·W·filters·C·k² for a convolution); training adds
 * its weight gradient (the same count) and, unless the layer reads the model's input, its input
 * gradient (the same count again). Normalization, pooling, activations, the loss and the
 * optimizer are left out.
 */
final class ProductFlops {
  private ProductFlops() {}

  /** Forward products per sample. */
  static long forward(NetworkSpec spec) {
    long flops = 0;
    for (LayerSpec layer : spec.layers()) {
      if (layer.type().hasWeights()) {
        flops += 2L * layer.units() * layer.fanIn();
      }
    }
    return flops;
  }

  /** Forward, weight-gradient and input-gradient products of one training sample. */
  static long training(NetworkSpec spec) {
    Set<String> inputs = new HashSet<>();
    long flops = 0;
    for (LayerSpec layer : spec.layers()) {
      if (layer.type() == LayerSpec.Type.INPUT) {
        inputs.add(layer.name());
      } else if (layer.type().hasWeights()) {
        long product = 2L * layer.units() * layer.fanIn();
        flops += inputs.containsAll(layer.inputs()) ? 2 * product : 3 * product;
      }
    }
    return flops;
  }
}
