package dev.lamina.processor.validation;

/**
 * The messages the processor reports, each starting with a stable id, but for a kind's errors in
 * its own values, which the kind keeps ({@code LayerKind.problems()}). Tests import these; a
 * warning can be silenced with {@code @SuppressWarnings("lamina:<Id>")} on the field or class.
 */
public final class Messages {
  private Messages() {}

  public static final String MODEL_NOT_CLASS =
      "[Lamina/ModelClass] @Model must be on a class; a model is a class whose Layer fields are "
          + "its layers.";
  public static final String MODEL_PRIVATE =
      "[Lamina/ModelClass] a @Model class must not be private: the generated network sits "
          + "beside it in the same package.";
  public static final String LABEL_SMOOTHING =
      "[Lamina/LabelSmoothing] labelSmoothing must be in [0, 1); got %s. Typical values are 0.05 "
          + "to 0.2; 0 turns smoothing off.";
  public static final String LABEL_SMOOTHING_LOSS =
      "[Lamina/LabelSmoothing] labelSmoothing applies to SOFTMAX_CROSS_ENTROPY only; remove it or "
          + "use loss = Loss.SOFTMAX_CROSS_ENTROPY.";
  public static final String HUBER_DELTA =
      "[Lamina/HuberDelta] huberDelta must be finite and > 0; got %s. It is the error size, in the"
          + " targets' units, where the Huber loss turns from squared to linear; PyTorch's"
          + " default is 1.0.";
  public static final String HUBER_DELTA_LOSS =
      "[Lamina/HuberDelta] huberDelta applies to the HUBER loss only; remove it or use loss ="
          + " Loss.HUBER.";
  public static final String NO_INPUT =
      "[Lamina/InputMissing] a model needs exactly one @Input layer, declared first; add e.g. "
          + "'@Input(784) Layer pixels;' as the first field.";
  public static final String INPUT_NOT_FIRST =
      "[Lamina/InputNotFirst] the @Input layer must be the first layer field; move it above '%s'.";
  public static final String INPUT_DUPLICATE =
      "[Lamina/InputDuplicate] a model has exactly one @Input; '%s' is already the input. Remove "
          + "this one.";
  public static final String INPUT_SIZE =
      "[Lamina/InputSize] %s must be > 0; got %d. Give a flat size, @Input(784), or an image "
          + "shape, @Input(channels = 1, height = 28, width = 28).";
  public static final String INPUT_SHAPE_CONFLICT =
      "[Lamina/InputSize] give either a flat size or channels, height and width, not both; "
          + "@Input(784) and @Input(channels = 1, height = 28, width = 28) describe the same input.";
  public static final String INPUT_SHAPE_INCOMPLETE =
      "[Lamina/InputSize] an image input needs channels, height and width, each > 0; got "
          + "channels = %d, height = %d, width = %d.";
  public static final String DENSE_UNITS =
      "[Lamina/DenseUnits] units must be > 0; got %d. units is the number of outputs of the "
          + "layer, e.g. 256 for a hidden layer or the number of classes for the last one.";
  public static final String NORMAL_STD =
      "[Lamina/NormalStd] std must be > 0 for NORMAL and TRUNCATED_NORMAL; got %s. std is the "
          + "standard deviation (not the variance) of the values, e.g. 0.01.";
  public static final String UNIFORM_BOUNDS =
      "[Lamina/UniformBounds] UNIFORM draws from [low, high), so low must be below high; got "
          + "low = %s, high = %s. E.g. low = -0.05, high = 0.05.";
  public static final String INIT_PARAM_UNUSED =
      "[Lamina/InitParamUnused] %s has no effect with %s: only %s read it. Remove %s, or choose "
          + "one of those initializers.";
  public static final String BIAS_INIT_KIND =
      "[Lamina/BiasInit] %s cannot start a bias: %s. Use ZEROS (the default without @BiasInit), "
          + "CONSTANT, NORMAL, UNIFORM, TRUNCATED_NORMAL or a variance-scaling initializer.";
  public static final String BIAS_INIT_WITHOUT_BIAS =
      "[Lamina/BiasInit] this layer has no bias (bias = false, or the default right before "
          + "@BatchNorm, which cancels one), so @BiasInit has no bias to start; remove @BiasInit, "
          + "or set bias = true.";
  public static final String HE_FOR_RELU =
      "[Lamina/HeForRelu] %s '%s' starts with %s, which keeps the variance of a layer whose "
          + "activation passes it through, but %s zeroes about half of its inputs: the "
          + "activations' variance halves at every layer and fades with depth. Use init = Init.HE "
          + "(or HE_UNIFORM), or AUTO, which picks He for the ReLU family.";
  public static final String LECUN_FOR_SELU =
      "[Lamina/LecunForSelu] %s '%s' starts with %s, but SELU keeps its outputs at mean 0 and "
          + "variance 1 layer after layer only when the weights have variance 1/fan_in: with %s "
          + "they drift from that at every layer. Use init = Init.LECUN (or LECUN_UNIFORM), or "
          + "AUTO, which picks LeCun for SELU.";
  public static final String XAVIER_FOR_TANH =
      "[Lamina/XavierForTanh] %s '%s' starts with %s, which doubles the variance to make up for "
          + "the half of the inputs that ReLU zeroes, but %s zeroes none: its units start pushed "
          + "towards saturation, where their gradient vanishes. Use init = Init.XAVIER (or "
          + "XAVIER_UNIFORM, LECUN), or AUTO, which picks Xavier outside the ReLU family.";
  public static final String INIT_SYMMETRY =
      "[Lamina/InitSymmetry] %s gives every %s of the hidden %s '%s' the same weights, so they "
          + "all compute the same output; if the next layer's weights are constant too, they also "
          + "get the same gradient and never differ: the layer works as one %s. Use a random "
          + "init, e.g. AUTO.";
  public static final String INIT_SCALE =
      "[Lamina/InitScale] the weights of %s '%s' start with std %s, %s times the %s that fan_in "
          + "= %s calls for under %s (%s): through a few layers the activations %s. Use init = "
          + "AUTO (He for the ReLU family, Xavier otherwise) or a std near %s.";
  public static final String DROPOUT_KEEP =
      "[Lamina/DropoutKeep] keep must be in (0, 1]; got %s. keep is the probability of keeping a "
          + "unit (not of dropping it), e.g. 0.5 for hidden layers, 0.8 for inputs.";
  public static final String DROPOUT_KEEP_ONE =
      "[Lamina/DropoutKeepOne] keep = 1 keeps every unit, so this @Dropout does nothing; remove "
          + "it.";
  public static final String LEAKY_SLOPE =
      "[Lamina/LeakySlope] slope must be in (0, 1); got %s. It is the slope for negative inputs, "
          + "e.g. 0.01.";
  public static final String SLOPE_UNUSED =
      "[Lamina/SlopeUnused] slope is only used by LEAKY_RELU; remove it or use "
          + "Nonlinearity.LEAKY_RELU.";
  public static final String INPUT_SCALING_PLACE =
      "[Lamina/InputScalingPlace] %s scales the network's input, so it goes on the @Input field;"
          + " layers inside the network are normalized with @BatchNorm or @LayerNorm.";
  public static final String INPUT_SCALING_TWICE =
      "[Lamina/InputScalingTwice] the input is scaled once: keep @Standardize (mean 0, std 1)"
          + " or @MinMaxScale ([0, 1]), not both.";
  public static final String ACTIVATION_ON_INPUT =
      "[Lamina/ActivationOnInput] the input layer has no weighted sum to activate; put "
          + "@Activation on a @Dense layer.";
  public static final String NOT_A_LAYER =
      "[Lamina/NotALayer] @%s needs a layer to act on: add @Dense (or @Input) to this field.";
  public static final String LAYER_UNANNOTATED =
      "[Lamina/NotALayer] '%s' is a Layer field with no layer annotation; add @Dense(units = ...) "
          + "to make it a layer, or remove the field.";
  public static final String LAYER_TYPE =
      "[Lamina/LayerType] a layer field must have type dev.lamina.Layer; '%s' has type %s.";
  public static final String TWO_LAYER_KINDS =
      "[Lamina/TwoLayerKinds] a field is one layer: it cannot be both @Input and @Dense. Split "
          + "it into two fields.";
  public static final String NO_DENSE =
      "[Lamina/NoLayers] a model needs at least one @Dense layer after its @Input.";
  public static final String OUTPUT_ACTIVATION =
      "[Lamina/OutputActivation] SOFTMAX_CROSS_ENTROPY applies the softmax itself and expects "
          + "raw logits, but the last layer applies %s. Remove the @Activation from the last "
          + "layer.";
  public static final String OUTPUT_ACTIVATION_SIGMOID =
      "[Lamina/OutputActivation] %s applies the sigmoid itself and expects raw logits, but the "
          + "last layer applies %s. Remove the @Activation from the last layer.";
  public static final String BINARY_OUTPUTS =
      "[Lamina/LossOutputs] BINARY_CROSS_ENTROPY classifies with one logit, but the last layer "
          + "'%s' has %d units. Give it units = 1; for %d exclusive classes use "
          + "SOFTMAX_CROSS_ENTROPY, for %d independent labels MULTI_LABEL_CROSS_ENTROPY.";
  public static final String SOFTMAX_ONE_OUTPUT =
      "[Lamina/LossOutputs] SOFTMAX_CROSS_ENTROPY over the single unit of '%s' is always 1, so "
          + "the model cannot learn. For two classes use loss = Loss.BINARY_CROSS_ENTROPY with 1 "
          + "unit, or give the last layer one unit per class.";
  public static final String NORM_NEEDS_DENSE =
      "[Lamina/NormNeedsDense] @%s normalizes a dense layer's units; put it on a field with "
          + "@Dense or @Conv2d (the input is normalized by preparing the data, e.g. scaling pixels "
          + "to [0, 1]).";
  public static final String NORM_EPS =
      "[Lamina/NormEps] eps must be > 0; got %s. It keeps 1/sqrt(variance + eps) finite for a "
          + "unit whose batch variance is 0; 1e-5 is the usual value.";
  public static final String NORM_MOMENTUM =
      "[Lamina/NormMomentum] momentum must be in (0, 1]; got %s. It is the weight of the newest "
          + "batch in the running statistics (PyTorch's convention; Keras's momentum 0.99 is 0.01 "
          + "here), e.g. 0.1.";
  public static final String NORM_MOMENTUM_UNUSED =
      "[Lamina/NormMomentumUnused] momentum is not used with runningStats = CUMULATIVE, which "
          + "weighs every batch equally; remove it or use RunningStats.EXPONENTIAL.";
  public static final String BIAS_BEFORE_BATCH_NORM =
      "[Lamina/BiasBeforeBatchNorm] batch normalization subtracts each unit's batch mean, which "
          + "cancels this bias exactly (β plays its role); remove bias = true.";
  public static final String NOISE_STD =
      "[Lamina/NoiseStd] the noise's standard deviation must be > 0 and finite; got %s. It is the "
          + "std (not the variance) of the Gaussian noise added while training, e.g. 0.1 to 0.3 "
          + "for inputs scaled to [0, 1].";
  public static final String NOISE_ON_OUTPUT =
      "[Lamina/NoiseOnOutput] @GaussianNoise on the last layer perturbs the outputs the loss "
          + "compares with the labels; it is meant for the input or a hidden layer. Move it to "
          + "one, or add @SuppressWarnings(\"lamina:NoiseOnOutput\") if this is what you want.";
  public static final String DECAY_SCALE =
      "[Lamina/DecayScale] @Decay's factor must be >= 0 and finite; got %s. It multiplies the "
          + "trainer's weight decay for this layer: 0 turns decay off, 1 keeps it, 2 doubles it.";
  public static final String DECAY_ON_INPUT =
      "[Lamina/DecayOnInput] @Decay scales the decay of a layer's weights, and the input layer has "
          + "none; put it on a @Dense or @Conv2d layer.";
  public static final String DECAY_NO_WEIGHTS =
      "[Lamina/DecayNoWeights] @Decay scales the decay of a layer's weights, and a pooling layer "
          + "or a merge has none; put it on a @Dense or @Conv2d layer.";
  public static final String DECAY_NO_BIAS =
      "[Lamina/DecayNoBias] bias = true decays the layer's bias, but this layer has none "
          + "(bias = false, or the default right before @BatchNorm); remove bias = true.";
  public static final String DECAY_DEFAULT =
      "[Lamina/DecayDefault] @Decay(1) without bias = true is what every layer gets anyway; "
          + "remove it, or give another factor, e.g. @Decay(0) to exempt the layer.";
  public static final String CONV_FILTERS =
      "[Lamina/ConvFilters] filters must be > 0; got %d. filters is the number of output channels "
          + "(kernels) of the convolution, e.g. 32.";
  public static final String CONV_KERNEL =
      "[Lamina/ConvWindow] kernel must be > 0; got %d. kernel is the side of the square window "
          + "in pixels, e.g. 3.";
  public static final String CONV_STRIDE =
      "[Lamina/ConvWindow] stride must be > 0; got %d. stride is the step between two windows; 1 "
          + "slides the window one pixel at a time, 2 halves the image.";
  public static final String CONV_PADDING =
      "[Lamina/ConvWindow] padding must be >= 0; got %d. It is the number of zeros added on each "
          + "side of the input; (kernel - 1) / 2 keeps an odd kernel's output the input's size.";
  public static final String CONV_DILATION =
      "[Lamina/ConvWindow] dilation must be > 0; got %d. 1 is a plain convolution; 2 spaces the "
          + "kernel's taps one pixel apart.";
  public static final String POOL_WINDOW =
      "[Lamina/PoolWindow] the pooling window must be > 0; got %d. @MaxPool2d(2) halves the "
          + "height and width.";
  public static final String POOL_STRIDE =
      "[Lamina/PoolWindow] stride must be > 0, or 0 for the window's side; got %d.";
  public static final String NEEDS_IMAGE =
      "[Lamina/NeedsImage] @%s slides over an image, but '%s' before it is flat (%d values). Give "
          + "the input's shape, e.g. @Input(channels = 1, height = 28, width = 28), and put "
          + "convolutions and pooling before the dense layers.";
  public static final String WINDOW_TOO_LARGE =
      "[Lamina/WindowTooLarge] the window does not fit its input: it spans %d×%d pixels (%s), but "
          + "the input (C, H, W) = %s is %d×%d%s. Use a smaller kernel, add padding, or remove "
          + "a pooling layer before it.";
  public static final String STRIDE_SKIPS =
      "[Lamina/StrideSkips] stride %d is larger than the window (%d pixels), so %d of every %d "
          + "rows and columns of the input %s are never read; the output is %s. Use a stride of "
          + "at most %d, or add @SuppressWarnings(\"lamina:StrideSkips\") if skipping is meant "
          + "(a 1×1 shortcut with stride 2).";
  public static final String PADDING_ONLY_ZEROS =
      "[Lamina/PaddingOnlyZeros] padding %d is at least the window's extent (%d pixels): the "
          + "windows along the border of the input %s see only zeros. Use padding <= %d; "
          + "(kernel - 1) / 2 keeps an odd kernel's output the input's size.";
  public static final String NORM_NEEDS_CONV =
      "[Lamina/NormNeedsConv] @%s normalizes the channels of an image; put it on a @Conv2d "
          + "layer. A dense layer has @BatchNorm and @LayerNorm.";
  public static final String TWO_NORMS =
      "[Lamina/TwoNorms] a layer has one normalization: choose one of @BatchNorm, @LayerNorm, "
          + "@InstanceNorm and @GroupNorm.";
  public static final String GROUP_NORM_GROUPS =
      "[Lamina/GroupNormGroups] groups must divide the layer's %d channels; got %d. Use one of "
          + "%s.";
  public static final String NOT_ON_POOL =
      "[Lamina/NotOnPool] @%s does not apply to a pooling or upsampling layer, which has no "
          + "weights or weighted sum; put it on the @Conv2d before it.";
  public static final String TWO_IMAGE_LAYER_KINDS =
      "[Lamina/TwoLayerKinds] a field is one layer: it cannot be both @%s and @%s. Split it into "
          + "two fields.";
  public static final String STATIC_LAYER =
      "[Lamina/StaticLayer] '%s' is static, so it cannot be a layer: a model's layers are its "
          + "instance fields. Remove 'static', or the layer annotations.";
  public static final String LAYER_OUTSIDE_MODEL =
      "[Lamina/LayerOutsideModel] '%s' carries @%s, but %s has no @Model, so no network is "
          + "generated from it. Add @Model to the class, or remove the layer annotations.";
  public static final String BUFFER_TOO_LARGE =
      "[Lamina/BufferTooLarge] layer '%s' needs %s of %,d floats at the default batch size of %d, "
          + "more than a Java array can hold (%,d); use fewer units, filters or a smaller input.";
  public static final String PROCESSOR_PATH =
      "[Lamina/ProcessorPath] the Lamina processor cannot run: %s (%s) is not on the annotation "
          + "processor path. Put lamina-processor there with its dependencies (lamina-runtime, "
          + "javapoet), e.g. Maven's annotationProcessorPaths resolves them.";
  public static final String NETWORK_NAME_TAKEN =
      "[Lamina/NetworkNameTaken] the network of this model would be %s, but %s already has that "
          + "name; rename this class or the other one.";
  public static final String INTERNAL_ERROR =
      "[Lamina/InternalError] the Lamina processor failed on this model; please report it with "
          + "this class: %s";

