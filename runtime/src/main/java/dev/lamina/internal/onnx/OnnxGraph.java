package dev.lamina.internal.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ONNX graph under construction, encoded as ONNX's {@code ModelProto} (onnx.proto, IR version
 * 8, default-domain opset 17). Node and tensor names are made unique here, so the exporter can
 * name them after the layers without worrying about clashes.
 */
public final class OnnxGraph {
  public static final int IR_VERSION = 8;
  public static final int OPSET = 17;
  /** The name of the batch dimension, left free so any batch size runs. */
  public static final String BATCH = "N";

  private static final int FLOAT = 1;
  private static final int INT64 = 7;
  private static final int ATTRIBUTE_FLOAT = 1;
  private static final int ATTRIBUTE_INT = 2;
  private static final int ATTRIBUTE_INTS = 7;

  /** An attribute of a node: a float, an int or a list of ints. */
  public record Attribute(String name, Object value) {
    public static Attribute of(String name, float value) {
      return new Attribute(name, value);
    }

    public static Attribute of(String name, long value) {
      return new Attribute(name, value);
    }

    public static Attribute ints(String name, long... values) {
      return new Attribute(name, values);
    }
  }

  private final List<Protobuf> nodes = new ArrayList<>();
  private final List<Protobuf> initializers = new ArrayList<>();
  private final Map<String, Integer> used = new LinkedHashMap<>();

  /** Keeps {@code name} for {@link #identity}: nodes named after layers get other names. */
  public void reserve(String name) {
    used.merge(name, 1, Integer::sum);
  }

  /** Adds an Identity node whose output is the reserved name {@code name}; returns it. */
  public String identity(String name, String input) {
    nodes.add(new Protobuf().string(1, input).string(2, name).string(3, name)
        .string(4, "Identity"));
    return name;
  }

  /** A fresh name starting with {@code base}. */
  public String name(String base) {
    int count = used.merge(base, 1, Integer::sum);
    return count == 1 ? base : base + "_" + count;
  }

  /** Adds a float constant of {@code dims} (row-major values) and returns its name. */
  public String floats(String base, long[] dims, float[] values) {
    ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    raw.asFloatBuffer().put(values);
    return constant(base, dims, FLOAT, raw.array());
  }

  /** Adds an int64 vector constant (a shape, for Reshape) and returns its name. */
  public String longs(String base, long... values) {
    ByteBuffer raw = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    raw.asLongBuffer().put(values);
    return constant(base, new long[] {values.length}, INT64, raw.array());
  }

  /** Adds a node with one output, named after {@code base}, and returns the output's name. */
  public String node(String opType, String base, List<String> inputs, Attribute... attributes) {
    String output = name(base);
    Protobuf node = new Protobuf();
    for (String input : inputs) {
      node.string(1, input);
    }
    node.string(2, output).string(3, output).string(4, opType);
    for (Attribute attribute : attributes) {
      node.message(5, attribute(attribute));
    }
    nodes.add(node);
    return output;
  }

  /**
   * The model: one float input {@code input} of shape ({@link #BATCH}, inputDims...), one float
   * output {@code output} of shape ({@link #BATCH}, outputSize), {@code producerVersion} as the
   * producer's version, and {@code metadata} as the model's metadata_props.
   */
  public byte[] encode(String graphName, String input, long[] inputDims, String output, long outputSize,
      String producerVersion, Map<String, String> metadata) {
    Protobuf graph = new Protobuf();
    nodes.forEach(node -> graph.message(1, node));
    graph.string(2, graphName);
    initializers.forEach(tensor -> graph.message(5, tensor));
    graph.message(11, valueInfo(input, inputDims));
    graph.message(12, valueInfo(output, new long[] {outputSize}));
    Protobuf model = new Protobuf()
        .integer(1, IR_VERSION)
        .string(2, "Lamina")
        .string(3, producerVersion)
        .message(7, graph)
        .message(8, new Protobuf().string(1, "").integer(2, OPSET));
    metadata.forEach((key, value) -> model.message(14, new Protobuf().string(1, key).string(2, value)));
    return model.toByteArray();
  }

  private String constant(String base, long[] dims, int dataType, byte[] raw) {
    String name = name(base);
    Protobuf tensor = new Protobuf();
    for (long dim : dims) {
      tensor.integer(1, dim);
    }
    initializers.add(tensor.integer(2, dataType).string(8, name).bytes(9, raw));
    return name;
  }

  private static Protobuf attribute(Attribute attribute) {
    Protobuf proto = new Protobuf().string(1, attribute.name());
    switch (attribute.value()) {
      case Float f -> proto.floatValue(2, f).integer(20, ATTRIBUTE_FLOAT);
      case Long i -> proto.integer(3, i).integer(20, ATTRIBUTE_INT);
      case long[] ints -> {
        for (long i : ints) {
          proto.integer(8, i);
        }
        proto.integer(20, ATTRIBUTE_INTS);
      }
      default -> throw new IllegalArgumentException("attribute " + attribute.name()
          + " must be a float, a long or a long[], got " + attribute.value().getClass());
    }
    return proto;
  }

  /** A float tensor's name and shape, the first dimension the free batch size. */
  private static Protobuf valueInfo(String name, long[] dims) {
    Protobuf shape = new Protobuf().message(1, new Protobuf().string(2, BATCH));
    for (long dim : dims) {
      shape.message(1, new Protobuf().integer(1, dim));
    }
    Protobuf tensorType = new Protobuf().integer(1, FLOAT).message(2, shape);
    return new Protobuf().string(1, name).message(2, new Protobuf().message(1, tensorType));
  }
}
