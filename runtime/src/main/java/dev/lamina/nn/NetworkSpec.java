package dev.lamina.nn;

import dev.lamina.Loss;
import dev.lamina.internal.layer.LayerOps;
import dev.lamina.internal.layer.WeightedOp;
import java.util.List;

/**
 * A whole model as the runtime sees it: the layers in order (the first is the input), the loss,
 * and how the input is scaled before the first layer ({@link InputScaling}). The loss's settings
 * are {@code labelSmoothing} (softmax cross-entropy) and {@code huberDelta} (the Huber loss's δ, 1
 * unless {@link #withHuberDelta} says otherwise). Generated networks expose theirs as {@code
 * SPEC}. Each layer names the layers it reads ({@link LayerSpec#inputs});
 * a layer that names none reads the layer above it, and is stored with that name written in.
 *
 * @param name the model's name (its class's simple name)
 * @param loss the training loss, on the last layer's output
 * @param labelSmoothing ε of softmax cross-entropy, in [0, 1)
 * @param layers the layers in order, the input first
 * @param inputScaling how the input is scaled before the first layer
 * @param huberDelta δ of the Huber loss, > 0
 */
public record NetworkSpec(String name, Loss loss, double labelSmoothing, List<LayerSpec> layers,
    InputScaling inputScaling, double huberDelta) {
  /** The Huber loss's δ unless a model says otherwise: PyTorch's default. */
  public static final double DEFAULT_HUBER_DELTA = 1.0;

  /**
   * A model without input scaling.
   *
   * @param name the model's name
   * @param loss the training loss
   * @param labelSmoothing ε, in [0, 1)
   * @param layers the layers in order, the input first
   */
  public NetworkSpec(String name, Loss loss, double labelSmoothing, List<LayerSpec> layers) {
    this(name, loss, labelSmoothing, layers, InputScaling.NONE);
  }

  /**
   * A model whose loss, if Huber, has the default δ.
   *
   * @param name the model's name
   * @param loss the training loss
   * @param labelSmoothing ε, in [0, 1)
   * @param layers the layers in order, the input first
   * @param inputScaling how the input is scaled
   */
  public NetworkSpec(String name, Loss loss, double labelSmoothing, List<LayerSpec> layers,
      InputScaling inputScaling) {
    this(name, loss, labelSmoothing, layers, inputScaling, DEFAULT_HUBER_DELTA);
  }

  /**
   * Names every layer's inputs and checks the model.
   *
   * @throws IllegalArgumentException if the first layer is not the input, an input is not an
   *     earlier layer, two layers share a name, or a loss setting is out of range
   */
  public NetworkSpec {
    java.util.Objects.requireNonNull(inputScaling, "inputScaling");
    if (layers.isEmpty() || layers.get(0).type() != LayerSpec.Type.INPUT) {
      throw new IllegalArgumentException("the first layer of " + name + " must be the input");
    }
    layers = withInputs(name, layers);
    if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
      throw new IllegalArgumentException("labelSmoothing must be in [0, 1), got " + labelSmoothing);
    }
    if (!(huberDelta > 0) || Double.isInfinite(huberDelta)) {
      throw new IllegalArgumentException("huberDelta must be finite and > 0, got " + huberDelta
          + "; it is the error size where the Huber loss turns linear (PyTorch's default is 1)");
    }
  }

  /** {@code layers} with every layer's inputs named, each checked to be an earlier layer. */
  private static List<LayerSpec> withInputs(String name, List<LayerSpec> layers) {
    List<LayerSpec> resolved = new java.util.ArrayList<>();
    java.util.Set<String> earlier = new java.util.LinkedHashSet<>();
    for (LayerSpec layer : layers) {
      if (!earlier.isEmpty() && layer.inputs().isEmpty()) {
        layer = layer.withInputs(List.of(resolved.get(resolved.size() - 1).name()));
      }
      for (String input : layer.inputs()) {
        if (!earlier.contains(input)) {
          throw new IllegalArgumentException("input '" + input + "' of layer " + layer.name()
              + " of " + name + " must name a layer before it, one of " + earlier);
        }
      }
      if (layer.isMerge()) {
        requireMergeable(name, layer, layer.inputs().stream().map(i -> find(resolved, i)).toList());
      }
      if (!earlier.add(layer.name())) {
        throw new IllegalArgumentException("layer names of " + name + " must be unique, got "
            + layer.name() + " twice");
      }
      resolved.add(layer);
    }
    return List.copyOf(resolved);
  }

  private static LayerSpec find(List<LayerSpec> layers, String name) {
    return layers.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
  }

  /**
   * A merge's inputs must fit it: an ADD's all of its shape, a CONCAT's all images of its height
   * and width (or all flat) whose channels (or units) add up to its own. An input given (C, H, W)
   * with several channels is not in the (H, W, C) order the merge works in.
   */
  private static void requireMergeable(String model, LayerSpec merge, List<LayerSpec> inputs) {
    int total = 0;
    for (LayerSpec input : inputs) {
      if (input.isChannelMajorInput()) {
        throw new IllegalArgumentException(merge.type() + " layer " + merge.name() + " of " + model
            + " cannot read the " + input.image().out().channels() + "-channel input "
            + input.name() + " directly; read it through a convolution first");
      }
      boolean fits = merge.isImage() == input.isImage() && (merge.type() == LayerSpec.Type.ADD
          ? input.units() == merge.units()
              && (!merge.isImage() || input.image().out().equals(merge.image().out()))
          : !merge.isImage() || (input.image().out().height() == merge.image().out().height()
              && input.image().out().width() == merge.image().out().width()));
      if (!fits) {
        throw new IllegalArgumentException(merge.type() + " layer " + merge.name() + " of " + model
            + " cannot merge " + input.name() + " of shape " + shapeOf(input) + " into "
            + shapeOf(merge));
      }
      total += input.channels();
    }
    if (merge.type() == LayerSpec.Type.CONCAT && total != merge.channels()) {
      throw new IllegalArgumentException("CONCAT layer " + merge.name() + " of " + model + " has "
          + merge.channels() + " channels, but its inputs have " + total);
    }
  }

  private static String shapeOf(LayerSpec layer) {
    return layer.isImage() ? layer.image().out().toString() : "(" + layer.units() + ")";
  }

  /**
   * The index in {@link #layers} of the layer that layer {@code index} reads (its first input).
   *
   * @param index a layer other than the input
   * @return the index of its first input
   */
  public int inputIndex(int index) {
    return indexOf(layers.get(index).inputs().get(0), index);
  }

  /**
   * The indices in {@link #layers} of the layers that layer {@code index} reads, in its order.
   *
   * @param index a layer
   * @return the indices; empty for the input
   */
  public int[] inputIndices(int index) {
    return layers.get(index).inputs().stream().mapToInt(name -> indexOf(name, index)).toArray();
  }

  private int indexOf(String input, int before) {
    for (int i = 0; i < before; i++) {
      if (layers.get(i).name().equals(input)) {
        return i;
      }
    }
    throw new IllegalStateException("no layer " + input + " before " + layers.get(before).name());
  }

  /**
   * The layer that layer {@code index} reads.
   *
   * @param index a layer other than the input
   * @return its first input
   */
  public LayerSpec inputOf(int index) {
    return layers.get(inputIndex(index));
  }

  /**
   * This model with its input scaled as {@code scaling} says ({@code @Standardize}, ...).
   *
   * @param scaling the scaling
   * @return a copy
   */
  public NetworkSpec withInputScaling(InputScaling scaling) {
    return new NetworkSpec(name, loss, labelSmoothing, layers, scaling, huberDelta);
  }

  /**
   * This model with the Huber loss's δ ({@code @Model(huberDelta = ...)}).
   *
   * @param delta δ, > 0
   * @return a copy
   */
  public NetworkSpec withHuberDelta(double delta) {
    return new NetworkSpec(name, loss, labelSmoothing, layers, inputScaling, delta);
  }

  /** {@return the input's size: values per sample} */
  public int inputSize() {
    return layers.get(0).units();
  }

  /** {@return the last layer's size: outputs per sample} */
  public int outputSize() {
    return layers.get(layers.size() - 1).units();
  }

  /**
   * The trainable tensors this model has, named {@code <layer>.weight}, {@code .bias}, {@code
   * .gamma} and {@code .beta}, layer by layer.
   *
   * @return fresh parameters, zero until initialized
   */
  public Parameters newParameters() {
    var list = new java.util.ArrayList<Parameter>();
    for (LayerSpec layer : layers) {
      if (layer.hasWeights()) {
        addParameters(list, layer);
      }
    }
    return new Parameters(list);
  }

  /**
   * A layer's weight, bias and normalization's γ and β. A dense weight is (fanIn, units); a
   * convolution's (kernel, kernel, input channels, filters), like a dense weight over a window's
   * values. Bias, γ and β have one value per unit or filter, except that layer normalization of
   * an image has γ and β per output value, in the layer's (H, W, C) order.
   */
  private static void addParameters(List<Parameter> list, LayerSpec layer) {
    int outputs = layer.channels(); // units of a dense layer, filters of a convolution
    WeightedOp op = LayerOps.weighted(layer);
    int[] weightShape = op.weightShape(layer);
    int fanOut = op.fans(layer).out();
    String name = layer.name();
    list.add(new Parameter(name + ".weight", ParameterKind.WEIGHT, weightShape, layer.fanIn(),
        fanOut, layer.decayScale()));
    if (layer.bias()) {
      list.add(new Parameter(name + ".bias", ParameterKind.BIAS, new int[] {outputs},
          layer.fanIn(), fanOut, layer.decayBias() ? layer.decayScale() : 0));
    }
    if (layer.norm().isPresent()) {
      int[] shape = layer.norm().kind() == NormSpec.Kind.LAYER && layer.isImage()
          ? new int[] {layer.image().out().height(), layer.image().out().width(), outputs}
          : new int[] {outputs};
      list.add(new Parameter(name + ".gamma", ParameterKind.GAMMA, shape, layer.fanIn(), fanOut,
          false));
      list.add(new Parameter(name + ".beta", ParameterKind.BETA, shape, layer.fanIn(), fanOut,
          false));
    }
  }

  /**
   * The non-trainable state: the input scaling's statistics ({@link InputScaling}), then for each
   * batch-normalized layer its running mean (starts at 0), running variance (starts at 1) and the
   * number of batches tracked.
   *
   * @return fresh state tensors
   */
  public java.util.List<StateTensor> newState() {
    var list = new java.util.ArrayList<StateTensor>(
        inputScaling.newState(layers.get(0).name(), inputSize()));
    for (LayerSpec layer : layers) {
      if (layer.norm().kind() == NormSpec.Kind.BATCH) {
        // One statistic per unit of a dense layer, per channel of an image layer.
        float[] variance = new float[layer.channels()];
        java.util.Arrays.fill(variance, 1f);
        list.add(new StateTensor(layer.name() + ".running_mean", new float[layer.channels()]));
        list.add(new StateTensor(layer.name() + ".running_var", variance));
        list.add(new StateTensor(layer.name() + ".batches_tracked", new float[1]));
      }
    }
    return java.util.List.copyOf(list);
  }

  /**
   * The fewest rows a training batch may have: 2 when a layer normalizes over the batch and one
   * sample gives it a single value per unit (a dense layer, or an image of one pixel).
   *
   * @return 1 or 2
   */
  public int minTrainingRows() {
    return layers.stream().anyMatch(l -> l.norm().kind() == NormSpec.Kind.BATCH && l.pixels() == 1)
        ? 2 : 1;
  }
}
