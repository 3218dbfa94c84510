package dev.lamina.processor.writing;

import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The names of the fields and methods a generated network inherits from {@code GeneratedNetwork}
 * (and its supertypes), read from the class the compiler sees, so that a runtime change can never
 * make a layer's member hide or override one of them.
 */
public record InheritedNames(Set<String> fields, Set<String> methods) {
  public static InheritedNames of(Elements elements) {
    TypeElement base = elements.getTypeElement(Names.GENERATED_NETWORK.canonicalName());
    if (base == null) {
      return new InheritedNames(Set.of(), Set.of());
    }
    return new InheritedNames(names(elements, base, ElementKind.FIELD),
        names(elements, base, ElementKind.METHOD));
  }

  private static Set<String> names(Elements elements, TypeElement base, ElementKind kind) {
    return elements.getAllMembers(base).stream()
        .filter(e -> e.getKind() == kind)
        .map(Element::getSimpleName)
        .map(Object::toString)
        .collect(Collectors.toUnmodifiableSet());
  }
}
