package dev.lamina.processor.validation;

import static dev.lamina.processor.model.Annotations.doubleValue;
import static dev.lamina.processor.model.Annotations.enumValue;
import static dev.lamina.processor.model.Annotations.intValue;

import dev.lamina.Nonlinearity;
import dev.lamina.processor.model.Annotations;
import dev.lamina.processor.model.ConvKind;
import dev.lamina.processor.model.LayerDescriptor;
import dev.lamina.processor.model.LayerKind;
import dev.lamina.processor.model.ModelDescriptor;
import dev.lamina.processor.model.Shapes;
import java.util.ArrayList;
import java.util.List;
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
  record Layer(LayerDescriptor descriptor, AnnotationMirror weights, String init, Nonlinearity activation,
      double slope, int fanIn, int inChannels, boolean hidden, boolean normalized) {
    boolean conv() {
      return inChannels > 0;
    }

    /** How messages name it: "dense layer 'hidden'", "convolution 'conv1'". */
    String kind() {
      return conv() ? "convolution" : "dense layer";
    }

    String name() {
      return descriptor.name();
    }

    VariableElement field() {
      return descriptor.field();
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
      return new Layer(descriptor, weights, init, activation, slope, fanIn, inChannels, isHidden,
          normalized);
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
      Shapes.Inferred shape = shapes.of(layer).orElseThrow();
      LayerKind kind = layer.kind().orElseThrow();
      if (kind instanceof ConvKind conv) {
        int channels = shape.geometry().in().channels();
        layers.add(layer(layer, conv.annotation(), channels * conv.kernel() * conv.kernel(),
            channels));
      } else {
        layers.add(layer(layer, kind.annotation(), (int) shape.inputs().get(0).size(), 0));
      }
    }
    List<Layer> chain = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      chain.add(layers.get(i).asHidden(i < layers.size() - 1));
    }
    return chain;
  }

  private static Layer layer(LayerDescriptor layer, AnnotationMirror weights, int fanIn,
      int inChannels) {
    Nonlinearity activation = Nonlinearity.IDENTITY;
    double slope = 0;
    var act = layer.find(Annotations.ACTIVATION);
    if (act.isPresent()) {
      activation = Nonlinearity.valueOf(enumValue(act.get(), "value"));
      slope = doubleValue(act.get(), "slope");
    }
    return new Layer(layer, weights, enumValue(weights, "init"), activation, slope, fanIn,
        inChannels, false, normalizedBeforeActivation(layer));
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
