package dev.lamina.processor.validation;

import javax.lang.model.element.Element;

/** {@code @SuppressWarnings("lamina:<Id>")} on an element or any element enclosing it. */
final class Suppressions {
  private Suppressions() {}

  static boolean isSuppressed(Element element, String message) {
    String key = "lamina:" + id(message);
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      SuppressWarnings s = e.getAnnotation(SuppressWarnings.class);
      if (s != null) {
        for (String v : s.value()) {
          if (v.equals(key) || v.equals("lamina")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** "[Lamina/DropoutKeep] ..." → "DropoutKeep". */
  static String id(String message) {
    int start = message.indexOf('/') + 1;
    int end = message.indexOf(']');
    return start > 0 && end > start ? message.substring(start, end) : "";
  }
}
