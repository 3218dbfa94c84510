package dev.lamina.processor.model;

import dev.lamina.nn.ImageSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shape inference, the one place where shapes are computed: each layer's inputs and output, in
 * the order of the fields, each from the outputs of the layers it reads and its kind's {@link
 * LayerKind#outputShape}. Tolerant: it stops at the first layer whose shape cannot be known, and
 * says which layer and why, for the shape rule to report.
 *
 * @param layers each layer whose shape is known, by name, in field order
 * @param stop the layer where inference stopped because of the layer itself (a window too large,
 *     an image layer after a flat one, a bad value); empty when every shape is known, or when
 *     inference stopped at a layer without inputs
 */
public record Shapes(Map<String, Inferred> layers, Optional<Stop> stop) {
  /**
   * A layer's shapes.
   *
   * @param inputs the outputs of the layers it reads, in the order of its inputs
   * @param geometry an image layer's window and shapes; null for a flat layer
   */
  public record Inferred(List<LayerShape> inputs, LayerShape out, ImageSpec geometry) {}

  /** Where and why inference stopped. */
  public record Stop(LayerDescriptor layer, List<LayerShape> inputs, ShapeResult reason) {}

  public static Shapes infer(ModelDescriptor model) {
    Map<String, Inferred> known = new LinkedHashMap<>();
    for (LayerDescriptor layer : model.layers()) {
      Optional<LayerKind> kind = layer.kind();
      List<LayerShape> inputs = new ArrayList<>();
      if (!layer.isInput()) {
        for (String name : layer.inputs()) {
          Inferred input = known.get(name);
          if (input == null) {
            return new Shapes(known, Optional.empty()); // nothing to read: an earlier rule says why
          }
          inputs.add(input.out());
        }
        if (inputs.isEmpty()) {
          return new Shapes(known, Optional.empty());
        }
      }
      if (kind.isEmpty()) {
        // Not a layer of any kind (LayerFieldRule reports it): it passes its input on.
        known.put(layer.name(), new Inferred(inputs, inputs.get(0), null));
        continue;
      }
      ShapeResult result = kind.get().outputShape(inputs);
      if (!(result instanceof ShapeResult.Known(LayerShape out, ImageSpec geometry))) {
        return new Shapes(known, Optional.of(new Stop(layer, inputs, result)));
      }
      known.put(layer.name(), new Inferred(inputs, out, geometry));
    }
    return new Shapes(known, Optional.empty());
  }

  public Shapes {
    layers = Collections.unmodifiableMap(new LinkedHashMap<>(layers));
  }

  /** Whether every layer's shape is known. */
  public boolean complete(ModelDescriptor model) {
    return layers.size() == model.layers().size();
  }

  /** {@code layer}'s shapes; empty when inference stopped before it. */
  public Optional<Inferred> of(LayerDescriptor layer) {
    return Optional.ofNullable(layers.get(layer.name()));
  }
}
