package dev.lamina.processor.validation;

import static dev.lamina.processor.model.Annotations.doubleValue;
import static dev.lamina.processor.model.Annotations.enumValue;

import dev.lamina.Nonlinearity;
import dev.lamina.processor.model.Annotations;
import dev.lamina.processor.model.LayerDescriptor;
import dev.lamina.processor.model.LayerKind;
import dev.lamina.processor.model.ModelDescriptor;
import dev.lamina.processor.model.Shapes;
import dev.lamina.processor.model.WeightedShape;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;

/**
 * The layers with weights — dense layers and convolutions — as the whole-model init rules see
 * them: each one's fan-in and names ({@link WeightedShape}, from its kind), activation and place
 * in the chain.
 */
final class WeightedLayers {
  private WeightedLayers() {}

  /**
   * One layer with weights.
   *
   * @param weights the annotation that holds the initializer ({@code @Dense}, {@code @Conv2d})
   * @param shape its fan-in and how messages name it
   * @param hidden whether another weighted layer follows it
   * @param normalized whether a normalization comes before its activation, which makes the scale
   *     of its weights irrelevant to the forward pass
   */
  record Layer(LayerDescriptor descriptor, AnnotationMirror weights, String init, Nonlinearity activation,
      double slope, WeightedShape shape, boolean hidden, boolean normalized) {
    /** How messages name it: "dense layer", "convolution". */
    String kind() {
      return shape.layer();
    }

    String name() {
      return descriptor.name();
    }

    VariableElement field() {
      return descriptor.field();
    }

    /** What its weights feed: a dense layer's units, a convolution's filters. */
    String unit() {
      return shape.unit();
    }

    long fanIn() {
      return shape.fanIn();
    }

    /** "100", or for a convolution "288 (32 channels × 3 × 3)". */
    String fanInText() {
      return shape.fanInText();
    }

    Layer asHidden(boolean isHidden) {
      return new Layer(descriptor, weights, init, activation, slope, shape, isHidden, normalized);
    }
  }

  /** The weighted layers in order, or none when a shape is not known (errors report why). */
  static List<Layer> of(ModelDescriptor model, Shapes shapes) {
    if (!shapes.complete(model)) {
      return List.of();
    }
    List<Layer> layers = new ArrayList<>();
    for (LayerDescriptor layer : model.layers()) {
      if (layer.kinds().size() != 1 || !layer.hasWeights()) {
        continue;
      }
      LayerKind kind = layer.kind().orElseThrow();
      layers.add(layer(layer, kind.annotation(),
          kind.weightedShape(shapes.of(layer).orElseThrow())));
    }
    List<Layer> chain = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      chain.add(layers.get(i).asHidden(i < layers.size() - 1));
    }
    return chain;
  }

  private static Layer layer(LayerDescriptor layer, AnnotationMirror weights, WeightedShape shape) {
    Nonlinearity activation = Nonlinearity.IDENTITY;
    double slope = 0;
    var act = layer.find(Annotations.ACTIVATION);
    if (act.isPresent()) {
      activation = Nonlinearity.valueOf(enumValue(act.get(), "value"));
      slope = doubleValue(act.get(), "slope");
    }
    return new Layer(layer, weights, enumValue(weights, "init"), activation, slope, shape, false,
        normalizedBeforeActivation(layer));
  }

  /** Batch or layer normalization (and, on a convolution, instance or group) before the activation. */
  private static boolean normalizedBeforeActivation(LayerDescriptor layer) {
    for (String norm : List.of(Annotations.BATCH_NORM, Annotations.LAYER_NORM,
        Annotations.INSTANCE_NORM, Annotations.GROUP_NORM)) {
      var mirror = layer.find(norm);
      if (mirror.isPresent() && enumValue(mirror.get(), "placement").equals("BEFORE_ACTIVATION")) {
        return true;
      }
    }
    return false;
  }
}
