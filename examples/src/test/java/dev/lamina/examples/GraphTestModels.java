package dev.lamina.examples;

import static dev.lamina.Nonlinearity.LEAKY_RELU;
import static dev.lamina.Nonlinearity.RELU;
import static dev.lamina.Nonlinearity.TANH;

import dev.lamina.Activation;
import dev.lamina.Add;
import dev.lamina.BatchNorm;
import dev.lamina.Concat;
import dev.lamina.Conv2d;
import dev.lamina.Dense;
import dev.lamina.Dropout;
import dev.lamina.From;
import dev.lamina.GlobalAvgPool2d;
import dev.lamina.Input;
import dev.lamina.Layer;
import dev.lamina.MaxPool2d;
import dev.lamina.Model;

/**
 * Small graph models for the checks that move a model out of Lamina: PyTorch (the fixture of
 * scripts/pytorch_graph_fixtures.py), model files, checkpoints, bagging and ONNX.
 */
final class GraphTestModels {
  private GraphTestModels() {}

  /**
   * A residual network on (2, 8, 8) images, the fixture's model: a stem, an identity block, a
   * block that halves the image with a strided 1×1 projection on its shortcut, a branch that
   * max-pools the first block's output, both concatenated along channels, global average pooling
   * and 3 logits.
   */
  @Model
  static class Residual {
    @Input(channels = 2, height = 8, width = 8) Layer image;
    @Conv2d(filters = 4, kernel = 3, padding = 1, bias = false) @BatchNorm @Activation(RELU) Layer stem;
    @Conv2d(filters = 4, kernel = 3, padding = 1, bias = false) @BatchNorm @Activation(RELU) Layer conv1;
    @Conv2d(filters = 4, kernel = 3, padding = 1, bias = false) @BatchNorm(gamma = 0) Layer conv2;
    @Add({"stem", "conv2"}) @Activation(RELU) Layer block1;                        // (4, 8, 8)
    @Conv2d(filters = 6, kernel = 3, stride = 2, padding = 1, bias = false) @BatchNorm @Activation(RELU) Layer conv3;
    @Conv2d(filters = 6, kernel = 3, padding = 1, bias = false) @BatchNorm(gamma = 0) Layer conv4;
    @From("block1") @Conv2d(filters = 6, kernel = 1, stride = 2, bias = false) @BatchNorm Layer projection;
    @Add({"projection", "conv4"}) @Activation(RELU) Layer block2;                  // (6, 4, 4)
    @From("block1") @MaxPool2d(2) Layer side;                                       // (4, 4, 4)
    @Concat({"block2", "side"}) Layer both;                                         // (10, 4, 4)
    @GlobalAvgPool2d Layer pool;                                                    // (10, 1, 1)
    @Dense(units = 3) Layer logits;
  }

  /**
   * A flat graph: two branches of the input concatenated along features, and a residual sum over
   * dense layers with dropout on the sum.
   */
  @Model
  static class DenseBranches {
    @Input(12) Layer features;
    @Dense(units = 8) @Activation(RELU) Layer deep;
    @From("features") @Dense(units = 6) @Activation(TANH) Layer wide;
    @Concat({"deep", "wide"}) Layer both;                                           // (14)
    @Dense(units = 8) @BatchNorm(gamma = 0) Layer mixed;
    @Add({"deep", "mixed"}) @Activation(RELU) @Dropout(keep = 0.8) Layer sum;
    @Dense(units = 3) Layer logits;
  }

  /**
   * Image branches side by side before a dense layer: a convolution, a batch-normalized one
   * reading the input too, and the one-channel input itself, concatenated along channels and read
   * flattened by the logits.
   */
  @Model
  static class ConcatHead {
    @Input(channels = 1, height = 6, width = 6) Layer image;
    @Conv2d(filters = 3, kernel = 3, padding = 1) @Activation(RELU) Layer a;
    @From("image") @Conv2d(filters = 2, kernel = 3, padding = 1, bias = false) @BatchNorm
    @Activation(TANH) Layer b;
    @Concat({"a", "b", "image"}) Layer both;                                       // (6, 6, 6)
    @Dense(units = 3) Layer logits;
  }

  /**
   * Flat merges: two dense branches and the input concatenated along features, a batch-normalized
   * layer over them summed with a branch under leaky ReLU of slope 0.2, and the logits.
   */
  @Model
  static class FlatGraph {
    @Input(7) Layer features;
    @Dense(units = 6) @Activation(TANH) Layer deep;
    @From("features") @Dense(units = 5) @Activation(RELU) Layer wide;
    @Concat({"deep", "wide", "features"}) Layer both;                              // (18)
    @Dense(units = 6) @BatchNorm(gamma = 0) Layer mixed;
    @Add({"deep", "mixed"}) @Activation(value = LEAKY_RELU, slope = 0.2) Layer sum;
    @Dense(units = 3) Layer logits;
  }

  /**
   * A two-channel input read twice: by a convolution (which rearranges it to (H, W, C)) and,
   * through @From, by a dense layer (which reads it (C, H, W), as given); the two paths summed.
   */
  @Model
  static class InputReaders {
    @Input(channels = 2, height = 5, width = 5) Layer image;
    @Conv2d(filters = 3, kernel = 3, padding = 1) @Activation(RELU) Layer conv;
    @GlobalAvgPool2d Layer pool;                                                    // (3, 1, 1)
    @Dense(units = 4) Layer fromPool;
    @From("image") @Dense(units = 4) Layer fromPixels;
    @Add({"fromPool", "fromPixels"}) @Activation(TANH) Layer sum;
    @Dense(units = 3) Layer logits;
  }
}
