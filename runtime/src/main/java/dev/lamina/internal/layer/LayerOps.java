package dev.lamina.internal.layer;

import dev.lamina.nn.LayerSpec;
import java.util.EnumMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Each {@link LayerSpec.Type}'s op. Ops register themselves ({@code @AutoService(LayerOp.class)}
 * on the op's class), so a new kind of layer adds no line here.
 */
public final class LayerOps {
  /** The ops are stateless: one of each, found when the class loads. */
  private static final Map<LayerSpec.Type, LayerOp> OPS = load();

  private LayerOps() {}

  private static Map<LayerSpec.Type, LayerOp> load() {
    Map<LayerSpec.Type, LayerOp> ops = new EnumMap<>(LayerSpec.Type.class);
    for (LayerOp op : ServiceLoader.load(LayerOp.class, LayerOp.class.getClassLoader())) {
      LayerOp other = ops.putIfAbsent(op.type(), op);
      if (other != null) {
        throw new IllegalStateException("two ops compute " + op.type() + " layers: "
            + other.getClass().getName() + " and " + op.getClass().getName());
      }
    }
    for (LayerSpec.Type type : LayerSpec.Type.values()) {
      if (!ops.containsKey(type)) {
        throw new IllegalStateException("no op computes " + type + " layers: give the kind a"
            + " LayerOp annotated @AutoService(LayerOp.class)");
      }
    }
    return ops;
  }

  /**
   * The op of {@code type}.
   *
   * @param type a layer type
   * @return its op
   */
  public static LayerOp of(LayerSpec.Type type) {
    return OPS.get(type);
  }

  /**
   * The op of {@code layer}'s type, as a weighted op.
   *
   * @param layer a layer with a weight
   * @return its op
   * @throws IllegalArgumentException if the layer's kind has no weight
   */
  public static WeightedOp weighted(LayerSpec layer) {
    if (of(layer.type()) instanceof WeightedOp op) {
      return op;
    }
    throw new IllegalArgumentException("layer " + layer.name() + " (" + layer.type()
        + ") has no weight");
  }
}
