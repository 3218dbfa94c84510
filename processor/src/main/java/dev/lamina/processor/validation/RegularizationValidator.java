package dev.lamina.processor.validation;

import static dev.lamina.processor.model.Annotations.booleanValue;
import static dev.lamina.processor.model.Annotations.doubleValue;
import static dev.lamina.processor.model.Annotations.isExplicit;
import static dev.lamina.processor.model.Annotations.value;

import dev.lamina.processor.model.Annotations;
import dev.lamina.processor.model.LayerDescriptor;
import dev.lamina.processor.model.ModelDescriptor;
import dev.lamina.processor.model.ModelReader;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;

/**
 * Checks {@code @GaussianNoise} (on a layer, a positive finite std, not on the output) and
 * {@code @Decay} (on a dense layer, a factor >= 0, a bias to decay if it asks for one).
 */
final class RegularizationValidator {
  private RegularizationValidator() {}

  static void validate(LayerDescriptor layer, ModelDescriptor model, ValidationReport report) {
    layer.find(Annotations.GAUSSIAN_NOISE)
        .ifPresent(noise -> checkNoise(layer, noise, model, report));
    layer.find(Annotations.DECAY).ifPresent(decay -> checkDecay(layer, decay, report));
  }

  private static void checkNoise(LayerDescriptor layer, AnnotationMirror noise,
      ModelDescriptor model, ValidationReport report) {
    VariableElement field = layer.field();
    if (!layer.isLayerKind()) {
      report.error(String.format(Messages.NOT_A_LAYER, "GaussianNoise"), field, noise, null);
    }
    double std = doubleValue(noise, "value");
    if (!(std > 0) || Double.isInfinite(std)) {
      report.error(String.format(Messages.NOISE_STD, std), field, noise, value(noise, "value"));
    } else if (layer.find(Annotations.DENSE).isPresent()
        && model.last().orElseThrow().equals(layer)) {
      report.warning(Messages.NOISE_ON_OUTPUT, field, noise, null);
    }
  }

  private static void checkDecay(LayerDescriptor layer, AnnotationMirror decay,
      ValidationReport report) {
    VariableElement field = layer.field();
    var dense = layer.find(Annotations.DENSE)
        .or(() -> layer.find(Annotations.CONV2D));
    if (layer.find(Annotations.INPUT).isPresent()) {
      report.error(Messages.DECAY_ON_INPUT, field, decay, null);
      return;
    }
    if (dense.isEmpty()) {
      report.error(layer.isLayerKind() ? Messages.DECAY_NO_WEIGHTS
          : String.format(Messages.NOT_A_LAYER, "Decay"), field, decay, null);
      return;
    }
    double scale = doubleValue(decay, "value");
    boolean bias = booleanValue(decay, "bias");
    if (!(scale >= 0) || Double.isInfinite(scale)) {
      report.error(String.format(Messages.DECAY_SCALE, scale), field, decay, value(decay, "value"));
    } else if (bias && !ModelReader.hasBias(layer)) {
      report.warning(Messages.DECAY_NO_BIAS, field, decay, value(decay, "bias"));
    } else if (scale == 1 && !bias) {
      report.warning(Messages.DECAY_DEFAULT, field, decay,
          isExplicit(decay, "value") ? value(decay, "value") : null);
    }
  }
}
