package dev.lamina.processor.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;

/**
 * One layer field of a model class, read once and tolerantly: whatever its annotations say, valid
 * or not, with their mirrors kept so that a diagnostic lands on the value that causes it.
 *
 * @param kinds the layer kinds its annotations give; a valid layer has exactly one
 * @param inputs the names of the layers it reads; by default the field above it (none for the
 *     first field)
 * @param annotations every Lamina annotation on the field, by qualified name
 */
public record LayerDescriptor(VariableElement field, List<LayerKind> kinds, List<String> inputs,
    Map<String, AnnotationMirror> annotations) {
  public LayerDescriptor {
    kinds = List.copyOf(kinds);
    inputs = List.copyOf(inputs);
    annotations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(annotations));
  }

  public String name() {
    return field.getSimpleName().toString();
  }

  /** The annotation named {@code qualifiedName} on the field, if it has one. */
  public Optional<AnnotationMirror> find(String qualifiedName) {
    return Optional.ofNullable(annotations.get(qualifiedName));
  }

  /** The layer's kind: its first kind annotation's; empty when it has none. */
  public Optional<LayerKind> kind() {
    return kinds.stream().findFirst();
  }

  /** Whether an annotation makes it a layer of some kind (input, dense, convolution, pooling). */
  public boolean isLayerKind() {
    return !kinds.isEmpty();
  }

  /** Whether it is a layer with weights: dense or convolution. */
  public boolean hasWeights() {
    return kind().map(LayerKind::hasWeights).orElse(false);
  }

  /** Whether it is the model's input. */
  public boolean isInput() {
    return kind().orElse(null) instanceof InputKind;
  }
}
