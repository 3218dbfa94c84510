package dev.lamina.internal.layer;

import dev.lamina.nn.LayerSpec;
import java.util.EnumMap;
import java.util.Map;

/** Each {@link LayerSpec.Type}'s op: the one line a new kind of layer adds in the runtime. */
public final class LayerOps {
  /** The ops are stateless: one of each, made when the class loads. */
  private static final Map<LayerSpec.Type, LayerOp> OPS = new EnumMap<>(LayerSpec.Type.class);

  static {
    for (LayerSpec.Type type : LayerSpec.Type.values()) {
      OPS.put(type, make(type));
    }
  }

  private LayerOps() {}

  private static LayerOp make(LayerSpec.Type type) {
    return switch (type) {
      case INPUT -> new InputOp();
      case DENSE -> new DenseOp();
      case CONV -> new ConvOp();
      case MAX_POOL -> new MaxPoolOp();
      case AVG_POOL -> new AvgPoolOp();
      case GLOBAL_AVG_POOL -> new GlobalAvgPoolOp();
      case ADD -> new AddOp();
      case CONCAT -> new ConcatOp();
    };
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
