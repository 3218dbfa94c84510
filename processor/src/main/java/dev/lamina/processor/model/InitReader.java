package dev.lamina.processor.model;

import static dev.lamina.processor.model.Annotations.doubleValue;
import static dev.lamina.processor.model.Annotations.enumValue;

import dev.lamina.FanMode;
import dev.lamina.Gain;
import dev.lamina.Init;
import dev.lamina.Nonlinearity;
import dev.lamina.init.InitSpec;
import javax.lang.model.element.AnnotationMirror;

/** Reads a dense layer's weight and bias initializers from {@code @Dense} and {@code @BiasInit}. */
final class InitReader {
  private InitReader() {}

  /** The weights' initializer, AUTO and the fan mode resolved for {@code activation}. */
  static InitSpec weights(AnnotationMirror dense, Nonlinearity activation) {
    Init init = Init.valueOf(enumValue(dense, "init"));
    return read(dense, init, FanMode.valueOf(enumValue(dense, "fanMode")),
        Gain.valueOf(enumValue(dense, "gain"))).resolve(activation);
  }

  /** The biases' initializer: {@code @BiasInit}'s, or zeros without one. */
  static InitSpec biases(LayerDescriptor layer, Nonlinearity activation) {
    return layer.find(Annotations.BIAS_INIT)
        .map(b -> read(b, Init.valueOf(enumValue(b, "value")), FanMode.AUTO, Gain.AUTO)
            .resolve(activation))
        .orElse(InitSpec.zeros());
  }

  private static InitSpec read(AnnotationMirror m, Init init, FanMode fanMode, Gain gain) {
    return switch (init) {
      case ZEROS -> InitSpec.zeros();
      case CONSTANT -> InitSpec.constant(doubleValue(m, "constant"));
      case NORMAL -> InitSpec.normal(doubleValue(m, "mean"), doubleValue(m, "std"));
      case TRUNCATED_NORMAL -> InitSpec.truncatedNormal(doubleValue(m, "mean"), doubleValue(m, "std"));
      case UNIFORM -> InitSpec.uniform(doubleValue(m, "low"), doubleValue(m, "high"));
      default -> InitSpec.scaled(init, fanMode, gain);
    };
  }
}
