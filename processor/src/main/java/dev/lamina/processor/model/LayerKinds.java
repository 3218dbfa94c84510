package dev.lamina.processor.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import javax.lang.model.element.AnnotationMirror;

/**
 * The layer annotations: the kinds (one per layer), found from their {@link KindReader}s, and the
 * annotations that modify a layer of any kind.
 */
public final class LayerKinds {
  /** Each kind's annotation and its reader, found when the class loads. */
  private static final Map<String, KindReader> KINDS = load();

  /** Annotations that add to a layer of some kind: normalization, activation, regularization. */
  public static final List<String> MODIFIERS = List.of(Annotations.ACTIVATION,
      Annotations.DROPOUT, Annotations.BATCH_NORM, Annotations.LAYER_NORM,
      Annotations.GAUSSIAN_NOISE, Annotations.DECAY, Annotations.INSTANCE_NORM,
      Annotations.GROUP_NORM, Annotations.FROM);

  private LayerKinds() {}

  private static Map<String, KindReader> load() {
    Map<String, KindReader> kinds = new LinkedHashMap<>();
    for (KindReader reader : ServiceLoader.load(KindReader.class, KindReader.class.getClassLoader())) {
      KindReader other = kinds.putIfAbsent(reader.annotation(), reader);
      if (other != null) {
        throw new IllegalStateException("two readers of @" + reader.annotation() + ": "
            + other.getClass().getName() + " and " + reader.getClass().getName());
      }
    }
    return kinds;
  }

  /** The qualified names of the annotations that make a field a layer of some kind. */
  public static List<String> kindAnnotations() {
    return List.copyOf(KINDS.keySet());
  }

  /** Whether {@code qualifiedName} is a kind's or a modifier's annotation. */
  public static boolean isLayerAnnotation(String qualifiedName) {
    return KINDS.containsKey(qualifiedName) || MODIFIERS.contains(qualifiedName);
  }

  /** The kinds whose annotations are in {@code annotations}, in their order on the field. */
  static List<LayerKind> of(Map<String, AnnotationMirror> annotations) {
    List<LayerKind> kinds = new ArrayList<>();
    annotations.forEach((name, mirror) -> {
      KindReader reader = KINDS.get(name);
      if (reader != null) {
        kinds.add(reader.read(mirror));
      }
    });
    return List.copyOf(kinds);
  }
}
