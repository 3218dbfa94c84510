package dev.lamina.examples;

import static dev.lamina.Nonlinearity.RELU;

import dev.lamina.Activation;
import dev.lamina.BatchNorm;
import dev.lamina.Dense;
import dev.lamina.Dropout;
import dev.lamina.Input;
import dev.lamina.Layer;
import dev.lamina.Model;

/** The main MLP with batch normalization before each hidden activation: the benchmark's model. */
@Model
class FashionMlpBn {
  @Input(784) @Dropout(keep = 0.9) Layer pixels;
  @Dense(units = 256) @BatchNorm @Activation(RELU) @Dropout(keep = 0.8) Layer hidden1;
  @Dense(units = 128) @BatchNorm @Activation(RELU) @Dropout(keep = 0.8) Layer hidden2;
  @Dense(units = 10) Layer logits;
}
