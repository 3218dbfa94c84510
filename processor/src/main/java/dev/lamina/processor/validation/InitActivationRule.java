package dev.lamina.processor.validation;

import static dev.lamina.processor.model.Annotations.enumValue;
import static dev.lamina.processor.model.Annotations.value;

import dev.lamina.Nonlinearity;
import dev.lamina.init.Gains;
import java.util.List;

/**
 * Rules [Lamina/HeForRelu], [Lamina/LecunForSelu] and [Lamina/XavierForTanh]: the
 * variance-scaling initializer of a dense layer or a convolution should match its activation
 * (the ReLU family, GELU, SiLU, ELU, softplus and hard-swish among it, wants He; SELU LeCun). Xavier and LeCun assume an activation that
 * passes the variance through; ReLU halves it, which He's factor 2 makes up for, and that factor
 * overshoots for tanh and sigmoid. Not checked with {@code gain = Gain.ACTIVATION} (the gain then
 * follows the activation) or with a normalization before the activation (it rescales whatever
 * the weights do).
 */
final class InitActivationRule {
  private static final List<String> FOR_LINEAR = List.of("XAVIER", "XAVIER_UNIFORM", "LECUN",
      "LECUN_UNIFORM");
  private static final List<String> FOR_RELU = List.of("HE", "HE_UNIFORM");
  private static final List<String> NOT_FOR_SELU = List.of("HE", "HE_UNIFORM", "XAVIER",
      "XAVIER_UNIFORM");

  private InitActivationRule() {}

  static void check(List<WeightedLayers.Layer> layers, ValidationReport report) {
    for (WeightedLayers.Layer l : layers) {
      if (l.normalized() || enumValue(l.weights(), "gain").equals("ACTIVATION")) {
        continue;
      }
      boolean reluFamily = Gains.isReluFamily(l.activation());
      boolean saturating = l.activation() == Nonlinearity.TANH
          || l.activation() == Nonlinearity.SIGMOID;
      if (reluFamily && FOR_LINEAR.contains(l.init())) {
        report.warning(String.format(Messages.HE_FOR_RELU, l.kind(), l.name(), l.init(),
            l.activation()), l.field(), l.weights(), value(l.weights(), "init"));
      } else if (l.activation() == Nonlinearity.SELU && NOT_FOR_SELU.contains(l.init())) {
        report.warning(String.format(Messages.LECUN_FOR_SELU, l.kind(), l.name(), l.init(),
            l.init()), l.field(), l.weights(), value(l.weights(), "init"));
      } else if (saturating && FOR_RELU.contains(l.init())) {
        report.warning(String.format(Messages.XAVIER_FOR_TANH, l.kind(), l.name(), l.init(),
            l.activation()), l.field(), l.weights(), value(l.weights(), "init"));
      }
    }
  }
}
