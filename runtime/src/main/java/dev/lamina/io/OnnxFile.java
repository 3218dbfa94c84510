package dev.lamina.io;

import dev.lamina.DropoutMode;
import dev.lamina.internal.layer.LayerOps;
import dev.lamina.internal.onnx.OnnxGraph;
import dev.lamina.internal.onnx.OnnxGraph.Attribute;
import dev.lamina.nn.InputScaling;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.Network;
import dev.lamina.nn.NormSpec;
import dev.lamina.nn.Shape;
import dev.lamina.nn.StateTensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exports a network's inference pass as an ONNX model, for ONNX Runtime and every other ONNX
 * engine. The graph computes what {@link Network#forwardInfer} computes: dropout off (classic
 * dropout's scaling by keep kept), noise off, batch normalization with the running statistics,
 * and the input scaling the model declares (its fitted statistics).
 * Its input {@code input} is a batch of rows as the network takes them, shaped (N, features) or,
 * for an image input, (N, C, H, W); its output {@code logits} is (N, outputs). N is left free.
 * The weights are those of the moment of export. See docs/deploy.md.
 */
public final class OnnxFile {
  /** The graph's input and output names. */
  public static final String INPUT = "input";
  /** The graph's output name: the logits, (N, outputs). */
  public static final String OUTPUT = "logits";

  private final OnnxGraph graph = new OnnxGraph();
  private final Map<String, ModelTensors.Slot> tensors = new LinkedHashMap<>();

  private OnnxFile(Network network) {
    graph.reserve(INPUT);   // a layer may be called "input" or "logits": its nodes get "logits_2"
    graph.reserve(OUTPUT);
    for (ModelTensors.Slot slot : ModelTensors.of(network)) {
      tensors.put(slot.name(), slot);
    }
  }

  /**
   * Writes the ONNX model of {@code network} to {@code file} atomically (see AtomicFiles).
   *
   * @param network the network, with the weights to export
   * @param file the {@code .onnx} file, replaced whole
   * @throws IOException if the file cannot be written; it is then left as it was
   */
  public static void save(Network network, Path file) throws IOException {
    AtomicFiles.write(file, toBytes(network));
  }

  /**
   * The ONNX model of {@code network}, as the bytes of a .onnx file.
   *
   * @param network the network, with the weights to export
   * @return the serialized ONNX {@code ModelProto}
   */
  public static byte[] toBytes(Network network) {
    return new OnnxFile(network).export(network);
  }

  private byte[] export(Network network) {
    List<LayerSpec> layers = network.spec().layers();
    LayerSpec input = layers.getFirst();
    long[] inputDims = input.isImage() ? dims(input.image().out()) : new long[] {input.units()};
    // Each layer's output tensor, by layer name: a layer reads the tensors its inputs name.
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put(input.name(), dropout(scaled(OnnxFile.INPUT, network, inputDims), input));
    for (int at = 1; at < layers.size(); at++) {
      LayerSpec layer = layers.get(at);
      List<String> in = layer.inputs().stream().map(outputs::get).toList();
      String x = LayerOps.of(layer.type()).onnx(graph, layer, in, network.spec().inputOf(at),
          suffix -> tensor(layer, suffix));
      outputs.put(layer.name(), dropout(normalizedAndActivated(x, layer), layer));
    }
    LayerSpec last = layers.getLast();
    String x = outputs.get(last.name());
    boolean image = last.isImage();
    if (image) {
      // Lamina's rows of an image layer are (H, W, C); ONNX's tensor is (C, H, W).
      x = graph.node("Flatten", "flat", List.of(graph.node("Transpose", "hwc", List.of(x),
          Attribute.ints("perm", 0, 2, 3, 1))), Attribute.of("axis", 1L));
    }
    String logits = graph.identity(OUTPUT, x);
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("lamina.model", network.spec().name());
    metadata.put("lamina.version", LaminaVersion.get());
    return graph.encode(network.spec().name(), INPUT, inputDims, logits, network.outputSize(),
        LaminaVersion.get(), metadata);
  }

  /**
   * The input scaling the network applies before its first layer ({@code @Standardize},
   * {@code @MinMaxScale}): (x − shift) / divisor per feature, the divisor 1 where a feature never
   * varied, exactly as {@code InputScaler} computes it.
   */
  private String scaled(String x, Network network, long[] inputDims) {
    InputScaling scaling = network.spec().inputScaling();
    if (scaling == InputScaling.NONE) {
      return x;
    }
    String input = network.spec().layers().getFirst().name();
    float[] shift = statistic(network, input + "." + scaling.shiftStatistic());
    float[] spread = statistic(network, input + "." + scaling.spreadStatistic());
    float[] divisor = new float[shift.length];
    for (int j = 0; j < divisor.length; j++) {
      float d = scaling == InputScaling.STANDARDIZE ? spread[j] : spread[j] - shift[j];
      divisor[j] = d > 0 ? d : 1f;
    }
    String centered = graph.node("Sub", input + "_centered",
        List.of(x, graph.floats(input + "_shift", inputDims, shift)));
    return graph.node("Div", input + "_scaled",
        List.of(centered, graph.floats(input + "_divisor", inputDims, divisor)));
  }

  private static float[] statistic(Network network, String name) {
    for (StateTensor s : network.state()) {
      if (s.name().equals(name)) {
        return s.values();
      }
    }
    throw new IllegalStateException("the network has no state tensor " + name);
  }

  /** The layer's normalization and activation, in the order its placement says. */
  private String normalizedAndActivated(String x, LayerSpec layer) {
    NormSpec norm = layer.norm();
    if (!norm.isPresent()) {
      return activation(x, layer);
    }
    return norm.beforeActivation()
        ? activation(normalization(x, layer), layer)
        : normalization(activation(x, layer), layer);
  }

  private String activation(String x, LayerSpec layer) {
    String name = layer.name() + "_" + layer.activation().name().toLowerCase(java.util.Locale.ROOT);
    return switch (layer.activation()) {
      case IDENTITY -> x;
      case RELU -> graph.node("Relu", name, List.of(x));
      case LEAKY_RELU -> graph.node("LeakyRelu", name, List.of(x),
          Attribute.of("alpha", (float) layer.slope()));
      case TANH -> graph.node("Tanh", name, List.of(x));
      case SIGMOID -> graph.node("Sigmoid", name, List.of(x));
      case ELU -> graph.node("Elu", name, List.of(x), Attribute.of("alpha", 1f));
      case SELU -> graph.node("Selu", name, List.of(x));
      case SOFTPLUS -> graph.node("Softplus", name, List.of(x));
      case HARDSWISH -> graph.node("HardSwish", name, List.of(x));
      case SILU -> graph.node("Mul", name, List.of(x, graph.node("Sigmoid", name + "_sigmoid",
          List.of(x))));
      case GELU -> gelu(x, name);
      case GELU_TANH -> geluTanh(x, name);
    };
  }

  /** x · (1 + tanh(√(2/π) · (x + 0.044715 · x³))) / 2, from Mul, Add and Tanh nodes. */
  private String geluTanh(String x, String name) {
    String cube = graph.node("Mul", name + "_cube", List.of(x,
        graph.node("Mul", name + "_square", List.of(x, x))));
    String inner = graph.node("Add", name + "_inner", List.of(x, graph.node("Mul",
        name + "_cubic", List.of(cube, scalar(name + "_kappa", 0.044715f)))));
    String tanh = graph.node("Tanh", name + "_tanh", List.of(graph.node("Mul", name + "_scaled",
        List.of(inner, scalar(name + "_beta", (float) Math.sqrt(2 / Math.PI))))));
    String plus = graph.node("Add", name + "_add", List.of(tanh, scalar(name + "_one", 1f)));
    String product = graph.node("Mul", name + "_mul", List.of(x, plus));
    return graph.node("Mul", name, List.of(product, scalar(name + "_half", 0.5f)));
  }

  private String scalar(String name, float value) {
    return graph.floats(name, new long[0], new float[] {value});
  }

  /** x · (1 + erf(x / √2)) / 2, as PyTorch exports the exact GELU before opset 20. */
  private String gelu(String x, String name) {
    String scaled = graph.node("Div", name + "_div", List.of(x,
        graph.floats(name + "_sqrt2", new long[0], new float[] {(float) Math.sqrt(2)})));
    String erf = graph.node("Erf", name + "_erf", List.of(scaled));
    String plus = graph.node("Add", name + "_add", List.of(erf,
        graph.floats(name + "_one", new long[0], new float[] {1f})));
    String product = graph.node("Mul", name + "_mul", List.of(x, plus));
    return graph.node("Mul", name, List.of(product,
        graph.floats(name + "_half", new long[0], new float[] {0.5f})));
  }

  private String normalization(String x, LayerSpec layer) {
    NormSpec norm = layer.norm();
    Attribute epsilon = Attribute.of("epsilon", (float) norm.eps());
    String name = layer.name() + "_" + norm.kind().name().toLowerCase(java.util.Locale.ROOT);
    return switch (norm.kind()) {
      case NONE -> x;
      case BATCH -> graph.node("BatchNormalization", name, List.of(x, tensor(layer, "gamma"),
          tensor(layer, "beta"), tensor(layer, "running_mean"), tensor(layer, "running_var")),
          epsilon);
      // γ and β have the normalized axes' shape: (units), or (C, H, W) of an image.
      case LAYER -> graph.node("LayerNormalization", name,
          List.of(x, tensor(layer, "gamma"), tensor(layer, "beta")), Attribute.of("axis", 1L),
          epsilon);
      case INSTANCE -> graph.node("InstanceNormalization", name,
          List.of(x, tensor(layer, "gamma"), tensor(layer, "beta")), epsilon);
      case GROUP -> groupNorm(x, layer, name, epsilon);
    };
  }

  /**
   * Group normalization as PyTorch exports it for opset 17: each sample's groups normalized by
   * InstanceNormalization on (N, G, C/G·H·W), then the per-channel γ and β.
   */
  private String groupNorm(String x, LayerSpec layer, String name, Attribute epsilon) {
    Shape out = layer.image().out();
    int groups = layer.norm().groups();
    float[] ones = new float[groups];
    java.util.Arrays.fill(ones, 1f);
    String grouped = graph.node("Reshape", name + "_groups",
        List.of(x, graph.longs(name + "_group_shape", 0, groups, -1)));
    String normalized = graph.node("InstanceNormalization", name + "_normalized",
        List.of(grouped, graph.floats(name + "_ones", new long[] {groups}, ones),
            graph.floats(name + "_zeros", new long[] {groups}, new float[groups])), epsilon);
    String image = graph.node("Reshape", name + "_image",
        List.of(normalized, graph.longs(name + "_image_shape", 0, out.channels(), out.height(),
            out.width())));
    long[] perChannel = {out.channels(), 1, 1};
    String scaled = graph.node("Mul", name + "_scaled",
        List.of(image, graph.floats(layer.name() + ".gamma", perChannel, values(layer, "gamma"))));
    return graph.node("Add", name, List.of(scaled,
        graph.floats(layer.name() + ".beta", perChannel, values(layer, "beta"))));
  }

  /** Inference-time dropout: inverted dropout is the identity, classic scales by keep. */
  private String dropout(String x, LayerSpec layer) {
    if (layer.keep() >= 1 || layer.dropoutMode() == DropoutMode.INVERTED) {
      return x;
    }
    return graph.node("Mul", layer.name() + "_keep", List.of(x,
        graph.floats(layer.name() + "_keep_scale", new long[0], new float[] {(float) layer.keep()})));
  }

  /** The layer's tensor {@code suffix} as an initializer in PyTorch's layout, by its file name. */
  private String tensor(LayerSpec layer, String suffix) {
    ModelTensors.Slot slot = slot(layer, suffix);
    long[] dims = new long[slot.fileShape().length];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = slot.fileShape()[i];
    }
    return graph.floats(slot.name(), dims, slot.toFile());
  }

  private float[] values(LayerSpec layer, String suffix) {
    return slot(layer, suffix).toFile();
  }

  private ModelTensors.Slot slot(LayerSpec layer, String suffix) {
    ModelTensors.Slot slot = tensors.get(layer.name() + "." + suffix);
    if (slot == null) {
      throw new IllegalStateException("layer " + layer.name() + " has no tensor " + suffix
          + "; the network's tensors are " + tensors.keySet());
    }
    return slot;
  }

  private static long[] dims(Shape shape) {
    return new long[] {shape.channels(), shape.height(), shape.width()};
  }
}
