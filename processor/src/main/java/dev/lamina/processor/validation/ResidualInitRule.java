package dev.lamina.processor.validation;

import static dev.lamina.processor.model.Annotations.doubleValue;
import static dev.lamina.processor.model.Annotations.value;

import dev.lamina.processor.model.AddKind;
import dev.lamina.processor.model.Annotations;
import dev.lamina.processor.model.LayerDescriptor;
import dev.lamina.processor.model.ModelDescriptor;
import dev.lamina.processor.model.Shapes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;

/**
 * Rules [Lamina/GammaFinite], [Lamina/ZeroGammaOutsideResidual] and [Lamina/ZeroInitResidual]:
 * where γ of a batch normalization may start at 0, and the advice to start it there on the last
 * normalization of each residual branch.
 */
final class ResidualInitRule {
  private ResidualInitRule() {}

  static void check(ModelDescriptor model, Shapes shapes, ValidationReport report) {
    Map<String, LayerDescriptor> byName = new HashMap<>();
    model.layers().forEach(l -> byName.putIfAbsent(l.name(), l));
    for (LayerDescriptor layer : model.layers()) {
      Optional<AnnotationMirror> batch = layer.find(Annotations.BATCH_NORM);
      if (batch.isPresent()) {
        double gamma = doubleValue(batch.get(), "gamma");
        if (!Double.isFinite(gamma)) {
          report.error(String.format(Messages.GAMMA_FINITE, gamma), layer.field(), batch.get(),
              value(batch.get(), "gamma"));
        } else if (gamma == 0 && !model.isSummed(layer)) {
          report.warning(String.format(Messages.ZERO_GAMMA_OUTSIDE_RESIDUAL, layer.name()),
              layer.field(), batch.get(), value(batch.get(), "gamma"));
        }
      }
      if (layer.kind().orElse(null) instanceof AddKind add && shapes.complete(model)) {
        advise(layer, add, byName, report);
      }
    }
  }

  /** The most layers on a path from the input to {@code layer}'s output. */
  private static int depth(LayerDescriptor layer, Map<String, LayerDescriptor> byName,
      Map<String, Integer> memo) {
    Integer known = memo.get(layer.name());
    if (known != null) {
      return known;
    }
    int d = 0;
    for (String input : layer.inputs()) {
      d = Math.max(d, 1 + depth(byName.get(input), byName, memo));
    }
    memo.put(layer.name(), d);
    return d;
  }

  /**
   * A note on a sum none of whose batch-normalized inputs starts at γ = 0. The branch is the
   * deepest of them: the shortcut, the block's input or its projection, is fewer layers from the
   * input than the branch's last layer.
   */
  private static void advise(LayerDescriptor sum, AddKind add, Map<String, LayerDescriptor> byName,
      ValidationReport report) {
    List<LayerDescriptor> normalized = add.inputs().stream().map(byName::get)
        .filter(l -> l != null && l.find(Annotations.BATCH_NORM).isPresent()).toList();
    if (normalized.isEmpty() || normalized.stream().anyMatch(
        l -> doubleValue(l.find(Annotations.BATCH_NORM).orElseThrow(), "gamma") == 0)) {
      return;
    }
    Map<String, Integer> depths = new HashMap<>();
    LayerDescriptor branch = normalized.stream()
        .max(java.util.Comparator.comparingInt(l -> depth(l, byName, depths))).orElseThrow();
    report.note(String.format(Messages.ZERO_INIT_RESIDUAL, branch.name(), sum.name()),
        sum.field(), add.annotation(), null);
  }
}
