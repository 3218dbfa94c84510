package dev.lamina.processor.writing;

/** Each kind of layer's writer: the one line a new kind adds to the generator. */
final class LayerWriters {
  private LayerWriters() {}

  /** The writer of layer {@code n} of {@code graph}, whose pass statements use {@code calls}. */
  static LayerWriter of(LayerNames n, LayerGraph graph, PassCalls calls) {
    return switch (n.layer().type()) {
      case INPUT -> new InputWriter(n);
      case DENSE -> new DenseWriter(n, calls);
      case CONV -> new ConvWriter(n, calls);
      case MAX_POOL, AVG_POOL, GLOBAL_AVG_POOL -> new PoolWriter(n, calls);
      case ADD, CONCAT -> new MergeWriter(n, graph, calls);
    };
  }
}
