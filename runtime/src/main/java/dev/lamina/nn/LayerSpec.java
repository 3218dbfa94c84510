package dev.lamina.nn;

import dev.lamina.DropoutMode;
import dev.lamina.Init;
import dev.lamina.Nonlinearity;
import dev.lamina.init.InitSpec;
import dev.lamina.internal.layer.LayerOps;
import dev.lamina.internal.layer.WeightedOp;
import java.util.List;

/**
 * One layer of a model as the runtime sees it: what the processor read from the annotations,
 * with every default resolved. The generated network and the scalar {@link ReferenceNetwork} are
 * both built from these.
 *
 * @param name the field's name
 * @param type what the layer computes
 * @param units number of outputs (for the input: its flattened size)
 * @param fanIn number of inputs of each unit (0 for the input layer)
 * @param bias whether a dense layer adds a learned bias
 * @param weightInit how a dense layer's weights start
 * @param biasInit how a dense layer's biases start (zeros unless {@code @BiasInit} says otherwise)
 * @param activation the nonlinearity after the weighted sum
 * @param slope the negative slope of leaky ReLU
 * @param keep the dropout keep probability; 1 means no dropout
 * @param dropoutMode where the 1/keep correction goes
 * @param norm the layer's batch or layer normalization, or {@link NormSpec#NONE}
 * @param noise the standard deviation of the Gaussian noise added to the output while training;
 *     0 means none
 * @param decayScale the factor on the trainer's weight decay for this layer's weights (1 unless
 *     {@code @Decay} says otherwise)
 * @param decayBias whether the bias is decayed too, with the same factor
 * @param image an image layer's geometry (the input's when it is an image); null for a flat layer
 * @param inputs the names of the layers this one reads (none for the input layer); empty means the
 *     layer above it, which {@link NetworkSpec} writes in, so that a spec's layers always name
 *     their inputs
 */
