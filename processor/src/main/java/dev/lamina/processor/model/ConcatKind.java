package dev.lamina.processor.model;

import com.google.auto.service.AutoService;
import dev.lamina.nn.ImageSpec;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.Shape;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;

/**
 * {@code @Concat({"a", "b"})}: layers side by side, images along channels (of one height and
 * width), flat layers along features.
 */
public record ConcatKind(AnnotationMirror annotation) implements MergeKind {
  @Override
  public ShapeResult outputShape(List<LayerShape> inputs) {
    LayerShape first = inputs.get(0);
    long size = 0;
    int channels = 0;
    for (int i = 0; i < inputs.size(); i++) {
      LayerShape in = inputs.get(i);
      boolean fits = first.isImage()
          ? in.isImage() && in.image().height() == first.image().height()
              && in.image().width() == first.image().width()
          : !in.isImage();
      if (!fits) {
        return new ShapeResult.MergeMismatch(0, i);
      }
      size += in.size();
      channels += in.isImage() ? in.image().channels() : 0;
    }
    if (!first.isImage()) {
      return new ShapeResult.Known(LayerShape.flat(size), null);
    }
    Shape out = new Shape(channels, first.image().height(), first.image().width());
    return new ShapeResult.Known(LayerShape.of(out), ImageSpec.input(out));
  }

  @Override
  public LayerSpec lower(Lowering l) {
    return LayerSpec.merge(l.name(), LayerSpec.Type.CONCAT, inputs(), (int) l.shape().out().size(),
        l.shape().geometry(), l.activation(), l.slope(), l.keep(), l.mode());
  }

  /** Registers the kind: {@code @Concat} makes a field a concatenation. */
  @AutoService(KindReader.class)
  public static final class Reader extends KindReader {
    public Reader() {
      super(Annotations.CONCAT, ConcatKind::new);
    }
  }
}
