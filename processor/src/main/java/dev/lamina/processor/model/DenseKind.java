package dev.lamina.processor.model;

import static dev.lamina.processor.model.Annotations.intValue;

import com.google.auto.service.AutoService;
import dev.lamina.nn.LayerSpec;
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

  /** Fan-in: the input's size (an image's C·H·W, read flattened). */
  @Override
  public WeightedShape weightedShape(Shapes.Inferred shape) {
    long fanIn = shape.inputs().get(0).size();
    long units = shape.out().size();
    return new WeightedShape(fanIn, Long.toString(fanIn), "dense layer", "unit", List.of(
        new WeightedShape.Buffer("its weights (" + fanIn + " × " + units + ")", fanIn * units)));
  }

  @Override
  public ShapeResult outputShape(List<LayerShape> inputs) {
    return units() > 0 ? new ShapeResult.Known(LayerShape.flat(units()), null)
        : new ShapeResult.BadValue(); // DenseValidator reports it
  }

  @Override
  public LayerSpec lower(Lowering l) {
    return LayerSpec.dense(l.name(), units(), (int) l.shape().inputs().get(0).size(),
        l.bias(annotation), InitReader.weights(annotation, l.activation()),
        InitReader.biases(l.layer(), l.activation()), l.activation(), l.slope(), l.keep(), l.mode())
        .withNorm(l.norm());
  }

  /** Registers the kind: {@code @Dense} makes a field a dense layer. */
  @AutoService(KindReader.class)
  public static final class Reader extends KindReader {
    public Reader() {
      super(Annotations.DENSE, DenseKind::new);
    }
  }
}
