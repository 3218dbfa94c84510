package dev.lamina.processor.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;

/** Reads a {@code @Model} class into its {@link ModelDescriptor}: the one place that reads mirrors. */
public final class ModelDescriptors {
  private ModelDescriptors() {}

  public static ModelDescriptor read(TypeElement type) {
    AnnotationMirror model = Annotations.find(type, Annotations.MODEL).orElseThrow();
    List<LayerDescriptor> layers = new ArrayList<>();
    String previous = null;
    for (VariableElement field : layerFields(type)) {
      Map<String, AnnotationMirror> annotations = laminaAnnotations(field);
      List<LayerKind> kinds = LayerKinds.of(annotations);
      layers.add(new LayerDescriptor(field, kinds, inputs(kinds, annotations, previous),
          annotations));
      previous = field.getSimpleName().toString();
    }
    return new ModelDescriptor(type, model, layers);
  }

  /**
   * The layers a field reads: those a merge names, the one {@code @From} names, or else the field
   * above it ({@code previous}; none for the first field), which makes a chain the default.
   */
  private static List<String> inputs(List<LayerKind> kinds, Map<String, AnnotationMirror> annotations,
      String previous) {
    if (!kinds.isEmpty() && kinds.get(0) instanceof MergeKind merge) {
      return merge.inputs();
    }
    AnnotationMirror from = annotations.get(Annotations.FROM);
    if (from != null && (kinds.isEmpty() || !(kinds.get(0) instanceof InputKind))) {
      return List.of(String.valueOf(Annotations.value(from, "value").getValue()));
    }
    return previous == null ? List.of() : List.of(previous);
  }

  /** Instance fields typed {@code Layer} or carrying a layer annotation, in source order. */
  private static List<VariableElement> layerFields(TypeElement type) {
    return ElementFilter.fieldsIn(type.getEnclosedElements()).stream()
        .filter(f -> !f.getModifiers().contains(Modifier.STATIC))
        .filter(f -> isLayerTyped(f) || laminaAnnotations(f).keySet().stream()
            .anyMatch(LayerKinds::isLayerAnnotation))
        .toList();
  }

  /** Whether the field's type is {@code dev.lamina.Layer}. */
  public static boolean isLayerTyped(VariableElement field) {
    return field.asType().getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) field.asType()).asElement())
            .getQualifiedName().contentEquals(Annotations.LAYER);
  }

  private static Map<String, AnnotationMirror> laminaAnnotations(VariableElement field) {
    Map<String, AnnotationMirror> found = new LinkedHashMap<>();
    for (AnnotationMirror mirror : field.getAnnotationMirrors()) {
      String name = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName()
          .toString();
      if (name.startsWith(Annotations.PACKAGE + ".")) {
        found.putIfAbsent(name, mirror);
      }
    }
    return found;
  }
}
