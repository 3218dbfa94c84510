package dev.lamina.examples;

import static dev.lamina.Nonlinearity.RELU;
import static dev.lamina.Nonlinearity.SIGMOID;
import static dev.lamina.Nonlinearity.TANH;

import dev.lamina.Activation;
import dev.lamina.Dense;
import dev.lamina.Init;
import dev.lamina.Input;
import dev.lamina.Layer;
import dev.lamina.Loss;
import dev.lamina.Model;

/**
 * The layers of the initialization lab: one dense layer of width 100, without bias, per pair of
 * activation and initializer. {@link InitLab} stacks ten of each, every one drawn from its own
 * seed, to make the classic ten-layer network. The bad pairs are bad on purpose, so each keeps
 * the compile-time advice it would get, silenced by name.
 */
final class InitLabModels {
  private InitLabModels() {}

  @Model(loss = Loss.MEAN_SQUARED_ERROR)
  @SuppressWarnings("lamina:InitScale")
  static final class TanhNormalSmall {
    @Input(100) Layer in;
    @Dense(units = 100, bias = false, init = Init.NORMAL, std = 0.01) @Activation(TANH) Layer out;
  }

  @Model(loss = Loss.MEAN_SQUARED_ERROR)
  @SuppressWarnings("lamina:InitScale")
  static final class TanhNormalLarge {
    @Input(100) Layer in;
    @Dense(units = 100, bias = false, init = Init.NORMAL, std = 1) @Activation(TANH) Layer out;
  }

  @Model(loss = Loss.MEAN_SQUARED_ERROR)
  static final class TanhXavier {
    @Input(100) Layer in;
    @Dense(units = 100, bias = false, init = Init.XAVIER) @Activation(TANH) Layer out;
  }

  @Model(loss = Loss.MEAN_SQUARED_ERROR)
  @SuppressWarnings("lamina:XavierForTanh")
  static final class TanhHe {
    @Input(100) Layer in;
    @Dense(units = 100, bias = false, init = Init.HE) @Activation(TANH) Layer out;
  }

  @Model(loss = Loss.MEAN_SQUARED_ERROR)
  @SuppressWarnings("lamina:InitScale")
  static final class SigmoidNormalSmall {
    @Input(100) Layer in;
    @Dense(units = 100, bias = false, init = Init.NORMAL, std = 0.01) @Activation(SIGMOID) Layer out;
  }

  @Model(loss = Loss.MEAN_SQUARED_ERROR)
  @SuppressWarnings("lamina:InitScale")
  static final class SigmoidNormalLarge {
    @Input(100) Layer in;
    @Dense(units = 100, bias = false, init = Init.NORMAL, std = 1) @Activation(SIGMOID) Layer out;
  }

  @Model(loss = Loss.MEAN_SQUARED_ERROR)
  static final class SigmoidXavier {
    @Input(100) Layer in;
    @Dense(units = 100, bias = false, init = Init.XAVIER) @Activation(SIGMOID) Layer out;
  }

  @Model(loss = Loss.MEAN_SQUARED_ERROR)
  @SuppressWarnings("lamina:XavierForTanh")
  static final class SigmoidHe {
    @Input(100) Layer in;
    @Dense(units = 100, bias = false, init = Init.HE) @Activation(SIGMOID) Layer out;
  }

  @Model(loss = Loss.MEAN_SQUARED_ERROR)
  @SuppressWarnings("lamina:InitScale")
  static final class ReluNormalSmall {
    @Input(100) Layer in;
    @Dense(units = 100, bias = false, init = Init.NORMAL, std = 0.01) @Activation(RELU) Layer out;
  }

  @Model(loss = Loss.MEAN_SQUARED_ERROR)
  @SuppressWarnings("lamina:InitScale")
  static final class ReluNormalLarge {
    @Input(100) Layer in;
    @Dense(units = 100, bias = false, init = Init.NORMAL, std = 1) @Activation(RELU) Layer out;
  }

  @Model(loss = Loss.MEAN_SQUARED_ERROR)
  @SuppressWarnings("lamina:HeForRelu")
  static final class ReluXavier {
    @Input(100) Layer in;
    @Dense(units = 100, bias = false, init = Init.XAVIER) @Activation(RELU) Layer out;
  }

  @Model(loss = Loss.MEAN_SQUARED_ERROR)
  static final class ReluHe {
    @Input(100) Layer in;
    @Dense(units = 100, bias = false, init = Init.HE) @Activation(RELU) Layer out;
  }
}
