package dev.lamina.processor.validation;

import dev.lamina.processor.model.LayerDescriptor;
import dev.lamina.processor.model.LayerKinds;
import dev.lamina.processor.model.ModelDescriptors;
import javax.lang.model.element.VariableElement;

/** Rule [Lamina/LayerType], [Lamina/TwoLayerKinds], [Lamina/NotALayer]: each field is one layer. */
final class LayerFieldRule {
  private LayerFieldRule() {}

  static void check(LayerDescriptor layer, ValidationReport report) {
    VariableElement field = layer.field();
    if (!ModelDescriptors.isLayerTyped(field)) {
      report.error(String.format(Messages.LAYER_TYPE, field.getSimpleName(), field.asType()), field);
    }
    ImageLayerKinds.check(layer, report);
    if (!layer.isLayerKind()
        && LayerKinds.MODIFIERS.stream().noneMatch(m -> layer.find(m).isPresent())) {
      report.error(String.format(Messages.LAYER_UNANNOTATED, field.getSimpleName()), field);
    }
  }
}
