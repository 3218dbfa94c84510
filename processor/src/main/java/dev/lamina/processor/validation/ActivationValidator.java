package dev.lamina.processor.validation;

import static dev.lamina.processor.model.Annotations.doubleValue;
import static dev.lamina.processor.model.Annotations.enumValue;
import static dev.lamina.processor.model.Annotations.isExplicit;
import static dev.lamina.processor.model.Annotations.value;

import dev.lamina.processor.model.Annotations;
import dev.lamina.processor.model.LayerDescriptor;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;

/** Checks one {@code @Activation}: it needs a layer, and leaky ReLU's slope must make sense. */
final class ActivationValidator {
  private ActivationValidator() {}

  static void validate(LayerDescriptor layer, ValidationReport report) {
    VariableElement field = layer.field();
    AnnotationMirror activation = layer.find(Annotations.ACTIVATION).orElseThrow();
    if (!layer.isLayerKind()) {
      report.error(String.format(Messages.NOT_A_LAYER, "Activation"), field, activation, null);
    }
    double slope = doubleValue(activation, "slope");
    if (enumValue(activation, "value").equals("LEAKY_RELU")) {
      if (!(slope > 0 && slope < 1)) {
        report.error(String.format(Messages.LEAKY_SLOPE, slope), field, activation,
            value(activation, "slope"));
      }
    } else if (isExplicit(activation, "slope")) {
      report.warning(Messages.SLOPE_UNUSED, field, activation, value(activation, "slope"));
    }
  }
}
