package dev.lamina.examples;

import static dev.lamina.Nonlinearity.RELU;
import static dev.lamina.Nonlinearity.TANH;

import dev.lamina.Activation;
import dev.lamina.BiasInit;
import dev.lamina.Dense;
import dev.lamina.FanMode;
import dev.lamina.Init;
import dev.lamina.Input;
import dev.lamina.Layer;
import dev.lamina.Model;

/** Models for the initialization tests: symmetric and random hidden layers, an image input. */
final class InitTestModels {
  private InitTestModels() {}

  /** Every weight starts constant: the hidden units stay one unit. */
  @Model
  @SuppressWarnings("lamina:InitSymmetry")
  static class Symmetric {
    @Input(6) Layer in;
    @Dense(units = 8, init = Init.CONSTANT, constant = 0.3) @Activation(TANH) Layer hidden;
    @Dense(units = 3, init = Init.CONSTANT, constant = 0.2) Layer out;
  }

  /** The hidden layer starts constant but the next one is random: the units drift apart. */
  @Model
  @SuppressWarnings("lamina:InitSymmetry")
  static class SymmetricHiddenRandomOut {
    @Input(6) Layer in;
    @Dense(units = 8, init = Init.CONSTANT, constant = 0.3) @Activation(TANH) Layer hidden;
    @Dense(units = 3) Layer out;
  }

  /** A random hidden layer (the default), the same constant output layer as {@link Symmetric}. */
  @Model
  static class RandomHidden {
    @Input(6) Layer in;
    @Dense(units = 8) @Activation(TANH) Layer hidden;
    @Dense(units = 3, init = Init.CONSTANT, constant = 0.2) Layer out;
  }

  /** An image input flattened into the first dense layer, and a fan mode on each layer. */
  @Model
  static class ImageInput {
    @Input(channels = 3, height = 8, width = 8) Layer pixels;
    @Dense(units = 50, init = Init.XAVIER) @Activation(TANH) Layer a;
    @Dense(units = 20, init = Init.HE, fanMode = FanMode.OUT) @Activation(RELU)
    @BiasInit(value = Init.CONSTANT, constant = 0.01) Layer b;
    @Dense(units = 10, init = Init.LECUN_UNIFORM) Layer c;
  }
}
