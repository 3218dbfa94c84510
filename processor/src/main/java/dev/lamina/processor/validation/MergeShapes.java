package dev.lamina.processor.validation;

import dev.lamina.nn.Shape;
import dev.lamina.processor.model.AddKind;
import dev.lamina.processor.model.LayerDescriptor;
import dev.lamina.processor.model.LayerShape;
import dev.lamina.processor.model.MergeKind;
import java.util.List;

/**
 * Rules [Lamina/AddShapes] and [Lamina/ConcatShapes]: a merge whose inputs do not fit together,
 * reported on the name of the one that does not fit, with both shapes and the fix.
 */
final class MergeShapes {
  private MergeShapes() {}

  static void report(LayerDescriptor layer, List<LayerShape> inputs, int first, int other,
      ValidationReport report) {
    MergeKind merge = (MergeKind) layer.kind().orElseThrow();
    String a = layer.inputs().get(first);
    String b = layer.inputs().get(other);
    LayerShape sa = inputs.get(first);
    LayerShape sb = inputs.get(other);
    String message = merge instanceof AddKind
        ? String.format(Messages.ADD_SHAPES, a, text(sa), b, text(sb), addFix(a, sa, b, sb))
        : String.format(Messages.CONCAT_SHAPES, a, text(sa), b, text(sb), concatFix(a, sa, b, sb));
    report.error(message, layer.field(), merge.annotation(), merge.inputValues().get(other));
  }

  private static String text(LayerShape shape) {
    return shape.isImage() ? shape.image().toString() : "(" + shape.size() + ")";
  }

  /**
   * A projection of the shortcut, the input with the larger image (or the first named), to the
   * other's shape: a strided 1×1 convolution, or a dense layer of the other's size.
   */
  private static String addFix(String a, LayerShape sa, String b, LayerShape sb) {
    if (sa.isImage() != sb.isImage()) {
      return "One is an image and the other flat: sum images with images (a @GlobalAvgPool2d "
          + "turns an image into one value per channel).";
    }
    boolean aIsShortcut = !sa.isImage() || sa.image().height() >= sb.image().height();
    String shortcut = aIsShortcut ? a : b;
    LayerShape from = aIsShortcut ? sa : sb;
    LayerShape to = aIsShortcut ? sb : sa;
    if (!from.isImage()) {
      return String.format("Project the shortcut to %d values: @From(\"%s\") @Dense(units = %d) "
          + "Layer projection; and sum the projection.", to.size(), shortcut, to.size());
    }
    Shape in = from.image();
    Shape out = to.image();
    if (in.height() % out.height() != 0 || in.width() % out.width() != 0
        || in.height() / out.height() != in.width() / out.width()) {
      return String.format("No stride takes %s to %s: match the strides and padding of the "
          + "branch to the shortcut's.", in, out);
    }
    int stride = in.height() / out.height();
    return String.format("Give the shortcut a projection, a 1×1 convolution with %d filters%s: "
        + "@From(\"%s\") @Conv2d(filters = %d, kernel = 1%s) @BatchNorm Layer projection; and sum "
        + "the projection. Or match the branch's strides and filters to the shortcut's.",
        out.channels(), stride > 1 ? " and stride " + stride : "", shortcut, out.channels(),
        stride > 1 ? ", stride = " + stride : "");
  }

  private static String concatFix(String a, LayerShape sa, String b, LayerShape sb) {
    if (sa.isImage() != sb.isImage()) {
      String image = sa.isImage() ? a : b;
      return String.format("Flatten '%s' first, e.g. with a @GlobalAvgPool2d or a @Dense layer.",
          image);
    }
    boolean aLarger = sa.image().height() >= sb.image().height();
    Shape target = (aLarger ? sb : sa).image();
    return String.format("Bring '%s' to %d×%d first, e.g. with a stride or a pooling layer.",
        aLarger ? a : b, target.height(), target.width());
  }
}
