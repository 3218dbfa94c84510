package dev.lamina.processor.validation;

import static dev.lamina.processor.model.Annotations.doubleValue;
import static dev.lamina.processor.model.Annotations.enumValue;
import static dev.lamina.processor.model.Annotations.isExplicit;
import static dev.lamina.processor.model.Annotations.value;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;

/**
 * Checks the parameters of one initializer, on {@code @Dense} (weights) or {@code @BiasInit}:
 * a normal's std is positive, a uniform's bounds are ordered, and no parameter is set that the
 * chosen initializer does not read.
 */
final class InitParameters {
  private static final Set<String> SCALED = Set.of(
      "AUTO", "XAVIER", "XAVIER_UNIFORM", "LECUN", "LECUN_UNIFORM", "HE", "HE_UNIFORM");

  /** Each parameter, the initializers that read it, and how the message names them. */
  private record Reader(Set<String> inits, String names) {}

  private static final Map<String, Reader> READERS = readers();

  private InitParameters() {}

  private static Map<String, Reader> readers() {
    Map<String, Reader> m = new LinkedHashMap<>();
    Reader normals = new Reader(Set.of("NORMAL", "TRUNCATED_NORMAL"), "NORMAL and TRUNCATED_NORMAL");
    m.put("mean", normals);
    m.put("std", normals);
    m.put("low", new Reader(Set.of("UNIFORM"), "UNIFORM"));
    m.put("high", new Reader(Set.of("UNIFORM"), "UNIFORM"));
    m.put("constant", new Reader(Set.of("CONSTANT"), "CONSTANT"));
    m.put("fanMode", new Reader(SCALED, "AUTO, XAVIER, LECUN, HE and their _UNIFORM forms"));
    Set<String> gained = new java.util.HashSet<>(SCALED);
    gained.add("ORTHOGONAL");
    m.put("gain", new Reader(Set.copyOf(gained),
        "AUTO, XAVIER, LECUN, HE, their _UNIFORM forms and ORTHOGONAL"));
    return m;
  }

  /** Checks {@code mirror}, whose member {@code initMember} names the initializer. */
  static void check(VariableElement field, AnnotationMirror mirror, String initMember,
      ValidationReport report) {
    String init = enumValue(mirror, initMember);
    if (init.equals("NORMAL") || init.equals("TRUNCATED_NORMAL")) {
      double std = doubleValue(mirror, "std");
      if (!(std > 0)) {
        report.error(String.format(Messages.NORMAL_STD, std), field, mirror,
            value(mirror, isExplicit(mirror, "std") ? "std" : initMember));
      }
    }
    if (init.equals("UNIFORM")) {
      double low = doubleValue(mirror, "low");
      double high = doubleValue(mirror, "high");
      if (!(low < high)) {
        String at = isExplicit(mirror, "low") ? "low" : isExplicit(mirror, "high") ? "high" : initMember;
        report.error(String.format(Messages.UNIFORM_BOUNDS, low, high), field, mirror,
            value(mirror, at));
      }
    }
    for (Map.Entry<String, Reader> e : READERS.entrySet()) {
      String member = e.getKey();
      if (isExplicit(mirror, member) && !e.getValue().inits().contains(init)) {
        report.warning(String.format(Messages.INIT_PARAM_UNUSED, member, init,
            e.getValue().names(), member), field, mirror, value(mirror, member));
      }
    }
  }
}
