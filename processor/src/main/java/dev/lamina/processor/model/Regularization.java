package dev.lamina.processor.model;

import static dev.lamina.processor.model.Annotations.booleanValue;
import static dev.lamina.processor.model.Annotations.doubleValue;

import dev.lamina.nn.LayerSpec;

/** Reads a layer's {@code @GaussianNoise} and {@code @Decay} into its spec. */
final class Regularization {
  private Regularization() {}

  static LayerSpec apply(LayerDescriptor field, LayerSpec layer) {
    LayerSpec result = layer;
    var noise = field.find(Annotations.GAUSSIAN_NOISE);
    if (noise.isPresent()) {
      result = result.withNoise(doubleValue(noise.get(), "value"));
    }
    var decay = field.find(Annotations.DECAY);
    if (decay.isPresent()) {
      result = result.withDecay(doubleValue(decay.get(), "value"), booleanValue(decay.get(), "bias"));
    }
    return result;
  }
}
