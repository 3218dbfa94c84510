package dev.lamina.processor.validation;

import static dev.lamina.processor.model.Annotations.doubleValue;
import static dev.lamina.processor.model.Annotations.enumValue;
import static dev.lamina.processor.model.Annotations.intValue;
import static dev.lamina.processor.model.Annotations.isExplicit;
import static dev.lamina.processor.model.Annotations.value;

import dev.lamina.processor.model.Annotations;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;

/** Checks one {@code @Dense}: its size and its initializer's parameters. */
final class DenseValidator {
  private DenseValidator() {}

  static void validate(VariableElement field, ValidationReport report) {
    AnnotationMirror dense = Annotations.find(field, Annotations.DENSE).orElseThrow();
    int units = intValue(dense, "units");
    if (units <= 0) {
      report.error(String.format(Messages.DENSE_UNITS, units), field, dense, value(dense, "units"));
    }
    String init = enumValue(dense, "init");
    double std = doubleValue(dense, "std");
    if (init.equals("NORMAL") && !(std > 0)) {
      report.error(String.format(Messages.NORMAL_STD, std), field, dense,
          isExplicit(dense, "std") ? value(dense, "std") : null);
    } else if (!init.equals("NORMAL") && isExplicit(dense, "std")) {
      report.warning(String.format(Messages.STD_UNUSED, init), field, dense, value(dense, "std"));
    }
  }
}
