package dev.lamina.processor.model;

import static dev.lamina.processor.model.Annotations.intValue;

import com.google.auto.service.AutoService;
import dev.lamina.nn.ImageSpec;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.Shape;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;

/** {@code @Conv2d(filters = 32, kernel = 3, padding = 1)}: a 2-d convolution of an image. */
public record ConvKind(AnnotationMirror annotation) implements LayerKind {
  public int filters() {
    return intValue(annotation, "filters");
  }

  public int kernel() {
    return intValue(annotation, "kernel");
  }

  public int stride() {
    return intValue(annotation, "stride");
  }

  public int padding() {
    return intValue(annotation, "padding");
  }

  public int dilation() {
    return intValue(annotation, "dilation");
  }

  @Override
  public boolean hasWeights() {
    return true;
  }

  /**
   * Fan-in: input channels × kernel², PyTorch's for {@code Conv2d}; the weights and the im2col
   * rows of one sample, a window's values for each of its output pixels (the passes build them a
   * group of samples at a time, never the whole batch's).
   */
  @Override
  public WeightedShape weightedShape(Shapes.Inferred shape) {
    ImageSpec g = shape.geometry();
    int channels = g.in().channels();
    int k = kernel();
    long patch = (long) channels * k * k;
    long pixels = (long) g.out().height() * g.out().width();
    long filters = g.out().channels();
    String fanInText = patch + " (" + channels + (channels == 1 ? " channel" : " channels")
        + " × " + k + " × " + k + ")";
    return new WeightedShape(patch, fanInText, "convolution", "filter", List.of(
        new WeightedShape.Buffer("its weights (" + patch + " × " + filters + ")", patch * filters),
        new WeightedShape.Buffer("its im2col rows of one sample (" + pixels + " pixels × " + patch
            + ")", pixels * patch)));
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
    if (filters() <= 0 || kernel() <= 0 || stride() <= 0 || padding() < 0 || dilation() <= 0) {
      return new ShapeResult.BadValue(); // ImageLayerValidator reports the member
    }
    int extent = dilation() * (kernel() - 1) + 1;
    int height = in.height() + 2 * padding();
    int width = in.width() + 2 * padding();
    if (extent > height || extent > width) {
      return new ShapeResult.WindowTooLarge(extent, height, width, "kernel",
          "kernel " + kernel() + (dilation() > 1 ? ", dilation " + dilation() : ""), padding());
    }
    ImageSpec geometry = ImageSpec.conv(in, filters(), kernel(), stride(), padding(), dilation());
    return new ShapeResult.Known(LayerShape.of(geometry.out()), geometry);
  }

  @Override
  public LayerSpec lower(Lowering l) {
    return LayerSpec.conv(l.name(), l.shape().geometry(), l.bias(annotation),
        InitReader.weights(annotation, l.activation()), InitReader.biases(l.layer(), l.activation()),
        l.activation(), l.slope(), l.keep(), l.mode()).withNorm(l.norm());
  }

  /** Registers the kind: {@code @Conv2d} makes a field a convolution. */
  @AutoService(KindReader.class)
  public static final class Reader extends KindReader {
    public Reader() {
      super(Annotations.CONV2D, ConvKind::new);
    }
  }
}
