package dev.lamina.processor.writing;

import dev.lamina.DropoutMode;
import dev.lamina.nn.LayerSpec;

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

  String bound() {
    return layer.name().toUpperCase(java.util.Locale.ROOT) + "_BOUND";
  }

  /** The buffer the next layer reads while training. */
  String trainOutput() {
    if (layer.hasDropout()) {
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
}
