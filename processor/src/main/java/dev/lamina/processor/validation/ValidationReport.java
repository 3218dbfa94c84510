package dev.lamina.processor.validation;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * What validation found, each item attached to the element, annotation and annotation value it is
 * about, so that an IDE underlines {@code keep = 1.5} rather than the class.
 */
public final class ValidationReport {
  private final List<Item> items = new ArrayList<>();

  public record Item(
      Diagnostic.Kind kind, String message, Element element, AnnotationMirror annotation,
      AnnotationValue value) {}

  public void error(String message, Element element, AnnotationMirror annotation, AnnotationValue value) {
    items.add(new Item(Diagnostic.Kind.ERROR, message, element, annotation, value));
  }

  public void error(String message, Element element) {
    error(message, element, null, null);
  }

  /** A warning, unless the element or an enclosing one carries {@code @SuppressWarnings("lamina:<Id>")}. */
  public void warning(String message, Element element, AnnotationMirror annotation, AnnotationValue value) {
    if (!Suppressions.isSuppressed(element, message)) {
      items.add(new Item(Diagnostic.Kind.WARNING, message, element, annotation, value));
    }
  }

  /** Advice, printed as a note, unless suppressed as a warning would be. */
  public void note(String message, Element element, AnnotationMirror annotation, AnnotationValue value) {
    if (!Suppressions.isSuppressed(element, message)) {
      items.add(new Item(Diagnostic.Kind.NOTE, message, element, annotation, value));
    }
  }

  public boolean isClean() {
    return items.stream().noneMatch(i -> i.kind() == Diagnostic.Kind.ERROR);
  }

  public List<Item> items() {
    return List.copyOf(items);
  }

  public void printTo(Messager messager) {
    for (Item i : items) {
      if (i.annotation() == null) {
        messager.printMessage(i.kind(), i.message(), i.element());
      } else if (i.value() == null) {
        messager.printMessage(i.kind(), i.message(), i.element(), i.annotation());
      } else {
        messager.printMessage(i.kind(), i.message(), i.element(), i.annotation(), i.value());
      }
    }
  }
}
