package dev.lamina.processor.validation;

import static dev.lamina.processor.model.Annotations.isExplicit;
import static dev.lamina.processor.model.Annotations.value;

import dev.lamina.nn.ImageSpec;
import dev.lamina.processor.model.ConvKind;
import dev.lamina.processor.model.LayerDescriptor;
import dev.lamina.processor.model.LayerKind;
import dev.lamina.processor.model.ModelDescriptor;
import dev.lamina.processor.model.ShapeResult;
import dev.lamina.processor.model.Shapes;
import javax.lang.model.element.AnnotationMirror;

/**
 * Rules [Lamina/NeedsImage], [Lamina/WindowTooLarge], [Lamina/StrideSkips] and
 * [Lamina/PaddingOnlyZeros]: reports what {@link Shapes} found about each window and the image it
 * slides over. Each problem is reported on the member that causes it ({@code kernel = 5}, {@code
 * stride = 4}) with the shapes in the message. Layers after the one where shape inference stopped
 * are not checked.
 */
final class ImageShapeRule {
  private ImageShapeRule() {}

  static void check(ModelDescriptor model, Shapes shapes, ValidationReport report) {
    for (LayerDescriptor layer : model.layers()) {
      var shape = shapes.of(layer);
      if (shape.isPresent() && shape.get().geometry() != null && layer.kind().isPresent()
          && !isProjection(model, layer, shape.get().geometry())) {
        warnAboutWindow(layer, layer.kind().get(), shape.get().geometry(), report);
      }
    }
    shapes.stop().ifPresent(stop -> reportStop(stop, report));
  }

  /**
   * A 1×1 convolution that an {@code @Add} sums: a residual shortcut's projection, whose stride
   * reads one pixel in stride² on purpose (ResNet's option B).
   */
  private static boolean isProjection(ModelDescriptor model, LayerDescriptor layer, ImageSpec image) {
    return layer.kind().get() instanceof ConvKind && image.kernel() == 1 && model.isSummed(layer);
  }

  private static void reportStop(Shapes.Stop stop, ValidationReport report) {
    LayerDescriptor layer = stop.layer();
    LayerKind kind = layer.kind().orElseThrow();
    AnnotationMirror mirror = kind.annotation();
    switch (stop.reason()) {
      case ShapeResult.NeedsImage(long inputSize) -> report.error(String.format(
          Messages.NEEDS_IMAGE, kind.annotationName(), layer.inputs().get(0), inputSize),
          layer.field(), mirror, null);
      case ShapeResult.WindowTooLarge(int extent, int height, int width, String member,
          String window, int padding) -> {
        String padded = padding > 0 ? " with padding " + padding + " on each side" : "";
        report.error(String.format(Messages.WINDOW_TOO_LARGE, extent, extent, window,
            stop.inputs().get(0).image(), height, width, padded), layer.field(), mirror,
            value(mirror, member));
      }
      case ShapeResult.MergeMismatch(int first, int other) ->
          MergeShapes.report(layer, stop.inputs(), first, other, report);
      case ShapeResult.BadValue bad -> {} // the kind's validator reports the member
      case ShapeResult.Known known -> throw new IllegalStateException("not a stop: " + known);
    }
  }

  /** Warnings about a window that fits: a stride that skips pixels, padding that only adds zeros. */
  private static void warnAboutWindow(LayerDescriptor layer, LayerKind kind, ImageSpec image,
      ValidationReport report) {
    AnnotationMirror mirror = kind.annotation();
    if (!kind.slidesWindow()) {
      return;
    }
    int extent = image.extent();
    if (image.stride() > extent && isExplicit(mirror, "stride")) {
      report.warning(String.format(Messages.STRIDE_SKIPS, image.stride(), extent,
          image.stride() - extent, image.stride(), image.in(), image.out(), extent), layer.field(),
          mirror, value(mirror, "stride"));
    }
    if (image.padding() >= extent) { // only a convolution pads
      report.warning(String.format(Messages.PADDING_ONLY_ZEROS, image.padding(), extent,
          image.in(), extent - 1), layer.field(), mirror, value(mirror, "padding"));
    }
  }
}
