package dev.lamina.examples;

import static dev.lamina.Nonlinearity.LEAKY_RELU;
import static dev.lamina.Nonlinearity.RELU;
import static dev.lamina.Nonlinearity.TANH;

import dev.lamina.Activation;
import dev.lamina.BatchNorm;
import dev.lamina.Decay;
import dev.lamina.Dense;
import dev.lamina.Dropout;
import dev.lamina.GaussianNoise;
import dev.lamina.Input;
import dev.lamina.Layer;
import dev.lamina.LayerNorm;
import dev.lamina.Model;
import dev.lamina.NormPlacement;

/** Models with @GaussianNoise on every kind of layer and with @Decay overrides. */
final class NoisyModels {
  private NoisyModels() {}

  /** Noise on the input (with dropout), on hidden layers with and without dropout; odd sizes. */
  @Model
  static class Noisy {
    @Input(13) @GaussianNoise(0.3) @Dropout(keep = 0.8) Layer in;
    @Dense(units = 19) @Activation(RELU) @GaussianNoise(0.2) Layer a;
    @Dense(units = 33) @Activation(TANH) @GaussianNoise(0.1) @Dropout(keep = 0.6) Layer b;
    @Dense(units = 5) @Decay(value = 0.5, bias = true) Layer out;
  }

  /** Noise after batch norm (before the activation) and after layer norm (after it). */
  @Model
  static class NoisyNormalized {
    @Input(11) @GaussianNoise(0.5) Layer in;
    @Dense(units = 17) @BatchNorm @Activation(value = LEAKY_RELU, slope = 0.1) @GaussianNoise(0.2)
    Layer a;
    @Dense(units = 20) @Activation(TANH) @LayerNorm(placement = NormPlacement.AFTER_ACTIVATION)
    @GaussianNoise(0.1) @Dropout(keep = 0.7) Layer b;
    @Dense(units = 4) @Decay(0) Layer out;
  }
}
