package dev.lamina.processor.validation;

import static dev.lamina.processor.model.Annotations.intValue;
import static dev.lamina.processor.model.Annotations.value;

import dev.lamina.processor.model.Annotations;
import dev.lamina.processor.model.LayerDescriptor;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;

/** Checks one {@code @Dense}: its size and its weight initializer's parameters. */
final class DenseValidator {
  private DenseValidator() {}

  static void validate(LayerDescriptor layer, ValidationReport report) {
    VariableElement field = layer.field();
    AnnotationMirror dense = layer.find(Annotations.DENSE).orElseThrow();
    int units = intValue(dense, "units");
    if (units <= 0) {
      report.error(String.format(Messages.DENSE_UNITS, units), field, dense, value(dense, "units"));
    }
    InitParameters.check(field, dense, "init", report);
  }
}
