package dev.lamina.processor.validation;

import static dev.lamina.processor.model.Annotations.doubleValue;
import static dev.lamina.processor.model.Annotations.enumValue;
import static dev.lamina.processor.model.Annotations.intValue;
import static dev.lamina.processor.model.Annotations.isExplicit;

import dev.lamina.Nonlinearity;
import dev.lamina.processor.model.Annotations;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;

/**
 * The dense layers of a model as the whole-model init rules see them: each one's fan-in (the
 * previous layer's size, the input's flattened), activation and place in the chain.
 */
final class DenseChain {
  private DenseChain() {}

  /**
   * One dense layer.
   *
   * @param hidden whether another dense layer follows it
   * @param normalized whether batch or layer normalization comes before its activation, which
   *     makes the scale of its weights irrelevant to the forward pass
   */
  record Layer(VariableElement field, AnnotationMirror dense, String init, Nonlinearity activation,
      double slope, int fanIn, boolean hidden, boolean normalized) {
    boolean explicitInit() {
      return isExplicit(dense, "init");
    }
  }

  /** The dense layers in order, or none when a size is not valid (errors report those). */
  static List<Layer> of(List<VariableElement> fields) {
    List<Layer> layers = new ArrayList<>();
    int previous = -1;
    java.util.Map<VariableElement, Integer> images = ImageShapeRule.flatSizes(fields);
    for (VariableElement field : fields) {
      if (LayerFields.isImageLayer(field)) {
        previous = images.getOrDefault(field, -1); // a dense layer after it reads it flattened
        continue;
      }
      var input = Annotations.find(field, Annotations.INPUT);
      var dense = Annotations.find(field, Annotations.DENSE);
      if (input.isPresent() && dense.isEmpty()) {
        previous = inputSize(input.get());
      } else if (dense.isPresent() && input.isEmpty()) {
        int units = intValue(dense.get(), "units");
        if (previous <= 0 || units <= 0) {
          return List.of();
        }
        layers.add(layer(field, dense.get(), previous));
        previous = units;
      }
    }
    List<Layer> chain = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      Layer l = layers.get(i);
      chain.add(new Layer(l.field(), l.dense(), l.init(), l.activation(), l.slope(), l.fanIn(),
          i < layers.size() - 1, l.normalized()));
    }
    return chain;
  }

  private static Layer layer(VariableElement field, AnnotationMirror dense, int fanIn) {
    Nonlinearity activation = Nonlinearity.IDENTITY;
    double slope = 0;
    var act = Annotations.find(field, Annotations.ACTIVATION);
    if (act.isPresent()) {
      activation = Nonlinearity.valueOf(enumValue(act.get(), "value"));
      slope = doubleValue(act.get(), "slope");
    }
    return new Layer(field, dense, enumValue(dense, "init"), activation, slope, fanIn, false,
        normalizedBeforeActivation(field));
  }

  private static boolean normalizedBeforeActivation(VariableElement field) {
    for (String norm : List.of("BatchNorm", "LayerNorm")) {
      var mirror = Annotations.find(field, Annotations.PACKAGE + "." + norm);
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
