package dev.lamina.processor.validation;

import static dev.lamina.processor.model.Annotations.ACTIVATION;
import static dev.lamina.processor.model.Annotations.BATCH_NORM;
import static dev.lamina.processor.model.Annotations.DECAY;
import static dev.lamina.processor.model.Annotations.DENSE;
import static dev.lamina.processor.model.Annotations.DROPOUT;
import static dev.lamina.processor.model.Annotations.GAUSSIAN_NOISE;
import static dev.lamina.processor.model.Annotations.INPUT;
import static dev.lamina.processor.model.Annotations.LAYER;
import static dev.lamina.processor.model.Annotations.LAYER_NORM;

import dev.lamina.processor.model.Annotations;
import java.util.List;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;

/** Which fields of a model class are layers: instance fields typed Layer or carrying a layer annotation. */
public final class LayerFields {
  private static final List<String> LAYER_ANNOTATIONS = List.of(INPUT, DENSE, ACTIVATION, DROPOUT, BATCH_NORM, LAYER_NORM,
      GAUSSIAN_NOISE, DECAY, Annotations.CONV2D, Annotations.MAX_POOL, Annotations.AVG_POOL,
      Annotations.GLOBAL_AVG_POOL, Annotations.INSTANCE_NORM, Annotations.GROUP_NORM);

  private LayerFields() {}

  public static List<VariableElement> of(TypeElement model) {
    return ElementFilter.fieldsIn(model.getEnclosedElements()).stream()
        .filter(f -> !f.getModifiers().contains(Modifier.STATIC))
        .filter(f -> isLayerTyped(f) || LAYER_ANNOTATIONS.stream()
            .anyMatch(a -> Annotations.find(f, a).isPresent()))
        .toList();
  }

  static boolean isLayerTyped(VariableElement field) {
    return field.asType().getKind() == TypeKind.DECLARED
        && ((TypeElement) ((javax.lang.model.type.DeclaredType) field.asType()).asElement())
            .getQualifiedName().contentEquals(LAYER);
  }

  static boolean isLayerKind(VariableElement field) {
    return Annotations.find(field, INPUT).isPresent() || Annotations.find(field, DENSE).isPresent()
        || isImageLayer(field);
  }

  /** A convolution or a pooling layer. */
  static boolean isImageLayer(VariableElement field) {
    return Annotations.IMAGE_LAYERS.stream().anyMatch(a -> Annotations.find(field, a).isPresent());
  }

  static boolean isField(javax.lang.model.element.Element e) {
    return e.getKind() == ElementKind.FIELD;
  }
}
