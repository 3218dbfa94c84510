package dev.lamina.processor.validation;

import static dev.lamina.processor.model.Annotations.doubleValue;
import static dev.lamina.processor.model.Annotations.enumValue;
import static dev.lamina.processor.model.Annotations.intValue;
import static dev.lamina.processor.model.Annotations.isExplicit;

import dev.lamina.Nonlinearity;
import dev.lamina.nn.Shape;
import dev.lamina.processor.model.Annotations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;

/**
 * The layers with weights — dense layers and convolutions — as the whole-model init rules see
 * them: each one's fan-in, activation and place in the chain. A dense layer's fan-in is the
 * previous layer's size (an image's C·H·W); a convolution's is its input channels × kernel²,
 * PyTorch's fan-in of {@code Conv2d}.
 */
final class WeightedLayers {
  private WeightedLayers() {}

  /**
   * One dense layer or convolution.
   *
   * @param weights the {@code @Dense} or {@code @Conv2d} that holds the initializer
   * @param inChannels a convolution's input channels; 0 for a dense layer
   * @param hidden whether another weighted layer follows it
   * @param normalized whether a normalization comes before its activation, which makes the scale
   *     of its weights irrelevant to the forward pass
   */
  record Layer(VariableElement field, AnnotationMirror weights, String init, Nonlinearity activation,
      double slope, int fanIn, int inChannels, boolean hidden, boolean normalized) {
    boolean conv() {
      return inChannels > 0;
    }

    /** How messages name it: "dense layer 'hidden'", "convolution 'conv1'". */
    String kind() {
      return conv() ? "convolution" : "dense layer";
    }

    String name() {
      return field.getSimpleName().toString();
    }

    /** What its weights feed: a dense layer's units, a convolution's filters. */
    String unit() {
      return conv() ? "filter" : "unit";
    }

    /** "100", or for a convolution "288 (32 channels × 3 × 3)". */
    String fanInText() {
      if (!conv()) {
        return Integer.toString(fanIn);
      }
      int k = intValue(weights, "kernel");
      return fanIn + " (" + inChannels + (inChannels == 1 ? " channel" : " channels") + " × " + k
          + " × " + k + ")";
    }

    Layer asHidden(boolean isHidden) {
      return new Layer(field, weights, init, activation, slope, fanIn, inChannels, isHidden,
          normalized);
    }
  }

  /** The weighted layers in order, or none when a size is not valid (errors report those). */
  static List<Layer> of(List<VariableElement> fields) {
    List<Layer> layers = new ArrayList<>();
    int previous = -1;
    Shape previousImage = null;
    Map<VariableElement, Shape> images = ImageShapeRule.shapes(fields);
    for (VariableElement field : fields) {
      var input = Annotations.find(field, Annotations.INPUT);
      var dense = Annotations.find(field, Annotations.DENSE);
      if (LayerFields.isImageLayer(field)) {
        Shape out = images.get(field);
        if (out == null) {
          return List.of(); // ImageShapeRule or ImageLayerValidator reports why
        }
        var conv = Annotations.find(field, Annotations.CONV2D);
        if (conv.isPresent() && previousImage != null) {
          int k = intValue(conv.get(), "kernel");
          layers.add(layer(field, conv.get(), previousImage.channels() * k * k,
              previousImage.channels()));
        }
        previousImage = out;
        previous = out.size(); // a dense layer after it reads it flattened
      } else if (input.isPresent() && dense.isEmpty()) {
        previousImage = images.get(field);
        previous = inputSize(input.get());
      } else if (dense.isPresent() && input.isEmpty()) {
        int units = intValue(dense.get(), "units");
        if (previous <= 0 || units <= 0) {
          return List.of();
        }
        layers.add(layer(field, dense.get(), previous, 0));
        previousImage = null;
        previous = units;
      }
    }
    List<Layer> chain = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      chain.add(layers.get(i).asHidden(i < layers.size() - 1));
    }
    return chain;
  }

  private static Layer layer(VariableElement field, AnnotationMirror weights, int fanIn,
      int inChannels) {
    Nonlinearity activation = Nonlinearity.IDENTITY;
    double slope = 0;
    var act = Annotations.find(field, Annotations.ACTIVATION);
    if (act.isPresent()) {
      activation = Nonlinearity.valueOf(enumValue(act.get(), "value"));
      slope = doubleValue(act.get(), "slope");
    }
    return new Layer(field, weights, enumValue(weights, "init"), activation, slope, fanIn,
        inChannels, false, normalizedBeforeActivation(field));
  }

  /** Batch or layer normalization (and, on a convolution, instance or group) before the activation. */
  private static boolean normalizedBeforeActivation(VariableElement field) {
    for (String norm : List.of(Annotations.BATCH_NORM, Annotations.LAYER_NORM,
        Annotations.INSTANCE_NORM, Annotations.GROUP_NORM)) {
      var mirror = Annotations.find(field, norm);
      if (mirror.isPresent() && enumValue(mirror.get(), "placement").equals("BEFORE_ACTIVATION")) {
        return true;
      }
    }
    return false;
  }

  private static int inputSize(AnnotationMirror input) {
    if (isExplicit(input, "channels") || isExplicit(input, "height") || isExplicit(input, "width")) {
      long size = (long) intValue(input, "channels") * intValue(input, "height")
          * intValue(input, "width");
      return intValue(input, "channels") > 0 && intValue(input, "height") > 0
          && intValue(input, "width") > 0 && size <= Integer.MAX_VALUE ? (int) size : -1;
    }
    return intValue(input, "value");
  }
}
