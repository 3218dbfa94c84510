package dev.lamina.processor.validation;

import static dev.lamina.processor.model.Annotations.DENSE;
import static dev.lamina.processor.model.Annotations.INPUT;

import dev.lamina.processor.model.Annotations;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/** Rule [Lamina/Input*], [Lamina/NoLayers]: one input, first, followed by at least one dense layer. */
final class LayerOrderRule {
  private LayerOrderRule() {}

  static void check(TypeElement model, AnnotationMirror modelAnnotation, List<VariableElement> fields,
      ValidationReport report) {
    VariableElement input = null;
    for (int i = 0; i < fields.size(); i++) {
      VariableElement field = fields.get(i);
      var mirror = Annotations.find(field, INPUT);
      if (mirror.isEmpty()) {
        continue;
      }
      if (input != null) {
        report.error(String.format(Messages.INPUT_DUPLICATE, input.getSimpleName()), field,
            mirror.get(), null);
      } else if (i > 0) {
        report.error(String.format(Messages.INPUT_NOT_FIRST, fields.get(0).getSimpleName()), field,
            mirror.get(), null);
        input = field;
      } else {
        input = field;
      }
    }
    if (input == null) {
      report.error(Messages.NO_INPUT, model, modelAnnotation, null);
    } else if (fields.stream().noneMatch(f -> Annotations.find(f, DENSE).isPresent())) {
      report.error(Messages.NO_DENSE, model, modelAnnotation, null);
    }
  }
}
