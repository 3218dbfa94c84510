package dev.lamina.processor;

import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Whether a model's network may carry {@code @javax.annotation.processing.Generated}: a model in a
 * named module that does not read {@code java.compiler} cannot see it, and its network would not
 * compile (Dagger's {@code GeneratedAnnotations} asks the same). On the class path it always can.
 */
final class GeneratedAnnotation {
  private static final String NAME = "javax.annotation.processing.Generated";

  private GeneratedAnnotation() {}

  static boolean visibleFrom(Elements elements, TypeElement model) {
    ModuleElement module = elements.getModuleOf(model);
    TypeElement generated = module == null || module.isUnnamed()
        ? elements.getTypeElement(NAME)
        : elements.getTypeElement(module, NAME);
    return generated != null;
  }
}
