package dev.lamina.processor.validation;

import static dev.lamina.processor.model.Annotations.DENSE;
import static dev.lamina.processor.model.Annotations.INPUT;

import dev.lamina.processor.model.LayerDescriptor;
import dev.lamina.processor.model.ModelDescriptor;
import java.util.List;

/** Rule [Lamina/Input*], [Lamina/NoLayers]: one input, first, followed by at least one dense layer. */
final class LayerOrderRule {
  private LayerOrderRule() {}

  static void check(ModelDescriptor model, ValidationReport report) {
    List<LayerDescriptor> layers = model.layers();
    LayerDescriptor input = null;
    for (int i = 0; i < layers.size(); i++) {
      LayerDescriptor layer = layers.get(i);
      var mirror = layer.find(INPUT);
      if (mirror.isEmpty()) {
        continue;
      }
      if (input != null) {
        report.error(String.format(Messages.INPUT_DUPLICATE, input.name()), layer.field(),
            mirror.get(), null);
      } else if (i > 0) {
        report.error(String.format(Messages.INPUT_NOT_FIRST, layers.get(0).name()), layer.field(),
            mirror.get(), null);
        input = layer;
      } else {
        input = layer;
      }
    }
    if (input == null) {
      report.error(Messages.NO_INPUT, model.type(), model.model(), null);
    } else if (layers.stream().noneMatch(l -> l.find(DENSE).isPresent())) {
      report.error(Messages.NO_DENSE, model.type(), model.model(), null);
    }
  }
}
