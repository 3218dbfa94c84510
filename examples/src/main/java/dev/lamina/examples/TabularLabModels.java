package dev.lamina.examples;

import static dev.lamina.Nonlinearity.RELU;

import dev.lamina.Activation;
import dev.lamina.Dense;
import dev.lamina.Input;
import dev.lamina.Layer;
import dev.lamina.Loss;
import dev.lamina.Model;

/** The tabular lab's models: one small MLP per dataset, shaped by its task. */
final class TabularLabModels {
  private TabularLabModels() {}

  /** Breast cancer: 30 measurements, malignant (0) or benign (1), one logit. */
  @Model(loss = Loss.BINARY_CROSS_ENTROPY)
  static class BreastCancer {
    @Input(30) Layer measurements;
    @Dense(units = 32) @Activation(RELU) Layer hidden;
    @Dense(units = 1) Layer logit;
  }

  /** Digits: 8×8 images of 0–9 as 64 pixel counts, ten classes. */
  @Model(loss = Loss.SOFTMAX_CROSS_ENTROPY)
  static class Digits {
    @Input(64) Layer pixels;
    @Dense(units = 128) @Activation(RELU) Layer hidden;
    @Dense(units = 10) Layer logits;
  }

  /** Wine: 13 chemical measurements, three cultivars. */
  @Model(loss = Loss.SOFTMAX_CROSS_ENTROPY)
  static class Wine {
    @Input(13) Layer measurements;
    @Dense(units = 32) @Activation(RELU) Layer hidden;
    @Dense(units = 3) Layer logits;
  }

  /** Diabetes: 10 raw baseline variables, disease progression a year later (one value). */
  @Model(loss = Loss.MEAN_SQUARED_ERROR)
  static class Diabetes {
    @Input(10) Layer baseline;
    @Dense(units = 16) @Activation(RELU) Layer hidden;
    @Dense(units = 1) Layer progression;
  }
}
