package dev.lamina.processor.validation;

import static dev.lamina.processor.model.Annotations.intValue;
import static dev.lamina.processor.model.Annotations.value;

import dev.lamina.processor.model.Annotations;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;

/** Checks one {@code @Dense}: its size and its weight initializer's parameters. */
final class DenseValidator {
  private DenseValidator() {}

  static void validate(VariableElement field, ValidationReport report) {
    AnnotationMirror dense = Annotations.find(field, Annotations.DENSE).orElseThrow();
    int units = intValue(dense, "units");
    if (units <= 0) {
      report.error(String.format(Messages.DENSE_UNITS, units), field, dense, value(dense, "units"));
    }
    InitParameters.check(field, dense, "init", report);
  }
}
