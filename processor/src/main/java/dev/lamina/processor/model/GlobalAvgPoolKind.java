package dev.lamina.processor.model;

import com.google.auto.service.AutoService;
import dev.lamina.nn.ImageSpec;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.Shape;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;

/** {@code @GlobalAvgPool2d}: the mean of each channel over the whole image, one value per channel. */
public record GlobalAvgPoolKind(AnnotationMirror annotation) implements LayerKind {
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
    ImageSpec geometry = ImageSpec.global(in);
    return new ShapeResult.Known(LayerShape.of(geometry.out()), geometry);
  }

  @Override
  public LayerSpec lower(Lowering l) {
    return LayerSpec.pool(l.name(), LayerSpec.Type.GLOBAL_AVG_POOL, l.shape().geometry(), l.keep(),
        l.mode());
  }

  /** Registers the kind: {@code @GlobalAvgPool2d} makes a field a global average pooling layer. */
  @AutoService(KindReader.class)
  public static final class Reader extends KindReader {
    public Reader() {
      super(Annotations.GLOBAL_AVG_POOL, GlobalAvgPoolKind::new);
    }
  }
}
