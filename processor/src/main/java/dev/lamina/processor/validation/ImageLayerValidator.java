package dev.lamina.processor.validation;

import static dev.lamina.processor.model.Annotations.doubleValue;
import static dev.lamina.processor.model.Annotations.intValue;
import static dev.lamina.processor.model.Annotations.value;

import dev.lamina.processor.model.Annotations;
import dev.lamina.processor.model.LayerDescriptor;
import dev.lamina.processor.model.LayerKind;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;

/**
 * Checks {@code @Conv2d}, the pooling annotations, {@code @InstanceNorm} and {@code @GroupNorm}
 * on one field: each member in its range, instance and group normalization on a convolution, a
 * group count that divides its channels, nothing on a pooling layer that needs weights. Whether
 * the windows fit the image is {@link ImageShapeRule}'s, which needs the whole chain.
 */
final class ImageLayerValidator {
  private ImageLayerValidator() {}

  static void validate(LayerDescriptor layer, ValidationReport report) {
    VariableElement field = layer.field();
    var conv = layer.find(Annotations.CONV2D);
    conv.ifPresent(c -> checkConv(field, c, report));
    for (String pool : List.of(Annotations.MAX_POOL, Annotations.AVG_POOL)) {
      layer.find(pool).ifPresent(p -> checkPool(field, p, report));
    }
    if (layer.kind().filter(LayerKind::isResampling).isPresent()) {
      layer.find(Annotations.ACTIVATION).ifPresent(a ->
          report.error(String.format(Messages.NOT_ON_POOL, "Activation"), field, a, null));
    }
    checkImageNorms(layer, report);
  }

  private static void checkConv(VariableElement field, AnnotationMirror conv, ValidationReport report) {
    int filters = intValue(conv, "filters");
    if (filters <= 0) {
      report.error(String.format(Messages.CONV_FILTERS, filters), field, conv, value(conv, "filters"));
    }
    positive(field, conv, "kernel", Messages.CONV_KERNEL, 1, report);
    positive(field, conv, "stride", Messages.CONV_STRIDE, 1, report);
    positive(field, conv, "padding", Messages.CONV_PADDING, 0, report);
    positive(field, conv, "dilation", Messages.CONV_DILATION, 1, report);
    InitParameters.check(field, conv, "init", report);
  }

  private static void checkPool(VariableElement field, AnnotationMirror pool, ValidationReport report) {
    positive(field, pool, "value", Messages.POOL_WINDOW, 1, report);
    positive(field, pool, "stride", Messages.POOL_STRIDE, 0, report);
  }

  /** An error on {@code member} when it is below {@code least}. */
  private static void positive(VariableElement field, AnnotationMirror mirror, String member,
      String message, int least, ValidationReport report) {
    int v = intValue(mirror, member);
    if (v < least) {
      report.error(String.format(message, v), field, mirror, value(mirror, member));
    }
  }

  private static void checkImageNorms(LayerDescriptor layer, ValidationReport report) {
    VariableElement field = layer.field();
    var instance = layer.find(Annotations.INSTANCE_NORM);
    var group = layer.find(Annotations.GROUP_NORM);
    if (instance.isEmpty() && group.isEmpty()) {
      return;
    }
    var conv = layer.find(Annotations.CONV2D);
    for (var norm : List.of(instance, group)) {
      norm.ifPresent(n -> {
        String name = n.getAnnotationType().asElement().getSimpleName().toString();
        if (conv.isEmpty()) {
          report.error(String.format(Messages.NORM_NEEDS_CONV, name), field, n, null);
        }
        double eps = doubleValue(n, "eps");
        if (!(eps > 0)) {
          report.error(String.format(Messages.NORM_EPS, eps), field, n, value(n, "eps"));
        }
      });
    }
    if (group.isPresent() && conv.isPresent()) {
      int groups = intValue(group.get(), "value");
      int channels = intValue(conv.get(), "filters");
      if (channels > 0 && (groups <= 0 || channels % groups != 0)) {
        report.error(String.format(Messages.GROUP_NORM_GROUPS, channels, groups, divisors(channels)),
            field, group.get(), value(group.get(), "value"));
      }
    }
  }

  private static String divisors(int n) {
    List<String> d = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      if (n % i == 0) {
        d.add(Integer.toString(i));
      }
    }
    return String.join(", ", d);
  }
}
