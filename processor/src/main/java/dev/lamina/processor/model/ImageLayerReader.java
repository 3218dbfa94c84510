package dev.lamina.processor.model;

import static dev.lamina.processor.model.Annotations.find;
import static dev.lamina.processor.model.Annotations.intValue;
import static dev.lamina.processor.model.Annotations.isExplicit;

import dev.lamina.DropoutMode;
import dev.lamina.Nonlinearity;
import dev.lamina.nn.ImageSpec;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.NormSpec;
import dev.lamina.nn.Shape;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;

/** Reads a convolution or pooling field into its spec, its shapes computed from the layer before. */
final class ImageLayerReader {
  private ImageLayerReader() {}

  static boolean isImageLayer(VariableElement field) {
    return Annotations.IMAGE_LAYERS.stream().anyMatch(a -> find(field, a).isPresent());
  }

  /** The input's geometry when it was given as channels, height and width; else null. */
  static ImageSpec input(int[] shape, AnnotationMirror input) {
    boolean image = isExplicit(input, "channels") || isExplicit(input, "height")
        || isExplicit(input, "width");
    return image ? ImageSpec.input(new Shape(shape[0], shape[1], shape[2])) : null;
  }

  static LayerSpec read(VariableElement field, LayerSpec previous, double keep, DropoutMode mode) {
    String name = field.getSimpleName().toString();
    Shape in = previous.image().out();
    var conv = find(field, Annotations.CONV2D);
    if (conv.isPresent()) {
      return conv(field, name, conv.get(), in, keep, mode);
    }
    var global = find(field, Annotations.GLOBAL_AVG_POOL);
    if (global.isPresent()) {
      return LayerSpec.pool(name, LayerSpec.Type.GLOBAL_AVG_POOL, ImageSpec.global(in), keep, mode);
    }
    var max = find(field, Annotations.MAX_POOL);
    AnnotationMirror pool = max.orElseGet(() -> find(field, Annotations.AVG_POOL).orElseThrow());
    int window = intValue(pool, "value");
    int stride = intValue(pool, "stride");
    return LayerSpec.pool(name, max.isPresent() ? LayerSpec.Type.MAX_POOL : LayerSpec.Type.AVG_POOL,
        ImageSpec.pool(in, window, stride == 0 ? window : stride), keep, mode);
  }

  private static LayerSpec conv(VariableElement field, String name, AnnotationMirror conv, Shape in,
      double keep, DropoutMode mode) {
    Nonlinearity activation = ModelReader.activation(field);
    NormSpec norm = ModelReader.norm(field);
    ImageSpec image = ImageSpec.conv(in, intValue(conv, "filters"), intValue(conv, "kernel"),
        intValue(conv, "stride"), intValue(conv, "padding"), intValue(conv, "dilation"));
    return LayerSpec.conv(name, image, ModelReader.bias(conv, norm),
        InitReader.weights(conv, activation), InitReader.biases(field, activation), activation,
        ModelReader.slope(field), keep, mode).withNorm(norm);
  }
}
