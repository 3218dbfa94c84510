package dev.lamina.processor.validation;

import static dev.lamina.processor.model.Annotations.doubleValue;
import static dev.lamina.processor.model.Annotations.value;

import dev.lamina.processor.model.Annotations;
import dev.lamina.processor.model.LayerDescriptor;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;

/** Checks one {@code @Dropout}: keep is a probability of keeping, and it needs a layer. */
final class DropoutValidator {
  private DropoutValidator() {}

  static void validate(LayerDescriptor layer, ValidationReport report) {
    VariableElement field = layer.field();
    AnnotationMirror dropout = layer.find(Annotations.DROPOUT).orElseThrow();
    if (!layer.isLayerKind()) {
      report.error(String.format(Messages.NOT_A_LAYER, "Dropout"), field, dropout, null);
    }
    double keep = doubleValue(dropout, "keep");
    if (!(keep > 0 && keep <= 1)) {
      report.error(String.format(Messages.DROPOUT_KEEP, keep), field, dropout, value(dropout, "keep"));
    } else if (keep == 1) {
      report.warning(Messages.DROPOUT_KEEP_ONE, field, dropout, value(dropout, "keep"));
    }
  }
}
