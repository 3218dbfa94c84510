package dev.lamina.processor.validation;

import static dev.lamina.processor.model.Annotations.intValue;
import static dev.lamina.processor.model.Annotations.isExplicit;
import static dev.lamina.processor.model.Annotations.value;

import dev.lamina.processor.model.Annotations;
import dev.lamina.processor.model.LayerDescriptor;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;

/** Checks one {@code @Input}: a positive flat size or a complete image shape. */
final class InputValidator {
  private InputValidator() {}

  static void validate(LayerDescriptor layer, ValidationReport report) {
    VariableElement field = layer.field();
    AnnotationMirror input = layer.find(Annotations.INPUT).orElseThrow();
    if (layer.find(Annotations.ACTIVATION).isPresent()) {
      AnnotationMirror activation = layer.find(Annotations.ACTIVATION).get();
      report.error(Messages.ACTIVATION_ON_INPUT, field, activation, null);
    }
    boolean flat = isExplicit(input, "value");
    boolean image = isExplicit(input, "channels") || isExplicit(input, "height")
        || isExplicit(input, "width");
    if (flat && image) {
      report.error(Messages.INPUT_SHAPE_CONFLICT, field, input, null);
    } else if (image) {
      for (String name : new String[] {"channels", "height", "width"}) {
        if (intValue(input, name) <= 0) {
          report.error(String.format(Messages.INPUT_SHAPE_INCOMPLETE, intValue(input, "channels"),
              intValue(input, "height"), intValue(input, "width")), field, input,
              isExplicit(input, name) ? value(input, name) : null);
          return;
        }
      }
    } else if (intValue(input, "value") <= 0) {
      report.error(String.format(Messages.INPUT_SIZE, "the input size", intValue(input, "value")),
          field, input, flat ? value(input, "value") : null);
    }
  }
}
