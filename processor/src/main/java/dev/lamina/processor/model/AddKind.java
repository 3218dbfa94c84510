package dev.lamina.processor.model;

import com.google.auto.service.AutoService;
import dev.lamina.nn.ImageSpec;
import dev.lamina.nn.LayerSpec;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;

/** {@code @Add({"a", "b"})}: the element-wise sum of layers of one shape. */
public record AddKind(AnnotationMirror annotation) implements MergeKind {
  @Override
  public ShapeResult outputShape(List<LayerShape> inputs) {
    LayerShape first = inputs.get(0);
    for (int i = 1; i < inputs.size(); i++) {
      if (!inputs.get(i).equals(first)) {
        return new ShapeResult.MergeMismatch(0, i);
      }
    }
    return new ShapeResult.Known(first, first.isImage() ? ImageSpec.input(first.image()) : null);
  }

  @Override
  public LayerSpec lower(Lowering l) {
    return LayerSpec.merge(l.name(), LayerSpec.Type.ADD, inputs(), (int) l.shape().out().size(),
        l.shape().geometry(), l.activation(), l.slope(), l.keep(), l.mode());
  }

  /** Registers the kind: {@code @Add} makes a field a sum. */
  @AutoService(KindReader.class)
  public static final class Reader extends KindReader {
    public Reader() {
      super(Annotations.ADD, AddKind::new);
    }
  }
}
