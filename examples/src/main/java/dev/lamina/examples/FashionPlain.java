package dev.lamina.examples;

import static dev.lamina.Nonlinearity.RELU;

import dev.lamina.Activation;
import dev.lamina.BatchNorm;
import dev.lamina.Conv2d;
import dev.lamina.Dense;
import dev.lamina.GlobalAvgPool2d;
import dev.lamina.Input;
import dev.lamina.Layer;
import dev.lamina.Loss;
import dev.lamina.Model;

/**
 * {@link FashionResNet} without its skips: the same 13 convolutions in a chain (each with its
 * ReLU, no projections), the same pooling and head. {@code bin/lamina fashion-resnet --no-skip}
 * trains it the same way, to show what the shortcuts buy.
 */
@Model(loss = Loss.SOFTMAX_CROSS_ENTROPY)
class FashionPlain {
  @Input(channels = 1, height = 28, width = 28) Layer image;
  @Conv2d(filters = 16, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer stem;
  @Conv2d(filters = 16, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer conv1a;
  @Conv2d(filters = 16, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer conv1b;
  @Conv2d(filters = 16, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer conv2a;
  @Conv2d(filters = 16, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer conv2b;
  @Conv2d(filters = 32, kernel = 3, stride = 2, padding = 1) @BatchNorm @Activation(RELU) Layer conv3a;
  @Conv2d(filters = 32, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer conv3b;
  @Conv2d(filters = 32, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer conv4a;
  @Conv2d(filters = 32, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer conv4b;
  @Conv2d(filters = 64, kernel = 3, stride = 2, padding = 1) @BatchNorm @Activation(RELU) Layer conv5a;
  @Conv2d(filters = 64, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer conv5b;
  @Conv2d(filters = 64, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer conv6a;
  @Conv2d(filters = 64, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer conv6b;
  @GlobalAvgPool2d Layer pool;
  @Dense(units = 10) Layer logits;
}
