package dev.lamina.processor.validation;

import dev.lamina.processor.model.Annotations;
import dev.lamina.processor.model.LayerDescriptor;
import dev.lamina.processor.model.ModelDescriptor;
import javax.lang.model.element.AnnotationMirror;

/**
 * Rule [Lamina/LossOutputs]: the last dense layer has as many units as the loss's task needs —
 * one logit for BINARY_CROSS_ENTROPY, at least two classes for SOFTMAX_CROSS_ENTROPY. The error
 * sits on the loss when the source writes it, else on the last layer's units.
 */
final class LossOutputsRule {
  private LossOutputsRule() {}

  static void check(ModelDescriptor model, ValidationReport report) {
    LayerDescriptor last = model.last().orElse(null);
    AnnotationMirror dense = last == null ? null : last.find(Annotations.DENSE).orElse(null);
    if (dense == null) {
      return;
    }
    AnnotationMirror modelAnnotation = model.model();
    int units = Annotations.intValue(dense, "units");
    String loss = Annotations.enumValue(modelAnnotation, "loss");
    String name = last.name();
    if (loss.equals("BINARY_CROSS_ENTROPY") && units != 1) {
      report.error(String.format(Messages.BINARY_OUTPUTS, name, units, units, units), model.type(),
          modelAnnotation, Annotations.value(modelAnnotation, "loss"));
    } else if (loss.equals("SOFTMAX_CROSS_ENTROPY") && units == 1) {
      String message = String.format(Messages.SOFTMAX_ONE_OUTPUT, name);
      if (Annotations.isExplicit(modelAnnotation, "loss")) {
        report.error(message, model.type(), modelAnnotation,
            Annotations.value(modelAnnotation, "loss"));
      } else {
        report.error(message, last.field(), dense, Annotations.value(dense, "units"));
      }
    }
  }
}
