package dev.lamina.processor.validation;

import dev.lamina.processor.model.Annotations;
import dev.lamina.processor.model.LayerDescriptor;
import javax.lang.model.element.VariableElement;

/**
 * Checks {@code @Standardize} and {@code @MinMaxScale}: only on the {@code @Input} field, and at
 * most one of them.
 */
final class InputScalingValidator {
  private InputScalingValidator() {}

  static void validate(LayerDescriptor layer, ValidationReport report) {
    VariableElement field = layer.field();
    var standardize = layer.find(Annotations.STANDARDIZE);
    var minMax = layer.find(Annotations.MIN_MAX_SCALE);
    boolean input = layer.find(Annotations.INPUT).isPresent();
    if (standardize.isPresent() && !input) {
      report.error(String.format(Messages.INPUT_SCALING_PLACE, "@Standardize"), field,
          standardize.get(), null);
    }
    if (minMax.isPresent() && !input) {
      report.error(String.format(Messages.INPUT_SCALING_PLACE, "@MinMaxScale"), field,
          minMax.get(), null);
    }
    if (input && standardize.isPresent() && minMax.isPresent()) {
      report.error(Messages.INPUT_SCALING_TWICE, field, minMax.get(), null);
    }
  }
}
