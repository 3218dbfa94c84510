package dev.lamina.processor.model;

import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * The names of Lamina's annotations, and reading their values from mirrors, so that problems can
 * be reported on the value itself. Which annotations make a layer is {@link LayerKinds}'.
 */
public final class Annotations {
  public static final String PACKAGE = "dev.lamina";
  public static final String MODEL = PACKAGE + ".Model";
  public static final String INPUT = PACKAGE + ".Input";
  public static final String DENSE = PACKAGE + ".Dense";
  public static final String BIAS_INIT = PACKAGE + ".BiasInit";
  public static final String ACTIVATION = PACKAGE + ".Activation";
  public static final String DROPOUT = PACKAGE + ".Dropout";
  public static final String BATCH_NORM = PACKAGE + ".BatchNorm";
  public static final String LAYER_NORM = PACKAGE + ".LayerNorm";
  public static final String GAUSSIAN_NOISE = PACKAGE + ".GaussianNoise";
  public static final String DECAY = PACKAGE + ".Decay";
  public static final String LAYER = PACKAGE + ".Layer";
  public static final String CONV2D = PACKAGE + ".Conv2d";
  public static final String MAX_POOL = PACKAGE + ".MaxPool2d";
  public static final String AVG_POOL = PACKAGE + ".AvgPool2d";
  public static final String GLOBAL_AVG_POOL = PACKAGE + ".GlobalAvgPool2d";
  public static final String INSTANCE_NORM = PACKAGE + ".InstanceNorm";
  public static final String GROUP_NORM = PACKAGE + ".GroupNorm";
  public static final String STANDARDIZE = PACKAGE + ".Standardize";
  public static final String MIN_MAX_SCALE = PACKAGE + ".MinMaxScale";
  public static final String FROM = PACKAGE + ".From";
  public static final String ADD = PACKAGE + ".Add";
  public static final String CONCAT = PACKAGE + ".Concat";

  private Annotations() {}

  public static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /** The value of {@code name}, or its default when the source does not give it. */
  public static AnnotationValue value(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue();
      }
    }
    for (Element member : mirror.getAnnotationType().asElement().getEnclosedElements()) {
      if (member instanceof ExecutableElement method && method.getSimpleName().contentEquals(name)) {
        return method.getDefaultValue();
      }
    }
    throw new IllegalArgumentException(
        mirror.getAnnotationType() + " has no member named " + name);
  }

  /** Whether the source writes {@code name} explicitly. */
  public static boolean isExplicit(AnnotationMirror mirror, String name) {
    return mirror.getElementValues().keySet().stream()
        .anyMatch(key -> key.getSimpleName().contentEquals(name));
  }

  public static int intValue(AnnotationMirror mirror, String name) {
    return ((Number) value(mirror, name).getValue()).intValue();
  }

  public static double doubleValue(AnnotationMirror mirror, String name) {
    return ((Number) value(mirror, name).getValue()).doubleValue();
  }

  public static boolean booleanValue(AnnotationMirror mirror, String name) {
    return (Boolean) value(mirror, name).getValue();
  }

  /** The strings of a {@code String[]} member, each with its value (for diagnostics on it). */
  public static java.util.List<AnnotationValue> arrayValue(AnnotationMirror mirror, String name) {
    Object v = value(mirror, name).getValue();
    @SuppressWarnings("unchecked")
    java.util.List<AnnotationValue> values = v instanceof java.util.List<?> list
        ? (java.util.List<AnnotationValue>) list : java.util.List.of(value(mirror, name));
    return values;
  }

  /** The constant name of an enum-valued member, e.g. {@code "RELU"}. */
  public static String enumValue(AnnotationMirror mirror, String name) {
    return ((VariableElement) value(mirror, name).getValue()).getSimpleName().toString();
  }
}
