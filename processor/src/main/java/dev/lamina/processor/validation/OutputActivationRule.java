package dev.lamina.processor.validation;

import dev.lamina.processor.model.Annotations;
import dev.lamina.processor.model.LayerDescriptor;
import dev.lamina.processor.model.ModelDescriptor;

/**
 * Rule [Lamina/OutputActivation]: the softmax and sigmoid cross-entropies want raw logits from the
 * last layer.
 */
final class OutputActivationRule {
  private OutputActivationRule() {}

  static void check(ModelDescriptor model, ValidationReport report) {
    String loss = Annotations.enumValue(model.model(), "loss");
    boolean softmax = loss.equals("SOFTMAX_CROSS_ENTROPY");
    boolean sigmoid = loss.equals("BINARY_CROSS_ENTROPY") || loss.equals("MULTI_LABEL_CROSS_ENTROPY");
    if (model.layers().isEmpty() || !(softmax || sigmoid)) {
      return;
    }
    LayerDescriptor last = model.last().orElseThrow();
    if (last.find(Annotations.DENSE).isEmpty()) {
      return;
    }
    last.find(Annotations.ACTIVATION).ifPresent(activation -> {
      String f = Annotations.enumValue(activation, "value");
      if (!f.equals("IDENTITY")) {
        String message = softmax
            ? String.format(Messages.OUTPUT_ACTIVATION, f)
            : String.format(Messages.OUTPUT_ACTIVATION_SIGMOID, loss, f);
        report.warning(message, last.field(), activation,
            Annotations.value(activation, "value"));
      }
    });
  }
}
