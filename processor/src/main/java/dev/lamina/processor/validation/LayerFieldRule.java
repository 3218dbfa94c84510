package dev.lamina.processor.validation;

import static dev.lamina.processor.model.Annotations.DENSE;
import static dev.lamina.processor.model.Annotations.INPUT;

import dev.lamina.processor.model.Annotations;
import javax.lang.model.element.VariableElement;

/** Rule [Lamina/LayerType], [Lamina/TwoLayerKinds], [Lamina/NotALayer]: each field is one layer. */
final class LayerFieldRule {
  private LayerFieldRule() {}

  static void check(VariableElement field, ValidationReport report) {
    if (!LayerFields.isLayerTyped(field)) {
      report.error(String.format(Messages.LAYER_TYPE, field.getSimpleName(), field.asType()), field);
    }
    var input = Annotations.find(field, INPUT);
    var dense = Annotations.find(field, DENSE);
    if (input.isPresent() && dense.isPresent()) {
      report.error(Messages.TWO_LAYER_KINDS, field, dense.get(), null);
    }
    ImageLayerKinds.check(field, report);
    if (!LayerFields.isLayerKind(field)
        && Annotations.find(field, Annotations.ACTIVATION).isEmpty()
        && Annotations.find(field, Annotations.DROPOUT).isEmpty()
        && Annotations.find(field, Annotations.BATCH_NORM).isEmpty()
        && Annotations.find(field, Annotations.LAYER_NORM).isEmpty()
        && Annotations.find(field, Annotations.GAUSSIAN_NOISE).isEmpty()
        && Annotations.find(field, Annotations.DECAY).isEmpty()
        && Annotations.find(field, Annotations.INSTANCE_NORM).isEmpty()
        && Annotations.find(field, Annotations.GROUP_NORM).isEmpty()) {
      report.error(String.format(Messages.LAYER_UNANNOTATED, field.getSimpleName()), field);
    }
  }
}
