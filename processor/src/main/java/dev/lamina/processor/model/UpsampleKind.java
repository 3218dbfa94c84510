package dev.lamina.processor.model;

import static dev.lamina.processor.model.Annotations.intValue;

import com.google.auto.service.AutoService;
import dev.lamina.Upsample2d;
import dev.lamina.nn.ImageSpec;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.Shape;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;

/** {@code @Upsample2d(2)}: each pixel repeated in a factor × factor block. */
public record UpsampleKind(AnnotationMirror annotation) implements LayerKind {
  public static final String FACTOR = "[Lamina/UpsampleFactor] the upsampling factor must be > 0; got %d."
      + " @Upsample2d(2) doubles the height and width.";

  public int factor() {
    return intValue(annotation, "value");
  }

  @Override
  public List<ValueProblem> problems() {
    return factor() > 0 ? List.of()
        : List.of(new ValueProblem("value", String.format(FACTOR, factor())));
  }

  @Override
  public boolean isResampling() {
    return true;
  }

  @Override
  public boolean needsImage() {
    return true;
  }

  @Override
  public ShapeResult outputShape(List<LayerShape> inputs) {
    Shape in = inputs.get(0).image();
    if (in == null) {
      return new ShapeResult.NeedsImage(inputs.get(0).size());
    }
    if (factor() <= 0) {
      return new ShapeResult.BadValue();
    }
    // A side past int makes the output too large for an array, which the buffer rule reports.
    Shape out = new Shape(in.channels(), side(in.height()), side(in.width()));
    return new ShapeResult.Known(LayerShape.of(out), new ImageSpec(in, out, 1, 1, 0, 1));
  }

  private int side(int in) {
    return (int) Math.min((long) in * factor(), Integer.MAX_VALUE);
  }

  @Override
  public LayerSpec lower(Lowering l) {
    return LayerSpec.resample(l.name(), LayerSpec.Type.UPSAMPLE, l.shape().geometry(), l.keep(),
        l.mode());
  }

  /** Registers the kind: {@code @Upsample2d} makes a field an upsampling layer. */
  @AutoService(KindReader.class)
  public static final class Reader extends KindReader {
    public Reader() {
      super(Upsample2d.class.getCanonicalName(), UpsampleKind::new);
    }
  }
}
