package dev.lamina.processor.writing;

import dev.lamina.DropoutMode;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.NormSpec;
import java.util.Locale;

/** The names of one layer's fields and buffers in the generated class. */
record LayerNames(LayerSpec layer, int index) {
  /** The training input as the generated class keeps it for the backward pass. */
  static final String LAST_INPUT = "lastInput";

  String act() {
    return layer.name() + "Act";
  }

  String mask() {
    return layer.name() + "Mask";
  }

  String out() {
    return layer.name() + "Out";
  }

  String grad() {
    return layer.name() + "Grad";
  }

  String weight() {
    return layer.name() + "Weight";
  }

  String weightGrad() {
    return layer.name() + "WeightGrad";
  }

  String weightT() {
    return layer.name() + "WeightT";
  }

  String bias() {
    return layer.name() + "Bias";
  }

  String biasGrad() {
    return layer.name() + "BiasGrad";
  }

  String gamma() {
    return layer.name() + "Gamma";
  }

  String gammaGrad() {
    return layer.name() + "GammaGrad";
  }

  String beta() {
    return layer.name() + "Beta";
  }

  String betaGrad() {
    return layer.name() + "BetaGrad";
  }

  /** x̂, the normalized values, kept for the backward pass. */
  String normalized() {
    return layer.name() + "Normalized";
  }

  String mean() {
    return layer.name() + "Mean";
  }

  String variance() {
    return layer.name() + "Variance";
  }

  String invStd() {
    return layer.name() + "InvStd";
  }

  String runningMean() {
    return layer.name() + "RunningMean";
  }

  String runningVar() {
    return layer.name() + "RunningVar";
  }

  String tracked() {
    return layer.name() + "Tracked";
  }

  /** Weight of this batch in the running statistics, set before each training pass. */
  String runningWeight() {
    return layer.name() + "RunningWeight";
  }

  String scale() {
    return layer.name() + "Scale";
  }

  String shift() {
    return layer.name() + "Shift";
  }

  /** Dense layers and convolutions have weights; inputs and pools do not. */
  boolean hasWeights() {
    return layer.type() == LayerSpec.Type.DENSE || layer.type() == LayerSpec.Type.CONV;
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
    return layer.name().toUpperCase(Locale.ROOT) + "_BOUND";
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

  /** A convolution's im2col matrix: one row per output pixel, holding its window (kh, kw, c). */
  String cols() {
    return layer.name() + "Cols";
  }

  /** A convolution's weight gradient of one block of pixel rows, before it is added. */
  String weightScratch() {
    return layer.name() + "WeightScratch";
  }

  /** Max pooling: the window position (0..kernel²-1) of each output's maximum, as a float. */
  String slots() {
    return layer.name() + "Slots";
  }

  /** Instance and group normalization: per (sample, channel) gradient sums of the backward pass. */
  String sumD() {
    return layer.name() + "SumD";
  }

  String sumDXhat() {
    return layer.name() + "SumDXhat";
  }

  /** The first image layer's input rearranged from (C, H, W) to (H, W, C). */
  String channelsLastInput() {
    return layer.name() + "Input";
  }

  /** Instance or group normalization: statistics per sample and channel. */
  boolean groupNorm() {
    return layer.norm().kind() == NormSpec.Kind.INSTANCE || layer.norm().kind() == NormSpec.Kind.GROUP;
  }
}
