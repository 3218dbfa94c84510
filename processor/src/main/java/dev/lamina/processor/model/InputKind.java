package dev.lamina.processor.model;

import static dev.lamina.processor.model.Annotations.intValue;
import static dev.lamina.processor.model.Annotations.isExplicit;

import com.google.auto.service.AutoService;
import dev.lamina.nn.ImageSpec;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.Shape;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;

/** {@code @Input(784)} or {@code @Input(channels = 1, height = 28, width = 28)}: the model's input. */
public record InputKind(AnnotationMirror annotation) implements LayerKind {
  /** Whether the input is given as channels, height and width rather than as a flat size. */
  public boolean isImage() {
    return isExplicit(annotation, "channels") || isExplicit(annotation, "height")
        || isExplicit(annotation, "width");
  }

  @Override
  public ShapeResult outputShape(List<LayerShape> inputs) {
    if (!isImage()) {
      int size = intValue(annotation, "value");
      return size > 0 ? new ShapeResult.Known(LayerShape.flat(size), null) : new ShapeResult.BadValue();
    }
    int c = intValue(annotation, "channels");
    int h = intValue(annotation, "height");
    int w = intValue(annotation, "width");
    if (c <= 0 || h <= 0 || w <= 0) {
      return new ShapeResult.BadValue(); // InputValidator reports the shape
    }
    Shape shape = new Shape(c, h, w);
    return new ShapeResult.Known(LayerShape.of(shape), ImageSpec.input(shape));
  }

  @Override
  public LayerSpec lower(Lowering l) {
    return LayerSpec.input(l.name(), (int) l.shape().out().size(), l.keep(), l.mode())
        .withImage(l.shape().geometry());
  }

  /** Registers the kind: {@code @Input} makes a field the input. */
  @AutoService(KindReader.class)
  public static final class Reader extends KindReader {
    public Reader() {
      super(Annotations.INPUT, InputKind::new);
    }
  }
}
