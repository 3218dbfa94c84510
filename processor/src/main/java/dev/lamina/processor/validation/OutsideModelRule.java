package dev.lamina.processor.validation;

import dev.lamina.processor.model.Annotations;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Rule [Lamina/LayerOutsideModel]: layer annotations on a field of a class without {@code @Model}
 * generate nothing, so they are a warning on the field (most likely {@code @Model} was forgotten).
 */
public final class OutsideModelRule {
  private OutsideModelRule() {}

  /** The warning for {@code element} if it is a field with a layer annotation outside a model. */
  public static ValidationReport check(Element element) {
    ValidationReport report = new ValidationReport();
    if (!(element instanceof VariableElement field) || field.getKind() != ElementKind.FIELD) {
      return report;
    }
    Element owner = field.getEnclosingElement();
    if (!(owner instanceof TypeElement type) || Annotations.find(type, Annotations.MODEL).isPresent()) {
      return report;
    }
    StaticLayerRule.layerAnnotation(field).ifPresent(a -> report.warning(
        String.format(Messages.LAYER_OUTSIDE_MODEL, field.getSimpleName(),
            a.getAnnotationType().asElement().getSimpleName(), type.getSimpleName()),
        field, a, null));
    return report;
  }
}