public record LayerSpec(
    String name,
    Type type,
    int units,
    int fanIn,
    boolean bias,
    InitSpec weightInit,
    InitSpec biasInit,
    Nonlinearity activation,
    double slope,
    double keep,
    DropoutMode dropoutMode,
    NormSpec norm,
    double noise,
    double decayScale,
    boolean decayBias,
    ImageSpec image,
    List<String> inputs) {

  /** What a layer computes. */
  public enum Type {
    /** The model's input. */
    INPUT,
    /** A fully connected layer. */
    DENSE,
    /** A 2-d convolution: units = output C·H·W, fanIn = input channels × kernel area. */
    CONV,
    /** The maximum of each window, per channel. */
    MAX_POOL,
    /** The mean of each window, per channel. */
    AVG_POOL,
    /** Average over each channel's whole image: one value per channel. */
    GLOBAL_AVG_POOL,
    /** The element-wise sum of two or more layers of one shape (a residual sum), then f. */
    ADD,
    /** Two or more layers side by side: along channels for images, along features otherwise. */
    CONCAT,
    /** Each pixel repeated in a factor × factor block: nearest-neighbour upsampling. */
    UPSAMPLE;

    /**
     * Whether layers of this type have a weight, and so parameters and an initializer.
     *
     * @return true for DENSE and CONV
     */
    public boolean hasWeights() {
      return LayerOps.of(this) instanceof WeightedOp;
    }

    /**
     * Whether layers of this type read several layers.
     *
     * @return true for ADD and CONCAT
     */
    public boolean isMerge() {
      return this == ADD || this == CONCAT;
    }
  }

  /**
   * A layer that reads the layer above it: see {@link #inputs}.
   *
   * @param name the field's name
   * @param type what the layer computes
   * @param units number of outputs (for the input: its flattened size)
   * @param fanIn number of inputs of each unit (0 for the input layer)
   * @param bias whether a dense layer adds a learned bias
   * @param weightInit how a dense layer's weights start
   * @param biasInit how a dense layer's biases start
   * @param activation the nonlinearity after the weighted sum
   * @param slope the negative slope of leaky ReLU
   * @param keep the dropout keep probability; 1 means no dropout
   * @param dropoutMode where the 1/keep correction goes
   * @param norm the layer's normalization, or {@link NormSpec#NONE}
   * @param noise the standard deviation of the Gaussian noise on the training output; 0 for none
   * @param decayScale the factor on the trainer's weight decay for this layer's weights
   * @param decayBias whether the bias is decayed too
   * @param image an image layer's geometry; null for a flat layer
   */
  public LayerSpec(String name, Type type, int units, int fanIn, boolean bias, InitSpec weightInit,
      InitSpec biasInit, Nonlinearity activation, double slope, double keep, DropoutMode dropoutMode,
      NormSpec norm, double noise, double decayScale, boolean decayBias, ImageSpec image) {
    this(name, type, units, fanIn, bias, weightInit, biasInit, activation, slope, keep, dropoutMode,
        norm, noise, decayScale, decayBias, image, List.of());
  }

  /**
   * A layer without image geometry: a flat input or a dense layer.
   *
   * @param name the field's name
   * @param type what the layer computes
   * @param units number of outputs (for the input: its flattened size)
   * @param fanIn number of inputs of each unit (0 for the input layer)
   * @param bias whether a dense layer adds a learned bias
   * @param weightInit how a dense layer's weights start
   * @param biasInit how a dense layer's biases start
   * @param activation the nonlinearity after the weighted sum
   * @param slope the negative slope of leaky ReLU
   * @param keep the dropout keep probability; 1 means no dropout
   * @param dropoutMode where the 1/keep correction goes
   * @param norm the layer's normalization, or {@link NormSpec#NONE}
   * @param noise the standard deviation of the Gaussian noise on the training output; 0 for none
   * @param decayScale the factor on the trainer's weight decay for this layer's weights
   * @param decayBias whether the bias is decayed too
   */
  public LayerSpec(String name, Type type, int units, int fanIn, boolean bias, InitSpec weightInit,
      InitSpec biasInit, Nonlinearity activation, double slope, double keep, DropoutMode dropoutMode,
      NormSpec norm, double noise, double decayScale, boolean decayBias) {
    this(name, type, units, fanIn, bias, weightInit, biasInit, activation, slope, keep, dropoutMode,
        norm, noise, decayScale, decayBias, null, List.of());
  }

  /**
   * Copies the inputs.
   *
   * @throws IllegalArgumentException if the input layer names inputs
   */
  public LayerSpec {
    inputs = List.copyOf(inputs);
    if (type == Type.INPUT && !inputs.isEmpty()) {
      throw new IllegalArgumentException("inputs of input layer " + name + " must be empty, got "
          + inputs);
    }
    if (units <= 0) {
      throw new IllegalArgumentException("units of " + name + " must be > 0, got " + units);
    }
    if (!(keep > 0 && keep <= 1)) {
      throw new IllegalArgumentException("keep of " + name + " must be in (0, 1], got " + keep);
    }
    if (!(noise >= 0) || Double.isInfinite(noise)) {
      throw new IllegalArgumentException("noise of " + name + " must be >= 0 and finite, got " + noise);
    }
    if (!(decayScale >= 0) || Double.isInfinite(decayScale)) {
      throw new IllegalArgumentException(
          "decayScale of " + name + " must be >= 0 and finite, got " + decayScale);
    }
    if (type.isMerge() ? inputs.size() < 2 : inputs.size() > 1) {
      throw new IllegalArgumentException(type + " layer " + name + " must read "
          + (type.isMerge() ? "two or more layers" : "one layer") + ", got " + inputs);
    }
    if (type == Type.DENSE && image != null) {
      throw new IllegalArgumentException("image of dense layer " + name + " must be null, got " + image);
    }
    if (type != Type.DENSE && type != Type.INPUT && !type.isMerge() && image == null) {
      throw new IllegalArgumentException("image of " + type + " layer " + name + " must be given");
    }
    if (image != null && units != image.out().size()) {
      throw new IllegalArgumentException("units of " + name + " must be the output's C·H·W = "
          + image.out().size() + ", got " + units);
    }
    requirePerChannelNormOnConvolution(name, type, norm, image);
  }

  /**
   * Instance and group normalization work per sample over a channel's (or group's) H×W values:
   * only a convolution has them, and a group must take whole channels.
   */
  private static void requirePerChannelNormOnConvolution(String name, Type type, NormSpec norm,
      ImageSpec image) {
    if (norm.kind() != NormSpec.Kind.INSTANCE && norm.kind() != NormSpec.Kind.GROUP) {
      return;
    }
    if (type != Type.CONV) {
      throw new IllegalArgumentException(norm.kind() + " normalization of " + name + " needs a "
          + "convolution (it normalizes each sample's channels over H×W), got a " + type
          + " layer; use BATCH or LAYER normalization there");
    }
    int channels = image.out().channels();
    if (norm.kind() == NormSpec.Kind.GROUP && channels % norm.groups() != 0) {
      throw new IllegalArgumentException("groups of " + name + "'s GROUP normalization must divide"
          + " its " + channels + " channels, got " + norm.groups());
    }
  }

  /**
   * A flat input layer.
   *
   * @param name the field's name
   * @param size the number of features, > 0
   * @param keep the input dropout's keep probability; 1 for none
   * @param mode where the 1/keep correction goes
   * @return the layer
   */
  public static LayerSpec input(String name, int size, double keep, DropoutMode mode) {
    return new LayerSpec(name, Type.INPUT, size, 0, false, InitSpec.zeros(), InitSpec.zeros(),
        Nonlinearity.IDENTITY, 0, keep, mode, NormSpec.NONE, 0, 1, false);
  }

  /**
   * A dense layer.
   *
   * @param name the field's name
   * @param units number of outputs, > 0
   * @param fanIn number of inputs, > 0
   * @param bias whether it adds a learned bias
   * @param weightInit the weights' initializer
   * @param biasInit the biases' initializer
   * @param activation the nonlinearity
   * @param slope the negative slope of leaky ReLU
   * @param keep the dropout keep probability; 1 for none
   * @param mode where the 1/keep correction goes
   * @return the layer
   */
  public static LayerSpec dense(
      String name, int units, int fanIn, boolean bias, InitSpec weightInit, InitSpec biasInit,
      Nonlinearity activation, double slope, double keep, DropoutMode mode) {
    return new LayerSpec(name, Type.DENSE, units, fanIn, bias, weightInit, biasInit, activation,
        slope, keep, mode, NormSpec.NONE, 0, 1, false);
  }

  /**
   * A dense layer whose weights start as {@code init} says ({@code std} for NORMAL), biases at 0.
   *
   * @param name the field's name
   * @param units number of outputs, > 0
   * @param fanIn number of inputs, > 0
   * @param bias whether it adds a learned bias
   * @param init the weights' initializer
   * @param std the standard deviation of NORMAL and TRUNCATED_NORMAL
   * @param activation the nonlinearity
   * @param slope the negative slope of leaky ReLU
   * @param keep the dropout keep probability; 1 for none
   * @param mode where the 1/keep correction goes
   * @return the layer
   */
  public static LayerSpec dense(
      String name, int units, int fanIn, boolean bias, Init init, double std,
      Nonlinearity activation, double slope, double keep, DropoutMode mode) {
    InitSpec weights = init == Init.NORMAL ? InitSpec.normal(Init.DEFAULT_MEAN, std) : InitSpec.of(init);
    return dense(name, units, fanIn, bias, weights, InitSpec.zeros(), activation, slope, keep, mode);
  }

  /**
   * The weights' initializer: shorthand for {@code weightInit().init()}.
   *
   * @return the initializer
   */
  public Init init() {
    return weightInit.init();
  }

  /**
   * The weights' {@code std} parameter (of NORMAL and TRUNCATED_NORMAL).
   *
   * @return the standard deviation
   */
  public double std() {
    return weightInit.std();
  }

  /**
   * This layer with its weights and biases starting as {@code weights} and {@code biases} say.
   *
   * @param weights the weights' initializer
   * @param biases the biases' initializer
   * @return a copy
   */
  public LayerSpec withInit(InitSpec weights, InitSpec biases) {
    return new LayerSpec(name, type, units, fanIn, bias, weights, biases, activation, slope, keep,
        dropoutMode, norm, noise, decayScale, decayBias, image, inputs);
  }

  /**
   * This layer with {@code norm} as its normalization.
   *
   * @param norm the normalization
   * @return a copy
   */
  public LayerSpec withNorm(NormSpec norm) {
    return new LayerSpec(name, type, units, fanIn, bias, weightInit, biasInit, activation, slope, keep,
        dropoutMode, norm, noise, decayScale, decayBias, image, inputs);
  }

  /**
   * This layer with Gaussian noise of standard deviation {@code noiseStd} on its training output.
   *
   * @param noiseStd the standard deviation, ≥ 0
   * @return a copy
   */
  public LayerSpec withNoise(double noiseStd) {
    return new LayerSpec(name, type, units, fanIn, bias, weightInit, biasInit, activation, slope, keep,
        dropoutMode, norm, noiseStd, decayScale, decayBias, image, inputs);
  }

  /**
   * This layer with its weight decay scaled by {@code scale}, and extended to its bias or not.
   *
   * @param scale the factor, ≥ 0
   * @param includeBias whether the bias is decayed too
   * @return a copy
   */
  public LayerSpec withDecay(double scale, boolean includeBias) {
    return new LayerSpec(name, type, units, fanIn, bias, weightInit, biasInit, activation, slope, keep,
        dropoutMode, norm, noise, scale, includeBias, image, inputs);
  }

  /** {@return whether Gaussian noise is added to the training output} */
  public boolean hasNoise() {
    return noise > 0;
  }

  /** {@return whether the layer has dropout (keep below 1)} */
  public boolean hasDropout() {
    return keep < 1;
  }

  /**
   * The integer threshold of dropout's counter-hash: a unit is kept when the top 24 bits of its
   * hash are below it, which happens with probability keep.
   *
   * @return the threshold, in [0, 2^24]
   */
  public int keepThreshold() {
    return (int) Math.round(keep * (1 << 24));
  }

  /**
   * A convolution over {@code image.in()} with {@code image.out().channels()} filters; its weight
   * is (kernel, kernel, input channels, filters) and its fan-in input channels × kernel area.
   *
   * @param name the field's name
   * @param image its geometry
   * @param bias whether it adds a learned bias per filter
   * @param weightInit the kernels' initializer
   * @param biasInit the biases' initializer
   * @param activation the nonlinearity
   * @param slope the negative slope of leaky ReLU
   * @param keep the dropout keep probability; 1 for none
   * @param mode where the 1/keep correction goes
   * @return the layer
   */
  public static LayerSpec conv(String name, ImageSpec image, boolean bias, InitSpec weightInit,
      InitSpec biasInit, Nonlinearity activation, double slope, double keep, DropoutMode mode) {
    return new LayerSpec(name, Type.CONV, image.out().size(),
        image.in().channels() * image.kernel() * image.kernel(), bias, weightInit, biasInit,
        activation, slope, keep, mode, NormSpec.NONE, 0, 1, false, image);
  }

  /**
   * A MAX_POOL, AVG_POOL or GLOBAL_AVG_POOL layer: no parameters, no activation.
   *
   * @param name the field's name
   * @param type MAX_POOL, AVG_POOL or GLOBAL_AVG_POOL
   * @param image its geometry
   * @param keep the dropout keep probability; 1 for none
   * @param mode where the 1/keep correction goes
   * @return the layer
   */
  public static LayerSpec pool(String name, Type type, ImageSpec image, double keep, DropoutMode mode) {
    if (type != Type.MAX_POOL && type != Type.AVG_POOL && type != Type.GLOBAL_AVG_POOL) {
      throw new IllegalArgumentException("type of " + name + " must be a pooling type, got " + type);
    }
    return resample(name, type, image, keep, mode);
  }

  /**
   * A layer that moves, reduces or repeats its input's pixels (pooling, upsampling): one input, an
   * image, no parameters, no activation. A kind of layer without weights makes its spec here.
   *
   * @param name the field's name
   * @param type a type without weights that reads one image
   * @param image its geometry: the shapes it reads and writes, and its window if it has one
   * @param keep the dropout keep probability; 1 for none
   * @param mode where the 1/keep correction goes
   * @return the layer
   * @throws IllegalArgumentException if {@code type} has weights, merges, or is the input
   */
  public static LayerSpec resample(String name, Type type, ImageSpec image, double keep,
      DropoutMode mode) {
    if (type.hasWeights() || type.isMerge() || type == Type.INPUT) {
      throw new IllegalArgumentException("type of " + name + " must be a type without weights"
          + " that reads one image, got " + type);
    }
    return new LayerSpec(name, type, image.out().size(), 0, false, InitSpec.zeros(),
        InitSpec.zeros(), Nonlinearity.IDENTITY, 0, keep, mode, NormSpec.NONE, 0, 1, false, image);
  }

  /**
   * An {@link Type#ADD} or {@link Type#CONCAT} layer over {@code inputs} (two or more earlier
   * layers), with {@code units} outputs; {@code image} is its output's geometry ({@link
   * ImageSpec#input} of the merged shape) when it merges images, else null. An ADD applies
   * {@code activation} to the sum; a CONCAT has none.
   *
   * @param name the field's name
   * @param type ADD or CONCAT
   * @param inputs the names of the layers merged
   * @param units number of outputs
   * @param image the output's geometry, or null
   * @param activation the nonlinearity after an ADD
   * @param slope the negative slope of leaky ReLU
   * @param keep the dropout keep probability; 1 for none
   * @param mode where the 1/keep correction goes
   * @return the layer
   */
  public static LayerSpec merge(String name, Type type, List<String> inputs, int units,
      ImageSpec image, Nonlinearity activation, double slope, double keep, DropoutMode mode) {
    if (!type.isMerge()) {
      throw new IllegalArgumentException("type of " + name + " must be ADD or CONCAT, got " + type);
    }
    if (type == Type.CONCAT && activation != Nonlinearity.IDENTITY) {
      throw new IllegalArgumentException("CONCAT layer " + name + " takes no activation, got "
          + activation + "; put it on the layer that reads it");
    }
    return new LayerSpec(name, type, units, 0, false, InitSpec.zeros(), InitSpec.zeros(),
        activation, slope, keep, mode, NormSpec.NONE, 0, 1, false, image, inputs);
  }

  /**
   * This layer reading {@code inputs}, the names of earlier layers, instead of the layer above.
   *
   * @param inputs the layer names
   * @return a copy
   */
  public LayerSpec withInputs(List<String> inputs) {
    return new LayerSpec(name, type, units, fanIn, bias, weightInit, biasInit, activation, slope, keep,
        dropoutMode, norm, noise, decayScale, decayBias, image, inputs);
  }

  /**
   * Whether the layer has a weight: a dense layer or a convolution.
   *
   * @return true for DENSE and CONV
   */
  public boolean hasWeights() {
    return type.hasWeights();
  }

  /**
   * This layer with image geometry: an input given as (channels, height, width).
   *
   * @param image the input's geometry
   * @return a copy
   */
  public LayerSpec withImage(ImageSpec image) {
    return new LayerSpec(name, type, units, fanIn, bias, weightInit, biasInit, activation, slope, keep,
        dropoutMode, norm, noise, decayScale, decayBias, image, inputs);
  }

  /**
   * Whether it is a convolution or a pooling layer: an image layer other than the input. A
   * network stores such a layer's output (H, W, C) per sample, while an image input stays as
   * given, (C, H, W).
   *
   * @return true for a convolution or pooling layer
   */
  public boolean isImageLayer() {
    return image != null && type != Type.INPUT;
  }

  /**
   * Whether it reads several layers: an ADD or a CONCAT.
   *
   * @return true for ADD and CONCAT
   */
  public boolean isMerge() {
    return type.isMerge();
  }

  /**
   * Whether it is an image input of several channels, given (C, H, W): an image layer that reads
   * it rearranges it to (H, W, C) first.
   *
   * @return true for an image input of more than one channel
   */
  public boolean isChannelMajorInput() {
    return type == Type.INPUT && image != null && image.out().channels() > 1;
  }

  /**
   * Whether the layer's output is an image (an image layer's stored (H, W, C) per sample).
   *
   * @return true when the output is (H, W, C) per sample
   */
  public boolean isImage() {
    return image != null;
  }

  /**
   * The values a per-feature normalization has one of: the channels of an image layer, the units
   * of a dense one.
   *
   * @return the count
   */
  public int channels() {
    return image != null ? image.out().channels() : units;
  }

  /**
   * Positions that share a channel's statistics in one sample: H·W of an image layer, else 1.
   *
   * @return the count
   */
  public int pixels() {
    return image != null ? image.out().pixels() : 1;
  }
}
