package dev.lamina.processor.writing;

import dev.lamina.nn.LayerSpec;
import java.util.EnumMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Each type of layer's writer. A writer registers its {@link Factory} in its own file ({@code
 * @AutoService(LayerWriters.Factory.class)}), so a new kind adds no line here.
 */
final class LayerWriters {
  /** Makes the writers of one or more {@link LayerSpec.Type}s. */
  public abstract static class Factory {
    private final Set<LayerSpec.Type> types;

    protected Factory(Set<LayerSpec.Type> types) {
      this.types = Set.copyOf(types);
    }

    /** The writer of layer {@code n} of {@code graph}, whose pass statements use {@code calls}. */
    abstract LayerWriter writer(LayerNames n, LayerGraph graph, PassCalls calls);
  }

  private static final Map<LayerSpec.Type, Factory> FACTORIES = load();

  private LayerWriters() {}

  private static Map<LayerSpec.Type, Factory> load() {
    Map<LayerSpec.Type, Factory> factories = new EnumMap<>(LayerSpec.Type.class);
    for (Factory factory : ServiceLoader.load(Factory.class, Factory.class.getClassLoader())) {
      for (LayerSpec.Type type : factory.types) {
        Factory other = factories.putIfAbsent(type, factory);
        if (other != null) {
          throw new IllegalStateException("two writers of " + type + " layers: "
              + other.getClass().getName() + " and " + factory.getClass().getName());
        }
      }
    }
    for (LayerSpec.Type type : LayerSpec.Type.values()) {
      if (!factories.containsKey(type)) {
        throw new IllegalStateException("no writer of " + type + " layers: give the kind a"
            + " LayerWriters.Factory annotated @AutoService(LayerWriters.Factory.class)");
      }
    }
    return factories;
  }

  /** The writer of layer {@code n} of {@code graph}, whose pass statements use {@code calls}. */
  static LayerWriter of(LayerNames n, LayerGraph graph, PassCalls calls) {
    return FACTORIES.get(n.layer().type()).writer(n, graph, calls);
  }
}
