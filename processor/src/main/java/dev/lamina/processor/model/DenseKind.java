package dev.lamina.processor.model;

import static dev.lamina.processor.model.Annotations.intValue;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;

/** {@code @Dense(units = 128)}: a fully connected layer; it reads an image input flattened. */
public record DenseKind(AnnotationMirror annotation) implements LayerKind {
  public int units() {
    return intValue(annotation, "units");
  }

  @Override
  public boolean hasWeights() {
    return true;
  }

  @Override
  public ShapeResult outputShape(List<LayerShape> inputs) {
    return units() > 0 ? new ShapeResult.Known(LayerShape.flat(units()), null)
        : new ShapeResult.BadValue(); // DenseValidator reports it
  }
}
