package dev.lamina.examples;

import static dev.lamina.Nonlinearity.RELU;

import dev.lamina.Activation;
import dev.lamina.Dense;
import dev.lamina.Input;
import dev.lamina.Layer;
import dev.lamina.Loss;
import dev.lamina.Model;

/** One small model per task beyond single-label classification. */
final class TaskModels {
  private TaskModels() {}

  /** Two regression outputs, trained with the Huber loss. */
  @Model(loss = Loss.HUBER)
  static class Regression {
    @Input(8) Layer in;
    @Dense(units = 32) @Activation(RELU) Layer hidden;
    @Dense(units = 2) Layer values;
  }

  /** Binary classification with one logit. */
  @Model(loss = Loss.BINARY_CROSS_ENTROPY)
  static class Binary {
    @Input(8) Layer in;
    @Dense(units = 16) @Activation(RELU) Layer hidden;
    @Dense(units = 1) Layer logit;
  }

  /** Three independent labels. */
  @Model(loss = Loss.MULTI_LABEL_CROSS_ENTROPY)
  static class MultiLabel {
    @Input(8) Layer in;
    @Dense(units = 16) @Activation(RELU) Layer hidden;
    @Dense(units = 3) Layer logits;
  }
}
