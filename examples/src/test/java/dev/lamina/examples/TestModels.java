package dev.lamina.examples;

import static dev.lamina.Nonlinearity.LEAKY_RELU;
import static dev.lamina.Nonlinearity.RELU;
import static dev.lamina.Nonlinearity.SIGMOID;
import static dev.lamina.Nonlinearity.TANH;

import dev.lamina.Activation;
import dev.lamina.Dense;
import dev.lamina.Dropout;
import dev.lamina.DropoutMode;
import dev.lamina.Init;
import dev.lamina.Input;
import dev.lamina.Layer;
import dev.lamina.Loss;
import dev.lamina.Model;

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
}
