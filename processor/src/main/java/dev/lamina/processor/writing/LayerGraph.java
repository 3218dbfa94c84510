package dev.lamina.processor.writing;

import java.util.List;

/**
 * Who reads whom among the generated class's layers: each layer's inputs, and the order in which
 * the backward pass writes dLoss/d(a layer's output). The pass runs from the last layer to the
 * first, so of the layers that read one, the last sets its gradient and the others add to it, in
 * that fixed order whatever the thread count.
 */
final class LayerGraph {
  private final List<LayerNames> layers;

  LayerGraph(List<LayerNames> layers) {
    this.layers = layers;
  }

  /** The layers {@code n} reads, in its order. */
  List<LayerNames> inputs(LayerNames n) {
    return n.layer().inputs().stream().map(this::named).toList();
  }

  /** The layer {@code n} reads: its only input. */
  LayerNames input(LayerNames n) {
    return named(n.layer().inputs().get(0));
  }

  /** The layers that read {@code n}, in layer order. */
  List<LayerNames> readers(LayerNames n) {
    return layers.stream().filter(l -> l.layer().inputs().contains(n.layer().name())).toList();
  }

  private LayerNames named(String name) {
    return layers.stream().filter(l -> l.layer().name().equals(name)).findFirst().orElseThrow();
  }

  /** Whether {@code reader} is the first layer of the backward pass to write {@code input}'s gradient. */
  boolean setsGradient(LayerNames reader, LayerNames input) {
    int last = layers.stream().filter(l -> l.layer().inputs().contains(input.layer().name()))
        .mapToInt(LayerNames::index).max().orElseThrow();
    return last == reader.index();
  }

  /**
   * The most values per sample a layer's gradient takes through the scratch buffer: from each
   * dense layer, convolution or pooling layer that adds to a gradient another layer set; 0 when
   * none does.
   */
  int scratchUnits() {
    int units = 0;
    for (LayerNames n : layers) {
      if (n.layer().isMerge() || !n.passesGradient()) {
        continue;
      }
      LayerNames in = input(n);
      if (!setsGradient(n, in)) {
        units = Math.max(units, in.layer().units());
      }
    }
    return units;
  }
}
