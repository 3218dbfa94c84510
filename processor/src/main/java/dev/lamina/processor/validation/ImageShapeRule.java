package dev.lamina.processor.validation;

import static dev.lamina.processor.model.Annotations.intValue;
import static dev.lamina.processor.model.Annotations.isExplicit;
import static dev.lamina.processor.model.Annotations.value;

import dev.lamina.nn.ImageSpec;
import dev.lamina.nn.Shape;
import dev.lamina.processor.model.Annotations;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;

/**
 * Rules [Lamina/NeedsImage], [Lamina/WindowTooLarge], [Lamina/StrideSkips] and
 * [Lamina/PaddingOnlyZeros]: the shape of every layer, computed from the input down the chain,
 * with each window checked against the image it slides over. Each problem is reported on the
 * member that causes it ({@code kernel = 5}, {@code stride = 4}) with the shapes in the message.
 * The walk stops at the first layer whose shape cannot be computed.
 */
final class ImageShapeRule {
  private ImageShapeRule() {}

  static void check(List<VariableElement> fields, ValidationReport report) {
    walk(fields, report);
  }

  /**
   * The output shape of each image layer (and image input) of a valid chain; layers after a
   * problem are missing.
   */
  static Map<VariableElement, Shape> shapes(List<VariableElement> fields) {
    return walk(fields, null);
  }

  private static Map<VariableElement, Shape> walk(List<VariableElement> fields, ValidationReport report) {
    Map<VariableElement, Shape> shapes = new HashMap<>();
    Shape shape = null;
    String previous = null;
    long flat = 0;
    for (VariableElement field : fields) {
      var input = Annotations.find(field, Annotations.INPUT);
      var dense = Annotations.find(field, Annotations.DENSE);
      if (input.isPresent()) {
        shape = inputShape(input.get());
        if (shape == null && isImage(input.get())) {
          return shapes; // InputValidator reports the shape
        }
        flat = shape != null ? shape.size() : intValue(input.get(), "value");
        if (shape != null) {
          shapes.put(field, shape);
        }
      } else if (dense.isPresent()) {
        shape = null;
        flat = intValue(dense.get(), "units");
      } else if (LayerFields.isImageLayer(field)) {
        AnnotationMirror mirror = Annotations.IMAGE_LAYERS.stream()
            .map(a -> Annotations.find(field, a)).filter(java.util.Optional::isPresent)
            .map(java.util.Optional::get).findFirst().orElseThrow();
        if (shape == null) {
          if (report != null && previous != null) {
            report.error(String.format(Messages.NEEDS_IMAGE, simpleName(mirror), previous, flat),
                field, mirror, null);
          }
          return shapes;
        }
        shape = next(field, mirror, shape, report);
        if (shape == null) {
          return shapes;
        }
        shapes.put(field, shape);
        flat = shape.size();
      }
      previous = field.getSimpleName().toString();
    }
    return shapes;
  }

  /** The output of one image layer, or null after reporting why there is none. */
  private static Shape next(VariableElement field, AnnotationMirror mirror, Shape in,
      ValidationReport report) {
    String kind = simpleName(mirror);
    if (kind.equals("GlobalAvgPool2d")) {
      return new Shape(in.channels(), 1, 1);
    }
    boolean conv = kind.equals("Conv2d");
    String kernelMember = conv ? "kernel" : "value";
    int kernel = intValue(mirror, kernelMember);
    int stride = intValue(mirror, "stride");
    int padding = conv ? intValue(mirror, "padding") : 0;
    int dilation = conv ? intValue(mirror, "dilation") : 1;
    if (!conv && stride == 0) {
      stride = kernel;
    }
    if (kernel <= 0 || stride <= 0 || padding < 0 || dilation <= 0
        || (conv && intValue(mirror, "filters") <= 0)) {
      return null; // ImageLayerValidator reports the member
    }
    int extent = dilation * (kernel - 1) + 1;
    int height = in.height() + 2 * padding;
    int width = in.width() + 2 * padding;
    if (extent > height || extent > width) {
      if (report != null) {
        String window = conv ? "kernel " + kernel + (dilation > 1 ? ", dilation " + dilation : "")
            : "pooling window " + kernel;
        String padded = padding > 0 ? " with padding " + padding + " on each side" : "";
        report.error(String.format(Messages.WINDOW_TOO_LARGE, extent, extent, window, in, height,
            width, padded), field, mirror, value(mirror, kernelMember));
      }
      return null;
    }
    Shape out = conv
        ? ImageSpec.conv(in, intValue(mirror, "filters"), kernel, stride, padding, dilation).out()
        : ImageSpec.pool(in, kernel, stride).out();
    if (report != null && stride > extent && isExplicit(mirror, "stride")) {
      report.warning(String.format(Messages.STRIDE_SKIPS, stride, extent, stride - extent, stride,
          in, out, extent), field, mirror, value(mirror, "stride"));
    }
    if (report != null && conv && padding >= extent) {
      report.warning(String.format(Messages.PADDING_ONLY_ZEROS, padding, extent, in, extent - 1),
          field, mirror, value(mirror, "padding"));
    }
    return out;
  }

  private static boolean isImage(AnnotationMirror input) {
    return isExplicit(input, "channels") || isExplicit(input, "height") || isExplicit(input, "width");
  }

  /** The input's shape, or null for a flat input or an invalid shape. */
  private static Shape inputShape(AnnotationMirror input) {
    if (!isImage(input)) {
      return null;
    }
    int c = intValue(input, "channels");
    int h = intValue(input, "height");
    int w = intValue(input, "width");
    return c > 0 && h > 0 && w > 0 ? new Shape(c, h, w) : null;
  }

  private static String simpleName(AnnotationMirror mirror) {
    return ImageLayerKinds.simple(mirror.getAnnotationType().toString());
  }
}
