package dev.lamina.processor.validation;

import dev.lamina.processor.model.Annotations;
import dev.lamina.processor.model.LayerDescriptor;
import dev.lamina.processor.model.LayerKind;
import dev.lamina.processor.model.ValueProblem;

/** Reports the errors each kind finds in its own annotation values, on the member at fault. */
final class KindValueValidator {
  private KindValueValidator() {}

  static void validate(LayerDescriptor layer, ValidationReport report) {
    for (LayerKind kind : layer.kinds()) {
      for (ValueProblem problem : kind.problems()) {
        report.error(problem.message(), layer.field(), kind.annotation(),
            Annotations.value(kind.annotation(), problem.member()));
      }
    }
  }
}
