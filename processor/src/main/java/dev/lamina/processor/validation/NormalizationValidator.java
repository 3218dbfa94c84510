package dev.lamina.processor.validation;

import static dev.lamina.processor.model.Annotations.booleanValue;
import static dev.lamina.processor.model.Annotations.doubleValue;
import static dev.lamina.processor.model.Annotations.enumValue;
import static dev.lamina.processor.model.Annotations.isExplicit;
import static dev.lamina.processor.model.Annotations.value;

import dev.lamina.processor.model.Annotations;
import dev.lamina.processor.model.LayerDescriptor;
import java.util.List;
import java.util.stream.Stream;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;

/**
 * Checks {@code @BatchNorm} and {@code @LayerNorm} (on a dense layer or a convolution, sane
 * constants) and that a layer has at most one normalization of the four kinds.
 */
final class NormalizationValidator {
  private NormalizationValidator() {}

  static void validate(LayerDescriptor layer, ValidationReport report) {
    VariableElement field = layer.field();
    var batch = layer.find(Annotations.BATCH_NORM);
    var layerNorm = layer.find(Annotations.LAYER_NORM);
    checkOneNorm(layer, report);
    batch.ifPresent(b -> check(layer, b, "BatchNorm", report));
    layerNorm.ifPresent(l -> check(layer, l, "LayerNorm", report));
    batch.ifPresent(b -> checkRunningStatistics(field, b, report));
    batch.ifPresent(b -> checkBias(layer, b, report));
  }

  /** Two normalizations on one layer: the error goes on the later one. */
  private static void checkOneNorm(LayerDescriptor layer, ValidationReport report) {
    VariableElement field = layer.field();
    List<AnnotationMirror> norms = Stream.of(Annotations.BATCH_NORM, Annotations.LAYER_NORM,
            Annotations.INSTANCE_NORM, Annotations.GROUP_NORM)
        .flatMap(n -> layer.find(n).stream())
        .toList();
    if (norms.size() > 1) {
      report.error(Messages.TWO_NORMS, field, norms.get(norms.size() - 1), null);
    }
  }

  private static void check(LayerDescriptor layer, AnnotationMirror norm, String name,
      ValidationReport report) {
    VariableElement field = layer.field();
    if (layer.find(Annotations.DENSE).isEmpty()
        && layer.find(Annotations.CONV2D).isEmpty()) {
      report.error(String.format(Messages.NORM_NEEDS_DENSE, name), field, norm, null);
    }
    double eps = doubleValue(norm, "eps");
    if (!(eps > 0)) {
      report.error(String.format(Messages.NORM_EPS, eps), field, norm, value(norm, "eps"));
    }
  }

  private static void checkRunningStatistics(VariableElement field, AnnotationMirror batch,
      ValidationReport report) {
    double momentum = doubleValue(batch, "momentum");
    if (enumValue(batch, "runningStats").equals("CUMULATIVE")) {
      if (isExplicit(batch, "momentum")) {
        report.warning(Messages.NORM_MOMENTUM_UNUSED, field, batch, value(batch, "momentum"));
      }
    } else if (!(momentum > 0 && momentum <= 1)) {
      report.error(String.format(Messages.NORM_MOMENTUM, momentum), field, batch,
          value(batch, "momentum"));
    }
  }

  /** A bias right before batch normalization is cancelled by the mean subtraction. */
  private static void checkBias(LayerDescriptor layer, AnnotationMirror batch, ValidationReport report) {
    VariableElement field = layer.field();
    var dense = layer.find(Annotations.DENSE)
        .or(() -> layer.find(Annotations.CONV2D));
    if (dense.isPresent() && isExplicit(dense.get(), "bias") && booleanValue(dense.get(), "bias")
        && enumValue(batch, "placement").equals("BEFORE_ACTIVATION")) {
      report.warning(Messages.BIAS_BEFORE_BATCH_NORM, field, dense.get(), value(dense.get(), "bias"));
    }
  }
}
