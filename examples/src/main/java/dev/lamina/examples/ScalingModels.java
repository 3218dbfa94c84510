package dev.lamina.examples;

import static dev.lamina.Nonlinearity.RELU;

import dev.lamina.Activation;
import dev.lamina.Dense;
import dev.lamina.Init;
import dev.lamina.Input;
import dev.lamina.Layer;
import dev.lamina.Model;

/**
 * The networks of {@code bin/lamina scaling}: 784-W-W-10 ReLU MLPs of widths 256, 1024 and 4096,
 * plain products and activations, so that the figures are the kernels': 1.1 MB of weights (about
 * this core's L2), 7.4 MB (L3) and 80 MB (memory).
 */
final class ScalingModels {
  private ScalingModels() {}

  @Model
  static class Mlp256 {
    @Input(784) Layer pixels;
    @Dense(units = 256, init = Init.HE) @Activation(RELU) Layer hidden1;
    @Dense(units = 256, init = Init.HE) @Activation(RELU) Layer hidden2;
    @Dense(units = 10, init = Init.XAVIER) Layer logits;
  }

  @Model
  static class Mlp1024 {
    @Input(784) Layer pixels;
    @Dense(units = 1024, init = Init.HE) @Activation(RELU) Layer hidden1;
    @Dense(units = 1024, init = Init.HE) @Activation(RELU) Layer hidden2;
    @Dense(units = 10, init = Init.XAVIER) Layer logits;
  }

  @Model
  static class Mlp4096 {
    @Input(784) Layer pixels;
    @Dense(units = 4096, init = Init.HE) @Activation(RELU) Layer hidden1;
    @Dense(units = 4096, init = Init.HE) @Activation(RELU) Layer hidden2;
    @Dense(units = 10, init = Init.XAVIER) Layer logits;
  }
}
