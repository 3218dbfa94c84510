package dev.lamina.processor.validation;

import dev.lamina.processor.model.Annotations;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;

/** Rule [Lamina/OutputActivation]: softmax cross-entropy wants raw logits from the last layer. */
final class OutputActivationRule {
  private OutputActivationRule() {}

  static void check(AnnotationMirror model, List<VariableElement> fields, ValidationReport report) {
    if (fields.isEmpty() || !Annotations.enumValue(model, "loss").equals("SOFTMAX_CROSS_ENTROPY")) {
      return;
    }
    VariableElement last = fields.get(fields.size() - 1);
    if (Annotations.find(last, Annotations.DENSE).isEmpty()) {
      return;
    }
    Annotations.find(last, Annotations.ACTIVATION).ifPresent(activation -> {
      String f = Annotations.enumValue(activation, "value");
      if (!f.equals("IDENTITY")) {
        report.warning(String.format(Messages.OUTPUT_ACTIVATION, f), last, activation,
            Annotations.value(activation, "value"));
      }
    });
  }
}
