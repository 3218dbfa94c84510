package dev.lamina.examples;

import static dev.lamina.Nonlinearity.RELU;

import dev.lamina.Activation;
import dev.lamina.BatchNorm;
import dev.lamina.Dense;
import dev.lamina.Init;
import dev.lamina.Input;
import dev.lamina.Layer;
import dev.lamina.Model;

/**
 * The batch-normalization lab's four networks: the same 784-256-128-10 ReLU MLP with and without
 * batch normalization, each with He init and with a poor one (N(0, 1) weights, whose activations
 * grow about √fan_in-fold per layer).
 */
final class BatchNormLabModels {
  private BatchNormLabModels() {}

  @Model
  static class Plain {
    @Input(784) Layer pixels;
    @Dense(units = 256, init = Init.HE) @Activation(RELU) Layer hidden1;
    @Dense(units = 128, init = Init.HE) @Activation(RELU) Layer hidden2;
    @Dense(units = 10, init = Init.XAVIER) Layer logits;
  }

  @Model
  static class Normalized {
    @Input(784) Layer pixels;
    @Dense(units = 256, init = Init.HE) @BatchNorm @Activation(RELU) Layer hidden1;
    @Dense(units = 128, init = Init.HE) @BatchNorm @Activation(RELU) Layer hidden2;
    @Dense(units = 10, init = Init.XAVIER) Layer logits;
  }

  @Model
  @SuppressWarnings("lamina") // the poor init is the point
  static class PlainPoorInit {
    @Input(784) Layer pixels;
    @Dense(units = 256, init = Init.NORMAL, std = 1) @Activation(RELU) Layer hidden1;
    @Dense(units = 128, init = Init.NORMAL, std = 1) @Activation(RELU) Layer hidden2;
    @Dense(units = 10, init = Init.NORMAL, std = 1) Layer logits;
  }

  @Model
  @SuppressWarnings("lamina")
  static class NormalizedPoorInit {
    @Input(784) Layer pixels;
    @Dense(units = 256, init = Init.NORMAL, std = 1) @BatchNorm @Activation(RELU) Layer hidden1;
    @Dense(units = 128, init = Init.NORMAL, std = 1) @BatchNorm @Activation(RELU) Layer hidden2;
    @Dense(units = 10, init = Init.NORMAL, std = 1) Layer logits;
  }
}
