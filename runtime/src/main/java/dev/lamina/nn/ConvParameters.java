package dev.lamina.nn;

import java.util.List;

/**
 * The trainable tensors of a convolution: {@code weight} (kernel, kernel, input channels,
 * filters) — like a dense weight, (fan-in, outputs) over a window's values — {@code bias} (filters), and a normalization's γ and β — one per channel, or for
 * layer normalization one per output value, in the layer's (H, W, C) order.
 */
final class ConvParameters {
  private ConvParameters() {}

  static void add(List<Parameter> list, LayerSpec layer) {
    ImageSpec image = layer.image();
    int filters = image.out().channels();
    int k = image.kernel();
    int fanOut = filters * k * k;
    list.add(new Parameter(layer.name() + ".weight", ParameterKind.WEIGHT,
        new int[] {k, k, image.in().channels(), filters}, layer.fanIn(), fanOut, layer.decayScale()));
    if (layer.bias()) {
      list.add(new Parameter(layer.name() + ".bias", ParameterKind.BIAS, new int[] {filters},
          layer.fanIn(), fanOut, layer.decayBias() ? layer.decayScale() : 0));
    }
    if (layer.norm().isPresent()) {
      int[] shape = layer.norm().kind() == NormSpec.Kind.LAYER
          ? new int[] {image.out().height(), image.out().width(), filters}
          : new int[] {filters};
      list.add(new Parameter(layer.name() + ".gamma", ParameterKind.GAMMA, shape, layer.fanIn(),
          fanOut, false));
      list.add(new Parameter(layer.name() + ".beta", ParameterKind.BETA, shape, layer.fanIn(),
          fanOut, false));
    }
  }
}
