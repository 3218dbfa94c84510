package dev.lamina.examples;

import static dev.lamina.Nonlinearity.RELU;

import dev.lamina.Activation;
import dev.lamina.BatchNorm;
import dev.lamina.Conv2d;
import dev.lamina.Dense;
import dev.lamina.Dropout;
import dev.lamina.Input;
import dev.lamina.Layer;
import dev.lamina.Loss;
import dev.lamina.MaxPool2d;
import dev.lamina.Model;

/**
 * A small CNN for Fashion-MNIST: two conv–batch norm–ReLU blocks, each halved by max pooling,
 * dropout, and a dense head with batch norm. 0.4 M parameters, most of them in the first dense
 * layer; about 8.6 MFLOP per image forward.
 */
@Model(loss = Loss.SOFTMAX_CROSS_ENTROPY)
class FashionCnn {
  @Input(channels = 1, height = 28, width = 28) Layer image;
  @Conv2d(filters = 32, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer conv1;   // (32, 28, 28)
  @MaxPool2d(2) Layer pool1;                                                                 // (32, 14, 14)
  @Conv2d(filters = 64, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer conv2;   // (64, 14, 14)
  @MaxPool2d(2) @Dropout(keep = 0.75) Layer pool2;                                           // (64, 7, 7)
  @Dense(units = 128) @BatchNorm @Activation(RELU) @Dropout(keep = 0.5) Layer hidden;
  @Dense(units = 10) Layer logits;
}
