package dev.lamina.processor.validation;

import static dev.lamina.processor.model.Annotations.doubleValue;
import static dev.lamina.processor.model.Annotations.value;

import dev.lamina.Nonlinearity;
import dev.lamina.init.Gains;
import java.util.List;
import java.util.Locale;

/**
 * Rule [Lamina/InitScale]: a fixed-scale initializer (NORMAL, TRUNCATED_NORMAL, UNIFORM) whose
 * standard deviation is more than {@link #FACTOR} times off what the layer's fan-in (a
 * convolution's: input channels × kernel²) calls for:
 * sqrt(2 / fan_in) for the ReLU family (He), sqrt(1 / fan_in) otherwise (LeCun). Each layer then
 * scales its activations by about that factor, which compounds with depth. Not checked on a
 * linear last layer (no activation to vanish or saturate) nor with normalization before the
 * activation (it rescales whatever the weights do).
 */
final class InitScaleRule {
  /** How far from the fan-in's std a fixed std may be before the rule speaks. */
  static final double FACTOR = 3;

  private InitScaleRule() {}

  static void check(List<WeightedLayers.Layer> layers, ValidationReport report) {
    for (WeightedLayers.Layer l : layers) {
      if (l.normalized() || (!l.hidden() && l.activation() == Nonlinearity.IDENTITY)) {
        continue;
      }
      double std = switch (l.init()) {
        case "NORMAL" -> doubleValue(l.weights(), "std");
        case "TRUNCATED_NORMAL" -> doubleValue(l.weights(), "std")
            * dev.lamina.init.InitSpec.TRUNCATED_STD_FACTOR;
        case "UNIFORM" -> (doubleValue(l.weights(), "high") - doubleValue(l.weights(), "low"))
            / Math.sqrt(12);
        default -> Double.NaN;
      };
      if (!(std > 0)) {
        continue; // not a fixed-scale init, or a bad std that DenseValidator reports
      }
      boolean reluFamily = Gains.isReluFamily(l.activation());
      double target = (reluFamily ? Gains.he(l.activation(), l.slope()) : 1) / Math.sqrt(l.fanIn());
      double ratio = std / target;
      if (ratio >= 1 / FACTOR && ratio <= FACTOR) {
        continue;
      }
      String formula = switch (l.activation()) {
        case LEAKY_RELU -> "He: sqrt(2 / ((1 + slope²) · fan_in))";
        default -> reluFamily ? "He: sqrt(2 / fan_in)" : "LeCun: sqrt(1 / fan_in)";
      };
      String fate = ratio < 1 ? "shrink towards 0"
          : l.activation() == Nonlinearity.TANH || l.activation() == Nonlinearity.SIGMOID
              ? "saturate" : "grow without bound";
      report.warning(String.format(Messages.INIT_SCALE, l.kind(), l.name(), g(std), g(ratio),
          g(target), l.fanInText(), l.activation(), formula, fate, g(target)), l.field(),
          l.weights(), value(l.weights(), "init"));
    }
  }

  private static String g(double v) {
    return String.format(Locale.ROOT, "%.2g", v);
  }
}
