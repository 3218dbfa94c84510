package dev.lamina.processor.validation;

import dev.lamina.processor.model.Annotations;
import dev.lamina.processor.model.LayerDescriptor;
import dev.lamina.processor.model.ModelDescriptor;

/** Rule [Lamina/OutputActivation]: softmax cross-entropy wants raw logits from the last layer. */
final class OutputActivationRule {
  private OutputActivationRule() {}

  static void check(ModelDescriptor model, ValidationReport report) {
    if (model.layers().isEmpty()
        || !Annotations.enumValue(model.model(), "loss").equals("SOFTMAX_CROSS_ENTROPY")) {
      return;
    }
    LayerDescriptor last = model.last().orElseThrow();
    if (last.find(Annotations.DENSE).isEmpty()) {
      return;
    }
    last.find(Annotations.ACTIVATION).ifPresent(activation -> {
      String f = Annotations.enumValue(activation, "value");
      if (!f.equals("IDENTITY")) {
        report.warning(String.format(Messages.OUTPUT_ACTIVATION, f), last.field(), activation,
            Annotations.value(activation, "value"));
      }
    });
  }
}
