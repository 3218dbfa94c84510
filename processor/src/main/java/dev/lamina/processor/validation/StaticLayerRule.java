package dev.lamina.processor.validation;

import dev.lamina.processor.model.LayerKinds;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * Rule [Lamina/StaticLayer]: a static field with a layer annotation is an error on it, not a layer
 * left out of the network without a word. (A non-{@code Layer} instance field with one is a layer
 * of the wrong type: {@link LayerFieldRule}.)
 */
final class StaticLayerRule {
  private StaticLayerRule() {}

  static void check(TypeElement model, ValidationReport report) {
    for (VariableElement field : ElementFilter.fieldsIn(model.getEnclosedElements())) {
      if (field.getModifiers().contains(Modifier.STATIC)) {
        layerAnnotation(field).ifPresent(a -> report.error(
            String.format(Messages.STATIC_LAYER, field.getSimpleName()), field, a, null));
      }
    }
  }

  /** The field's first layer annotation (a kind's or a modifier's), if it has one. */
  static Optional<AnnotationMirror> layerAnnotation(Element field) {
    for (AnnotationMirror mirror : field.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (LayerKinds.isLayerAnnotation(type.getQualifiedName().toString())) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }
}
