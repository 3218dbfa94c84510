package dev.lamina.processor.model;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * A {@code @Model} class read once, before validation: the class, its {@code @Model} annotation
 * and its layer fields in source order. Validators and the {@link ModelReader} read this, never
 * the class's mirrors again.
 */
public record ModelDescriptor(TypeElement type, AnnotationMirror model, List<LayerDescriptor> layers) {
  public ModelDescriptor {
    layers = List.copyOf(layers);
  }

  /** The layer named {@code name}. */
  public Optional<LayerDescriptor> layer(String name) {
    return layers.stream().filter(l -> l.name().equals(name)).findFirst();
  }

  /** The last field: the model's output layer when the model is valid. */
  public Optional<LayerDescriptor> last() {
    return layers.isEmpty() ? Optional.empty() : Optional.of(layers.get(layers.size() - 1));
  }

  /** Whether an {@code @Add} reads {@code layer} directly: it is a residual branch or shortcut. */
  public boolean isSummed(LayerDescriptor layer) {
    return layers.stream().anyMatch(l -> l.kind().orElse(null) instanceof AddKind
        && l.inputs().contains(layer.name()));
  }
}
