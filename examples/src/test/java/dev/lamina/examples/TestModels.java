package dev.lamina.examples;

import static dev.lamina.Nonlinearity.LEAKY_RELU;
import static dev.lamina.Nonlinearity.RELU;
import static dev.lamina.Nonlinearity.SIGMOID;
import static dev.lamina.Nonlinearity.TANH;

import dev.lamina.Activation;
import dev.lamina.BatchNorm;
import dev.lamina.Dense;
import dev.lamina.Dropout;
import dev.lamina.DropoutMode;
import dev.lamina.Init;
import dev.lamina.Input;
import dev.lamina.Layer;
import dev.lamina.LayerNorm;
import dev.lamina.Loss;
import dev.lamina.Model;
import dev.lamina.Nonlinearity;
import dev.lamina.NormPlacement;
import dev.lamina.RunningStats;

/**
 * Small models that between them use every generated code path: each activation, inverted and
 * classic dropout, with and without bias, sizes that leave vector tails, and both losses.
 */
final class TestModels {
  private TestModels() {}

  /** Every smooth activation, dropout on input and hidden layers, odd sizes everywhere. */
  @Model
  static class Smooth {
    @Input(13) @Dropout(keep = 0.7) Layer in;
    @Dense(units = 19) @Activation(TANH) @Dropout(keep = 0.6) Layer a;
    @Dense(units = 33) @Activation(SIGMOID) Layer b;
    @Dense(units = 17) @Activation(value = LEAKY_RELU, slope = 0.1)
    @Dropout(keep = 0.5, mode = DropoutMode.CLASSIC) Layer c;
    @Dense(units = 5) Layer out;
  }

  /** GELU (both forms), SiLU, ELU, SELU, softplus and hard-swish, each on a layer of odd width. */
  @Model
  static class Modern {
    @Input(13) Layer in;
    @Dense(units = 19) @Activation(Nonlinearity.GELU) @Dropout(keep = 0.8) Layer gelu;
    @Dense(units = 17) @Activation(Nonlinearity.SILU) Layer silu;
    @Dense(units = 13) @Activation(Nonlinearity.GELU_TANH) Layer geluTanh;
    @Dense(units = 11) @Activation(Nonlinearity.ELU) Layer elu;
    @Dense(units = 9) @Activation(Nonlinearity.SELU) Layer selu;
    @Dense(units = 7) @Activation(Nonlinearity.SOFTPLUS) Layer softplus;
    @Dense(units = 9) @Activation(Nonlinearity.HARDSWISH) Layer hardswish;
    @Dense(units = 5) Layer out;
  }

  /** ReLU without biases, widths that are whole vectors, and a classic-dropout input. */
  @Model(labelSmoothing = 0.1)
  static class Rectified {
    @Input(40) @Dropout(keep = 0.8, mode = DropoutMode.CLASSIC) Layer in;
    @Dense(units = 32, bias = false) @Activation(RELU) Layer a;
    @Dense(units = 48, init = Init.NORMAL, std = 0.2) @Activation(RELU) @Dropout(keep = 0.5) Layer b;
    @Dense(units = 3, bias = false) Layer out;
  }

  /** Regression-style loss on a single dense layer. */
  @Model(loss = Loss.MEAN_SQUARED_ERROR)
  static class Linear {
    @Input(21) Layer in;
    @Dense(units = 6, init = Init.XAVIER) @Activation(TANH) Layer out;
  }

  /** One dropout layer before a linear head: E[training output] must equal the inference output. */
  @Model
  static class InvertedDropout {
    @Input(8) Layer in;
    @Dense(units = 64) @Activation(RELU) @Dropout(keep = 0.5) Layer hidden;
    @Dense(units = 4) Layer out;
  }

  @Model
  static class ClassicDropout {
    @Input(8) Layer in;
    @Dense(units = 64) @Activation(RELU) @Dropout(keep = 0.5, mode = DropoutMode.CLASSIC) Layer hidden;
    @Dense(units = 4) Layer out;
  }

  // The cases of runtime's fixtures/normalization.json: in 6 → first 7 (norm, activation) → last 5.

  @Model
  static class BatchBeforeRelu {
    @Input(6) Layer in;
    @Dense(units = 7) @BatchNorm @Activation(RELU) Layer first;
    @Dense(units = 5) Layer last;
  }

  @Model
  static class BatchBeforeTanhCumulative {
    @Input(6) Layer in;
    @Dense(units = 7) @BatchNorm(runningStats = RunningStats.CUMULATIVE) @Activation(TANH) Layer first;
    @Dense(units = 5) Layer last;
  }

  @Model
  static class BatchAfterTanh {
    @Input(6) Layer in;
    @Dense(units = 7) @Activation(TANH) @BatchNorm(placement = NormPlacement.AFTER_ACTIVATION) Layer first;
    @Dense(units = 5) Layer last;
  }

  @Model
  @SuppressWarnings("lamina:BiasBeforeBatchNorm")
  static class BatchBeforeIdentityBias {
    @Input(6) Layer in;
    @Dense(units = 7, bias = true) @BatchNorm Layer first;
    @Dense(units = 5) Layer last;
  }

  @Model
  static class BatchTwoRows {
    @Input(6) Layer in;
    @Dense(units = 7) @BatchNorm @Activation(SIGMOID) Layer first;
    @Dense(units = 5) Layer last;
  }

  @Model
  static class LayerBeforeSigmoid {
    @Input(6) Layer in;
    @Dense(units = 7) @LayerNorm @Activation(SIGMOID) Layer first;
    @Dense(units = 5) Layer last;
  }

  @Model
  static class LayerAfterRelu {
    @Input(6) Layer in;
    @Dense(units = 7) @Activation(RELU) @LayerNorm(placement = NormPlacement.AFTER_ACTIVATION) Layer first;
    @Dense(units = 5) Layer last;
  }

  /** Batch norm with dropout, odd widths and both placements, for threads and finite differences. */
  @Model
  static class Normalized {
    @Input(13) @Dropout(keep = 0.8) Layer in;
    @Dense(units = 37) @BatchNorm @Activation(RELU) @Dropout(keep = 0.7) Layer a;
    @Dense(units = 19) @Activation(TANH) @BatchNorm(placement = NormPlacement.AFTER_ACTIVATION,
        runningStats = RunningStats.CUMULATIVE) Layer b;
    @Dense(units = 23) @LayerNorm @Activation(value = LEAKY_RELU, slope = 0.1) @Dropout(keep = 0.6) Layer c;
    @Dense(units = 17) @Activation(SIGMOID) @LayerNorm(placement = NormPlacement.AFTER_ACTIVATION) Layer d;
    @Dense(units = 5) Layer out;
  }
}
