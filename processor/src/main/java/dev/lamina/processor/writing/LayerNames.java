package dev.lamina.processor.writing;

import com.palantir.javapoet.FieldSpec;
import dev.lamina.DropoutMode;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.NormSpec;
import javax.lang.model.element.Modifier;

/**
 * The names of one layer's fields, buffers and methods in the generated class, as {@link
 * GeneratedNames} allocated them: callers never build a layer's member name themselves.
 *
 * @param readsNetworkInput whether the layer reads the network's input layer (a merge reads
 *     several layers, and says so per input)
 */
record LayerNames(LayerSpec layer, int index, GeneratedNames names, boolean readsNetworkInput) {
  /**
   * Whether a layer needs dLoss/d(its input): it reads another layer than the network's input,
   * which gets no gradient.
   */
  boolean passesGradient() {
    return layer.type() != LayerSpec.Type.INPUT && !readsNetworkInput;
  }

  /** The training input as the generated class keeps it for the backward pass. */
  static final String LAST_INPUT = "lastInput";

  String act() {
    return names.of(index, LayerMember.ACT);
  }

  String mask() {
    return names.of(index, LayerMember.MASK);
  }

  String out() {
    return names.of(index, LayerMember.OUT);
  }

  String grad() {
    return names.of(index, LayerMember.GRAD);
  }

  String weight() {
    return names.of(index, LayerMember.WEIGHT);
  }

  String weightGrad() {
    return names.of(index, LayerMember.WEIGHT_GRAD);
  }

  String weightT() {
    return names.of(index, LayerMember.WEIGHT_T);
  }

  String bias() {
    return names.of(index, LayerMember.BIAS);
  }

  String biasGrad() {
    return names.of(index, LayerMember.BIAS_GRAD);
  }

  String gamma() {
    return names.of(index, LayerMember.GAMMA);
  }

  String gammaGrad() {
    return names.of(index, LayerMember.GAMMA_GRAD);
  }

  String beta() {
    return names.of(index, LayerMember.BETA);
  }

  String betaGrad() {
    return names.of(index, LayerMember.BETA_GRAD);
  }

  /** x̂, the normalized values, kept for the backward pass. */
  /**
   * The activation's input, kept for the backward pass where f' needs it ({@code
   * Activations.derivativeNeedsInput}: GELU, SiLU, softplus, hard-swish).
   */
  String pre() {
    return names.of(index, LayerMember.PRE);
  }

  String normalized() {
    return names.of(index, LayerMember.NORMALIZED);
  }

  String mean() {
    return names.of(index, LayerMember.MEAN);
  }

  String variance() {
    return names.of(index, LayerMember.VARIANCE);
  }

  String invStd() {
    return names.of(index, LayerMember.INV_STD);
  }

  String runningMean() {
    return names.of(index, LayerMember.RUNNING_MEAN);
  }

  String runningVar() {
    return names.of(index, LayerMember.RUNNING_VAR);
  }

  String tracked() {
    return names.of(index, LayerMember.TRACKED);
  }

  /** Weight of this batch in the running statistics, set before each training pass. */
  String runningWeight() {
    return names.of(index, LayerMember.RUNNING_WEIGHT);
  }

  String scale() {
    return names.of(index, LayerMember.SCALE);
  }

  String shift() {
    return names.of(index, LayerMember.SHIFT);
  }

  /** The name of one of this layer's methods. */
  String method(LayerMember method) {
    return names.of(index, method);
  }

  /** {@code HIDDEN_NOISE}: the layer's factor for {@code Noise.gaussian}. */
  String noiseScale() {
    return names.of(index, LayerMember.NOISE_CONSTANT);
  }

  /** Dense layers and convolutions have weights; inputs and pools do not. */
  boolean hasWeights() {
    return layer.hasWeights();
  }

  NormSpec norm() {
    return layer.norm();
  }

  boolean batchNorm() {
    return layer.norm().kind() == NormSpec.Kind.BATCH;
  }

  boolean layerNorm() {
    return layer.norm().kind() == NormSpec.Kind.LAYER;
  }

  /** Normalization after the activation: the layer's output is then a buffer of its own. */
  boolean normAfterActivation() {
    return layer.norm().isPresent() && !layer.norm().beforeActivation();
  }

  /**
   * The run of values one vector loop covers with its {@link #bound()}: a dense layer's units, an
   * image layer's channels (one pixel); the batch statistics have one value per element of it.
   */
  int run() {
    return layer.isImage() ? layer.image().out().channels() : layer.units();
  }

  String bound() {
    return names.of(index, LayerMember.BOUND_CONSTANT);
  }

  /** The {@link #bound()} constant: {@code private static final int HIDDEN_BOUND = S.loopBound(256)}. */
  FieldSpec boundField() {
    return FieldSpec.builder(int.class, bound(), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("S.loopBound($L)", run()).build();
  }

  /** The buffer the next layer reads while training. */
  String trainOutput() {
    if (layer.hasDropout() || normAfterActivation() || layer.hasNoise()) {
      return out();
    }
    return layer.type() == LayerSpec.Type.INPUT ? LAST_INPUT : act();
  }

  /** The input of the inference pass in progress. */
  static final String INFER_INPUT = "inferInput";

  /** The buffer the next layer reads at inference. */
  String inferOutput() {
    if (layer.type() == LayerSpec.Type.INPUT) {
      return classicDropout() ? out() : INFER_INPUT;
    }
    return act();
  }

  boolean classicDropout() {
    return layer.hasDropout() && layer.dropoutMode() == DropoutMode.CLASSIC;
  }

  /** The factor a kept unit is multiplied by while training. */
  float keptScale() {
    return layer.dropoutMode() == DropoutMode.INVERTED ? (float) (1 / layer.keep()) : 1f;
  }

  // ---- image layers ----

  /** A convolution's weight gradient of one block of pixel rows, before it is added. */
  String weightScratch() {
    return names.of(index, LayerMember.WEIGHT_SCRATCH);
  }

  /** A Winograd convolution's transformed filters, 16 matrices (in, filters). */
  String winogradFilters() {
    return names.of(index, LayerMember.WINOGRAD_FILTERS);
  }

  /** The input gradient's transformed filters (turned by 180°), 16 matrices (filters, in). */
  String winogradFiltersT() {
    return names.of(index, LayerMember.WINOGRAD_FILTERS_T);
  }

  /** The weight gradient's sums in the transformed domain, 16 matrices (in, filters). */
  String winogradGrad() {
    return names.of(index, LayerMember.WINOGRAD_GRAD);
  }

  /** Max pooling: the window position (0..kernel²-1) of each output's maximum, as a float. */
  String slots() {
    return names.of(index, LayerMember.SLOTS);
  }

  /** Instance and group normalization: per (sample, channel) gradient sums of the backward pass. */
  String sumD() {
    return names.of(index, LayerMember.SUM_D);
  }

  String sumDXhat() {
    return names.of(index, LayerMember.SUM_D_XHAT);
  }

  /** The first image layer's input rearranged from (C, H, W) to (H, W, C). */
  String channelsLastInput() {
    return names.of(index, LayerMember.CHANNELS_LAST_INPUT);
  }

  /** Instance or group normalization: statistics per sample and channel. */
  boolean groupNorm() {
    return layer.norm().kind() == NormSpec.Kind.INSTANCE || layer.norm().kind() == NormSpec.Kind.GROUP;
  }
}
