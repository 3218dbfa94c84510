package dev.lamina.processor.model;

import static dev.lamina.processor.model.Annotations.intValue;

import com.google.auto.service.AutoService;
import dev.lamina.nn.ImageSpec;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.Shape;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;

/**
 * {@code @MaxPool2d(2)} or {@code @AvgPool2d(2)}: the largest or the mean value of each window of
 * each channel; a stride of 0 means the window's side.
 *
 * @param max whether it is max pooling (else average pooling)
 */
public record PoolKind(AnnotationMirror annotation, boolean max) implements LayerKind {
  public int window() {
    return intValue(annotation, "value");
  }

  /** The step between windows, 0 resolved to the window's side. */
  public int stride() {
    int stride = intValue(annotation, "stride");
    return stride == 0 ? window() : stride;
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
  public boolean slidesWindow() {
    return true;
  }

  @Override
  public ShapeResult outputShape(List<LayerShape> inputs) {
    Shape in = inputs.get(0).image();
    if (in == null) {
      return new ShapeResult.NeedsImage(inputs.get(0).size());
    }
    if (window() <= 0 || stride() <= 0) {
      return new ShapeResult.BadValue(); // ImageLayerValidator reports the member
    }
    if (window() > in.height() || window() > in.width()) {
      return new ShapeResult.WindowTooLarge(window(), in.height(), in.width(), "value",
          "pooling window " + window(), 0);
    }
    ImageSpec geometry = ImageSpec.pool(in, window(), stride());
    return new ShapeResult.Known(LayerShape.of(geometry.out()), geometry);
  }

  @Override
  public LayerSpec lower(Lowering l) {
    return LayerSpec.pool(l.name(), max ? LayerSpec.Type.MAX_POOL : LayerSpec.Type.AVG_POOL,
        l.shape().geometry(), l.keep(), l.mode());
  }

  /** Registers the kind: {@code @MaxPool2d} makes a field a max pooling layer. */
  @AutoService(KindReader.class)
  public static final class MaxReader extends KindReader {
    public MaxReader() {
      super(Annotations.MAX_POOL, m -> new PoolKind(m, true));
    }
  }

  /** Registers the kind: {@code @AvgPool2d} makes a field an average pooling layer. */
  @AutoService(KindReader.class)
  public static final class AvgReader extends KindReader {
    public AvgReader() {
      super(Annotations.AVG_POOL, m -> new PoolKind(m, false));
    }
  }
}
