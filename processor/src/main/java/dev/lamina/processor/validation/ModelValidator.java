package dev.lamina.processor.validation;

import dev.lamina.processor.model.Annotations;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/** Checks {@code @Model} itself: where it sits and its loss settings. */
final class ModelValidator {
  private ModelValidator() {}

  static void validate(TypeElement type, AnnotationMirror model, ValidationReport report) {
    if (type.getKind() != ElementKind.CLASS) {
      report.error(Messages.MODEL_NOT_CLASS, type, model, null);
      return;
    }
    if (type.getModifiers().contains(Modifier.PRIVATE)) {
      report.error(Messages.MODEL_PRIVATE, type, model, null);
    }
    double smoothing = Annotations.doubleValue(model, "labelSmoothing");
    if (!(smoothing >= 0 && smoothing < 1)) {
      report.error(String.format(Messages.LABEL_SMOOTHING, smoothing), type, model,
          Annotations.value(model, "labelSmoothing"));
    } else if (smoothing > 0 && !Annotations.enumValue(model, "loss").equals("SOFTMAX_CROSS_ENTROPY")) {
      report.error(Messages.LABEL_SMOOTHING_LOSS, type, model,
          Annotations.value(model, "labelSmoothing"));
    }
    double delta = Annotations.doubleValue(model, "huberDelta");
    if (!(delta > 0) || Double.isInfinite(delta)) {
      report.error(String.format(Messages.HUBER_DELTA, delta), type, model,
          Annotations.value(model, "huberDelta"));
    } else if (delta != 1.0 && !Annotations.enumValue(model, "loss").equals("HUBER")) {
      report.error(Messages.HUBER_DELTA_LOSS, type, model, Annotations.value(model, "huberDelta"));
    }
  }
}
