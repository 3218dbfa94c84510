package dev.lamina.processor.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.lang.model.element.AnnotationMirror;

/**
 * The one list of layer annotations: the kinds (one per layer) and the annotations that modify a
 * layer of any kind. Adding a layer kind adds its line to {@link #KINDS}.
 */
public final class LayerKinds {
  /** Each kind's annotation and how to read it, in the order a field with two is read. */
  private static final Map<String, Function<AnnotationMirror, LayerKind>> KINDS = kinds();

  /** Annotations that add to a layer of some kind: normalization, activation, regularization. */
  public static final List<String> MODIFIERS = List.of(Annotations.ACTIVATION,
      Annotations.DROPOUT, Annotations.BATCH_NORM, Annotations.LAYER_NORM,
      Annotations.GAUSSIAN_NOISE, Annotations.DECAY, Annotations.INSTANCE_NORM,
      Annotations.GROUP_NORM, Annotations.FROM);

  private LayerKinds() {}

  private static Map<String, Function<AnnotationMirror, LayerKind>> kinds() {
    Map<String, Function<AnnotationMirror, LayerKind>> kinds = new LinkedHashMap<>();
    kinds.put(Annotations.INPUT, InputKind::new);
    kinds.put(Annotations.DENSE, DenseKind::new);
    kinds.put(Annotations.CONV2D, ConvKind::new);
    kinds.put(Annotations.MAX_POOL, m -> new PoolKind(m, true));
    kinds.put(Annotations.AVG_POOL, m -> new PoolKind(m, false));
    kinds.put(Annotations.GLOBAL_AVG_POOL, GlobalAvgPoolKind::new);
    kinds.put(Annotations.ADD, AddKind::new);
    kinds.put(Annotations.CONCAT, ConcatKind::new);
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

  /** The kinds whose annotations are in {@code annotations}, in {@link #KINDS}' order. */
  static List<LayerKind> of(Map<String, AnnotationMirror> annotations) {
    List<LayerKind> kinds = new ArrayList<>();
    KINDS.forEach((name, read) ->
        Optional.ofNullable(annotations.get(name)).map(read).ifPresent(kinds::add));
    return List.copyOf(kinds);
  }
}
