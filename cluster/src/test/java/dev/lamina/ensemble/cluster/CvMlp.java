package dev.lamina.ensemble.cluster;

import static dev.lamina.Nonlinearity.RELU;

import dev.lamina.Activation;
import dev.lamina.Dense;
import dev.lamina.Input;
import dev.lamina.Layer;
import dev.lamina.Model;

/** The cross-validation cluster test's model: small, so that five folds train in about a second. */
@Model
class CvMlp {
  @Input(64) Layer features;
  @Dense(units = 64) @Activation(RELU) Layer hidden;
  @Dense(units = 3) Layer logits;
}