  // ---- graphs: @From, @Add, @Concat ----
  public static final String UNKNOWN_INPUT =
      "[Lamina/UnknownInput] no layer of %s is named '%s'; the layers are %s.";
  public static final String FORWARD_INPUT =
      "[Lamina/ForwardInput] '%s' is declared after '%s': a layer reads only layers declared "
          + "above it, in the order the network computes them. Move '%s' above '%s', or read an "
          + "earlier layer.";
  public static final String INPUT_CYCLE =
      "[Lamina/InputCycle] '%s' would read its own output (%s): a network computes each layer "
          + "once, in order, and cannot loop. Read a layer declared above it.";
  public static final String UNUSED_LAYER =
      "[Lamina/UnusedLayer] nothing reads the output of '%s': the layer after it reads another "
          + "(@From or a merge), and only the last layer is the network's output. Add it into a "
          + "merge (@Add or @Concat), read it with @From, or remove it.";
  public static final String FROM_ON_MERGE =
      "[Lamina/FromOnMerge] @%s names the layers it reads; @From does not apply. Add the layer "
          + "to its list.";
  public static final String FROM_ON_INPUT =
      "[Lamina/FromOnInput] the input layer reads the data, not another layer; remove @From.";
  public static final String MERGE_INPUTS =
      "[Lamina/MergeInputs] @%s merges two or more different layers; got %s.";
  public static final String ADD_SHAPES =
      "[Lamina/AddShapes] @Add sums layers of one shape, but '%s' is %s and '%s' is %s. %s";
  public static final String CONCAT_SHAPES =
      "[Lamina/ConcatShapes] @Concat places images side by side along channels, so their "
          + "heights and widths must be equal, and flat layers along features; but '%s' is %s and "
          + "'%s' is %s. %s";
  public static final String NOT_ON_MERGE =
      "[Lamina/NotOnMerge] @%s does not apply to @%s, which %s; put it on %s.";
  public static final String MERGE_READS_INPUT =
      "[Lamina/MergeReadsInput] @%s cannot read the %d-channel input '%s' directly: it is given "
          + "(C, H, W) and merges work in the (H, W, C) order of image layers. Read it through a "
          + "convolution first.";
  public static final String ZERO_GAMMA_OUTSIDE_RESIDUAL =
      "[Lamina/ZeroGammaOutsideResidual] gamma = 0 starts '%s' silent, and no @Add sums it "
          + "with a shortcut: its output starts constant and no gradient reaches the layers before "
          + "it until γ moves. Use gamma = 0 only on the last batch normalization of a residual "
          + "branch.";
  public static final String ZERO_INIT_RESIDUAL =
      "[Lamina/ZeroInitResidual] each @Add adds its branch's variance to the shortcut's, so "
          + "through n blocks the activations' variance grows about n-fold at the start. Starting "
          + "the branch's last batch normalization at @BatchNorm(gamma = 0) ('%s') makes '%s' "
          + "start as the identity (torchvision's zero_init_residual); the branch learns from "
          + "there.";
  public static final String GAMMA_FINITE =
      "[Lamina/GammaFinite] gamma, the value γ starts at, must be finite; got %s. Use 1 (the "
          + "default) or 0 for the last batch normalization of a residual branch.";
}
