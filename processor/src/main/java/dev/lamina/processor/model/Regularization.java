package dev.lamina.processor.model;

import static dev.lamina.processor.model.Annotations.booleanValue;
import static dev.lamina.processor.model.Annotations.doubleValue;
import static dev.lamina.processor.model.Annotations.find;

import dev.lamina.nn.LayerSpec;
import javax.lang.model.element.VariableElement;

/** Reads a layer's {@code @GaussianNoise} and {@code @Decay} into its spec. */
final class Regularization {
  private Regularization() {}

  static LayerSpec apply(VariableElement field, LayerSpec layer) {
    LayerSpec result = layer;
    var noise = find(field, Annotations.GAUSSIAN_NOISE);
    if (noise.isPresent()) {
      result = result.withNoise(doubleValue(noise.get(), "value"));
    }
    var decay = find(field, Annotations.DECAY);
    if (decay.isPresent()) {
      result = result.withDecay(doubleValue(decay.get(), "value"), booleanValue(decay.get(), "bias"));
    }
    return result;
  }
}
