package dev.lamina.examples;

import static dev.lamina.Nonlinearity.RELU;

import dev.lamina.Activation;
import dev.lamina.Dense;
import dev.lamina.Dropout;
import dev.lamina.GaussianNoise;
import dev.lamina.Init;
import dev.lamina.Input;
import dev.lamina.Layer;
import dev.lamina.Model;

/**
 * The regularization lab's deliberately over-sized MLP, 784-256-256-10 (270k weights for a few
 * thousand samples), once per compile-time setting: dropout, input noise and label smoothing are
 * annotations, so each strength the lab tries is its own model. Weight decay, weight noise and
 * early stopping are trainer settings and use {@link Plain}.
 */
final class RegularizationLabModels {
  private RegularizationLabModels() {}

  @Model
  static class Plain {
    @Input(784) Layer pixels;
    @Dense(units = 256, init = Init.HE) @Activation(RELU) Layer hidden1;
    @Dense(units = 256, init = Init.HE) @Activation(RELU) Layer hidden2;
    @Dense(units = 10, init = Init.XAVIER) Layer logits;
  }

  @Model
  static class DropoutLight {
    @Input(784) @Dropout(keep = 0.9) Layer pixels;
    @Dense(units = 256, init = Init.HE) @Activation(RELU) @Dropout(keep = 0.8) Layer hidden1;
    @Dense(units = 256, init = Init.HE) @Activation(RELU) @Dropout(keep = 0.8) Layer hidden2;
    @Dense(units = 10, init = Init.XAVIER) Layer logits;
  }

  @Model
  static class DropoutMedium {
    @Input(784) @Dropout(keep = 0.8) Layer pixels;
    @Dense(units = 256, init = Init.HE) @Activation(RELU) @Dropout(keep = 0.65) Layer hidden1;
    @Dense(units = 256, init = Init.HE) @Activation(RELU) @Dropout(keep = 0.65) Layer hidden2;
    @Dense(units = 10, init = Init.XAVIER) Layer logits;
  }

  @Model
  static class DropoutStrong {
    @Input(784) @Dropout(keep = 0.8) Layer pixels;
    @Dense(units = 256, init = Init.HE) @Activation(RELU) @Dropout(keep = 0.5) Layer hidden1;
    @Dense(units = 256, init = Init.HE) @Activation(RELU) @Dropout(keep = 0.5) Layer hidden2;
    @Dense(units = 10, init = Init.XAVIER) Layer logits;
  }

  @Model
  static class NoiseLight {
    @Input(784) @GaussianNoise(0.1) Layer pixels;
    @Dense(units = 256, init = Init.HE) @Activation(RELU) Layer hidden1;
    @Dense(units = 256, init = Init.HE) @Activation(RELU) Layer hidden2;
    @Dense(units = 10, init = Init.XAVIER) Layer logits;
  }

  @Model
  static class NoiseMedium {
    @Input(784) @GaussianNoise(0.2) Layer pixels;
    @Dense(units = 256, init = Init.HE) @Activation(RELU) Layer hidden1;
    @Dense(units = 256, init = Init.HE) @Activation(RELU) Layer hidden2;
    @Dense(units = 10, init = Init.XAVIER) Layer logits;
  }

  @Model
  static class NoiseStrong {
    @Input(784) @GaussianNoise(0.4) Layer pixels;
    @Dense(units = 256, init = Init.HE) @Activation(RELU) Layer hidden1;
    @Dense(units = 256, init = Init.HE) @Activation(RELU) Layer hidden2;
    @Dense(units = 10, init = Init.XAVIER) Layer logits;
  }

  @Model(labelSmoothing = 0.05)
  static class SmoothLight {
    @Input(784) Layer pixels;
    @Dense(units = 256, init = Init.HE) @Activation(RELU) Layer hidden1;
    @Dense(units = 256, init = Init.HE) @Activation(RELU) Layer hidden2;
    @Dense(units = 10, init = Init.XAVIER) Layer logits;
  }

  @Model(labelSmoothing = 0.1)
  static class SmoothMedium {
    @Input(784) Layer pixels;
    @Dense(units = 256, init = Init.HE) @Activation(RELU) Layer hidden1;
    @Dense(units = 256, init = Init.HE) @Activation(RELU) Layer hidden2;
    @Dense(units = 10, init = Init.XAVIER) Layer logits;
  }

  @Model(labelSmoothing = 0.2)
  static class SmoothStrong {
    @Input(784) Layer pixels;
    @Dense(units = 256, init = Init.HE) @Activation(RELU) Layer hidden1;
    @Dense(units = 256, init = Init.HE) @Activation(RELU) Layer hidden2;
    @Dense(units = 10, init = Init.XAVIER) Layer logits;
  }

  /** Everything at once, gently: the lightest dropout, input noise and smoothing. */
  @Model(labelSmoothing = 0.05)
  static class AllLight {
    @Input(784) @GaussianNoise(0.1) @Dropout(keep = 0.9) Layer pixels;
    @Dense(units = 256, init = Init.HE) @Activation(RELU) @Dropout(keep = 0.8) Layer hidden1;
    @Dense(units = 256, init = Init.HE) @Activation(RELU) @Dropout(keep = 0.8) Layer hidden2;
    @Dense(units = 10, init = Init.XAVIER) Layer logits;
  }

  /** Everything at once at the middle strengths. */
  @Model(labelSmoothing = 0.1)
  static class AllMedium {
    @Input(784) @GaussianNoise(0.2) @Dropout(keep = 0.8) Layer pixels;
    @Dense(units = 256, init = Init.HE) @Activation(RELU) @Dropout(keep = 0.65) Layer hidden1;
    @Dense(units = 256, init = Init.HE) @Activation(RELU) @Dropout(keep = 0.65) Layer hidden2;
    @Dense(units = 10, init = Init.XAVIER) Layer logits;
  }
}
