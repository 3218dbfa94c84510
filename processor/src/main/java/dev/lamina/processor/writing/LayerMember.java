package dev.lamina.processor.writing;

import java.util.Locale;

/**
 * Every field, constant and method the generated class declares for one layer. Its name is the
 * layer's name with this member's suffix unless that name is taken ({@link GeneratedNames}).
 */
enum LayerMember {
  // Buffers and parameters (fields).
  ACT("Act"), MASK("Mask"), OUT("Out"), GRAD("Grad"),
  WEIGHT("Weight"), WEIGHT_GRAD("WeightGrad"), WEIGHT_T("WeightT"),
  BIAS("Bias"), BIAS_GRAD("BiasGrad"),
  GAMMA("Gamma"), GAMMA_GRAD("GammaGrad"), BETA("Beta"), BETA_GRAD("BetaGrad"),
  NORMALIZED("Normalized"), MEAN("Mean"), VARIANCE("Variance"), INV_STD("InvStd"),
  RUNNING_MEAN("RunningMean"), RUNNING_VAR("RunningVar"), TRACKED("Tracked"),
  RUNNING_WEIGHT("RunningWeight"), SCALE("Scale"), SHIFT("Shift"),
  WEIGHT_SCRATCH("WeightScratch"), SLOTS("Slots"), SUM_D("SumD"),
  SUM_D_XHAT("SumDXhat"), CHANNELS_LAST_INPUT("Input"), PRE("Pre"),
  WINOGRAD_FILTERS("Filters"), WINOGRAD_FILTERS_T("FiltersT"), WINOGRAD_GRAD("FilterGrad"),
  // Constants: HIDDEN_BOUND, HIDDEN_NOISE.
  BOUND_CONSTANT("_BOUND"), NOISE_CONSTANT("_NOISE"),
  // Methods.
  FORWARD_TRAIN("ForwardTrain"), FORWARD_INFER("ForwardInfer"), LINEAR("Linear"),
  STATISTICS("Statistics"), NORMALIZE("Normalize"), NORM_SUMS("NormSums"),
  NORM_BACKWARD("NormBackward"), GRADIENT("Gradient"), WEIGHT_GRADIENT("WeightGradient"),
  INPUT_GRADIENT("InputGradient"), BACKWARD("Backward"), IM2COL("Im2col"), COL2IM("Col2im"),
  CHANNELS_LAST("ChannelsLast"), DROPOUT_METHOD("Dropout"), NOISE_METHOD("Noise"),
  SCALE_METHOD("Scale");

  private final String suffix;

  LayerMember(String suffix) {
    this.suffix = suffix;
  }

  boolean isMethod() {
    return ordinal() >= FORWARD_TRAIN.ordinal();
  }

  /** The name this member would have: {@code hiddenWeight}, {@code HIDDEN_BOUND}, {@code hiddenLinear}. */
  String suggestion(String layer) {
    return suffix.startsWith("_") ? layer.toUpperCase(Locale.ROOT) + suffix : layer + suffix;
  }
}
