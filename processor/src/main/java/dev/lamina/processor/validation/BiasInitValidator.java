package dev.lamina.processor.validation;

import static dev.lamina.processor.model.Annotations.enumValue;
import static dev.lamina.processor.model.Annotations.value;

import dev.lamina.processor.model.Annotations;
import dev.lamina.processor.model.LayerDescriptor;
import dev.lamina.processor.model.ModelReader;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;

/** Checks one {@code @BiasInit}: it needs a dense layer with a bias and a vector initializer. */
final class BiasInitValidator {
  private BiasInitValidator() {}

  static void validate(LayerDescriptor layer, ValidationReport report) {
    VariableElement field = layer.field();
    AnnotationMirror biasInit = layer.find(Annotations.BIAS_INIT).orElseThrow();
    var dense = layer.find(Annotations.DENSE)
        .or(() -> layer.find(Annotations.CONV2D));
    if (dense.isEmpty()) {
      report.error(String.format(Messages.NOT_A_LAYER, "BiasInit"), field, biasInit, null);
      return;
    }
    if (!ModelReader.hasBias(layer)) {
      report.error(Messages.BIAS_INIT_WITHOUT_BIAS, field, biasInit, null);
      return;
    }
    String init = enumValue(biasInit, "value");
    if (init.equals("AUTO")) {
      report.error(String.format(Messages.BIAS_INIT_KIND, init, "AUTO picks a weight initializer "
          + "from the activation"), field, biasInit, value(biasInit, "value"));
    } else if (init.equals("ORTHOGONAL")) {
      report.error(String.format(Messages.BIAS_INIT_KIND, init, "a bias is a vector, and only a "
          + "matrix can be orthogonal"), field, biasInit, value(biasInit, "value"));
    }
    InitParameters.check(field, biasInit, "value", report);
  }
}
