package dev.lamina.processor.validation;

import static dev.lamina.processor.model.Annotations.booleanValue;
import static dev.lamina.processor.model.Annotations.enumValue;
import static dev.lamina.processor.model.Annotations.value;

import dev.lamina.processor.model.Annotations;
import java.util.List;

/**
 * Rule [Lamina/InitSymmetry]: constant weights on a hidden layer make its units (a convolution's
 * filters) identical. Random biases would tell them apart, so the rule holds its peace when a
 * {@code @BiasInit} draws them. The last layer is exempt: its units get different gradients from
 * the different targets.
 */
final class InitSymmetryRule {
  private static final List<String> CONSTANT = List.of("ZEROS", "CONSTANT");

  private InitSymmetryRule() {}

  static void check(List<WeightedLayers.Layer> layers, ValidationReport report) {
    for (WeightedLayers.Layer l : layers) {
      if (l.hidden() && CONSTANT.contains(l.init()) && !randomBiases(l)) {
        report.warning(String.format(Messages.INIT_SYMMETRY, l.init(), l.unit(), l.kind(),
            l.name(), l.unit()), l.field(), l.weights(), value(l.weights(), "init"));
      }
    }
  }

  private static boolean randomBiases(WeightedLayers.Layer l) {
    var biasInit = l.descriptor().find(Annotations.BIAS_INIT);
    return booleanValue(l.weights(), "bias") && biasInit.isPresent()
        && !CONSTANT.contains(enumValue(biasInit.get(), "value"));
  }
}
