package dev.lamina.examples;

import static dev.lamina.Nonlinearity.RELU;

import dev.lamina.Activation;
import dev.lamina.Add;
import dev.lamina.BatchNorm;
import dev.lamina.Conv2d;
import dev.lamina.Dense;
import dev.lamina.From;
import dev.lamina.GlobalAvgPool2d;
import dev.lamina.Input;
import dev.lamina.Layer;
import dev.lamina.Loss;
import dev.lamina.Model;

/**
 * A small ResNet for Fashion-MNIST, in He et al.'s CIFAR layout: a stem convolution, three stages
 * of two basic blocks (16, 32 and 64 channels at 28×28, 14×14 and 7×7), global average pooling and
 * a dense head. Each block adds its input back to two conv–batch-norm layers; the first block of a
 * stage halves the image with a stride-2 convolution and projects its shortcut with a strided 1×1
 * convolution. Each branch's last batch norm starts at γ = 0, so each block starts as the
 * identity. 13 convolutions; 0.18 M parameters; about 40 MFLOP per image forward.
 */
@Model(loss = Loss.SOFTMAX_CROSS_ENTROPY)
class FashionResNet {
  @Input(channels = 1, height = 28, width = 28) Layer image;
  @Conv2d(filters = 16, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer stem;         // (16, 28, 28)

  @Conv2d(filters = 16, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer block1a;
  @Conv2d(filters = 16, kernel = 3, padding = 1) @BatchNorm(gamma = 0) Layer block1b;
  @Add({"stem", "block1b"}) @Activation(RELU) Layer block1;
  @Conv2d(filters = 16, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer block2a;
  @Conv2d(filters = 16, kernel = 3, padding = 1) @BatchNorm(gamma = 0) Layer block2b;
  @Add({"block1", "block2b"}) @Activation(RELU) Layer block2;                                      // (16, 28, 28)

  @Conv2d(filters = 32, kernel = 3, stride = 2, padding = 1) @BatchNorm @Activation(RELU) Layer block3a;
  @Conv2d(filters = 32, kernel = 3, padding = 1) @BatchNorm(gamma = 0) Layer block3b;
  @From("block2") @Conv2d(filters = 32, kernel = 1, stride = 2) @BatchNorm Layer shortcut3;
  @Add({"shortcut3", "block3b"}) @Activation(RELU) Layer block3;
  @Conv2d(filters = 32, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer block4a;
  @Conv2d(filters = 32, kernel = 3, padding = 1) @BatchNorm(gamma = 0) Layer block4b;
  @Add({"block3", "block4b"}) @Activation(RELU) Layer block4;                                      // (32, 14, 14)

  @Conv2d(filters = 64, kernel = 3, stride = 2, padding = 1) @BatchNorm @Activation(RELU) Layer block5a;
  @Conv2d(filters = 64, kernel = 3, padding = 1) @BatchNorm(gamma = 0) Layer block5b;
  @From("block4") @Conv2d(filters = 64, kernel = 1, stride = 2) @BatchNorm Layer shortcut5;
  @Add({"shortcut5", "block5b"}) @Activation(RELU) Layer block5;
  @Conv2d(filters = 64, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer block6a;
  @Conv2d(filters = 64, kernel = 3, padding = 1) @BatchNorm(gamma = 0) Layer block6b;
  @Add({"block5", "block6b"}) @Activation(RELU) Layer block6;                                      // (64, 7, 7)

  @GlobalAvgPool2d Layer pool;                                                                      // (64, 1, 1)
  @Dense(units = 10) Layer logits;
}
