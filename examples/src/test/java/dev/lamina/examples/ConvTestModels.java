package dev.lamina.examples;

import static dev.lamina.Nonlinearity.IDENTITY;
import static dev.lamina.Nonlinearity.LEAKY_RELU;
import static dev.lamina.Nonlinearity.RELU;
import static dev.lamina.Nonlinearity.SIGMOID;
import static dev.lamina.Nonlinearity.TANH;

import dev.lamina.Activation;
import dev.lamina.AvgPool2d;
import dev.lamina.BatchNorm;
import dev.lamina.Conv2d;
import dev.lamina.Dense;
import dev.lamina.Dropout;
import dev.lamina.DropoutMode;
import dev.lamina.GaussianNoise;
import dev.lamina.GlobalAvgPool2d;
import dev.lamina.GroupNorm;
import dev.lamina.Input;
import dev.lamina.InstanceNorm;
import dev.lamina.Layer;
import dev.lamina.LayerNorm;
import dev.lamina.MaxPool2d;
import dev.lamina.Model;
import dev.lamina.NormPlacement;
import dev.lamina.RunningStats;
import dev.lamina.Upsample2d;
import dev.lamina.internal.TrainableNetwork;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Small convolutional models. The first six are the cases of runtime's fixtures/convolution.json
 * (scripts/pytorch_conv_fixtures.py): (2, 7, 6) → conv1 + norm + activation → pool → conv2 →
 * last 3. The others use every generated image code path between them: several input channels,
 * channel counts below, at and past a vector, each pooling and normalization in both placements,
 * noise, and both dropout modes.
 */
final class ConvTestModels {
  /** The generated networks of the fixture's cases, by the fixture's case name. */
  static final Map<String, LongFunction<TrainableNetwork>> PYTORCH_CASES = Map.of(
      "batch_relu_max", ConvTestModels_BatchReluMaxNet::new,
      "batch_after_tanh_avg", ConvTestModels_BatchAfterTanhAvgNet::new,
      "batch_one_row", ConvTestModels_BatchOneRowNet::new,
      "layer_sigmoid_global", ConvTestModels_LayerSigmoidGlobalNet::new,
      "instance_relu_overlapping_max", ConvTestModels_InstanceReluOverlappingMaxNet::new,
      "group_after_leaky", ConvTestModels_GroupAfterLeakyNet::new,
      "batch_relu_upsample", ConvTestModels_BatchReluUpsampleNet::new,
      "batch_relu_winograd", ConvTestModels_BatchReluWinogradNet::new);

  private ConvTestModels() {}

  @Model
  static class BatchReluUpsample {
    @Input(channels = 2, height = 7, width = 6) Layer in;
    @Conv2d(filters = 3, kernel = 3, stride = 2, padding = 1) @BatchNorm @Activation(RELU) Layer conv1;
    @Upsample2d(2) Layer pool;
    @Conv2d(filters = 3, kernel = 3, padding = 1) @Activation(TANH) Layer conv2;
    @Dense(units = 3) Layer last;
  }

  /** Upsampling of a 3-channel input (read channel-major) with noise and classic dropout. */
  @Model
  static class UpsampleMix {
    @Input(channels = 3, height = 4, width = 5) Layer in;
    @Upsample2d(3) @GaussianNoise(0.1) @Dropout(keep = 0.7, mode = DropoutMode.CLASSIC) Layer up;
    @Conv2d(filters = 4, kernel = 3, stride = 2) @Activation(TANH) Layer conv;
    @Upsample2d(2) @Dropout(keep = 0.8) Layer up2;
    @Dense(units = 3) Layer out;
  }

  @Model
  static class BatchReluMax {
    @Input(channels = 2, height = 7, width = 6) Layer in;
    @Conv2d(filters = 4, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer conv1;
    @MaxPool2d(2) Layer pool;
    @Conv2d(filters = 3, kernel = 2) @Activation(TANH) Layer conv2;
    @Dense(units = 3) Layer last;
  }

  /**
   * Batch norm and ReLU applied by the max pool that reads the convolution (its windows tile the
   * image: PoolFusion), over 18 channels: a whole vector and a scalar tail.
   */
  @Model
  static class BatchReluTilingMax {
    @Input(channels = 2, height = 6, width = 8) Layer in;
    @Conv2d(filters = 3, kernel = 1) Layer mix;
    @Conv2d(filters = 18, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer conv1;
    @MaxPool2d(2) Layer pool;
    @Conv2d(filters = 3, kernel = 2) @Activation(TANH) Layer conv2;
    @Dense(units = 3) Layer last;
  }

  /** As {@link BatchReluTilingMax}, with leaky ReLU and an average pool. */
  @Model
  static class BatchLeakyTilingAvg {
    @Input(channels = 1, height = 6, width = 6) Layer in;
    @Conv2d(filters = 3, kernel = 1) Layer mix;
    @Conv2d(filters = 17, kernel = 3, padding = 1) @BatchNorm @Activation(value = LEAKY_RELU, slope = 0.1)
    Layer conv1;
    @AvgPool2d(2) Layer pool;
    @Dense(units = 3) Layer last;
  }

  /** As {@link BatchReluTilingMax}, without an activation: 16 channels, one whole vector. */
  @Model
  static class BatchTilingMax {
    @Input(channels = 1, height = 4, width = 6) Layer in;
    @Conv2d(filters = 2, kernel = 1) Layer mix;
    @Conv2d(filters = 16, kernel = 3, padding = 1) @BatchNorm Layer conv1;
    @MaxPool2d(2) Layer pool;
    @Dense(units = 3) Layer last;
  }

  @Model
  static class BatchAfterTanhAvg {
    @Input(channels = 2, height = 7, width = 6) Layer in;
    @Conv2d(filters = 4, kernel = 3, stride = 2, padding = 1) @Activation(TANH)
    @BatchNorm(placement = NormPlacement.AFTER_ACTIVATION) Layer conv1;
    @AvgPool2d(value = 2, stride = 1) Layer pool;
    @Conv2d(filters = 3, kernel = 1) @Activation(RELU) Layer conv2;
    @Dense(units = 3) Layer last;
  }

  /**
   * A second convolution of 16 channels, 3×3, stride 1: Winograd's F(2×2, 3×3), with a row of
   * half tiles (7 high).
   */
  @Model
  static class BatchReluWinograd {
    @Input(channels = 2, height = 7, width = 6) Layer in;
    @Conv2d(filters = 16, kernel = 3, padding = 1, bias = false) @BatchNorm @Activation(RELU) Layer conv1;
    @Conv2d(filters = 3, kernel = 3, padding = 1) @Activation(TANH) Layer conv2;
    @Dense(units = 3) Layer last;
  }

  @Model
  static class BatchOneRow {
    @Input(channels = 2, height = 7, width = 6) Layer in;
    @Conv2d(filters = 4, kernel = 3, padding = 1) @BatchNorm @Activation(SIGMOID) Layer conv1;
    @Conv2d(filters = 2, kernel = 3, stride = 2) @Activation(IDENTITY) Layer conv2;
    @Dense(units = 3) Layer last;
  }

  @Model
  static class LayerSigmoidGlobal {
    @Input(channels = 2, height = 7, width = 6) Layer in;
    @Conv2d(filters = 4, kernel = 3, padding = 2, dilation = 2) @LayerNorm @Activation(SIGMOID) Layer conv1;
    @GlobalAvgPool2d Layer pool;
    @Conv2d(filters = 3, kernel = 1) @Activation(TANH) Layer conv2;
    @Dense(units = 3) Layer last;
  }

  @Model
  static class InstanceReluOverlappingMax {
    @Input(channels = 2, height = 7, width = 6) Layer in;
    @Conv2d(filters = 4, kernel = 2, padding = 1) @InstanceNorm @Activation(RELU) Layer conv1;
    @MaxPool2d(value = 3, stride = 2) Layer pool;
    @Conv2d(filters = 3, kernel = 2, padding = 1, bias = false) @Activation(SIGMOID) Layer conv2;
    @Dense(units = 3) Layer last;
  }

  @Model
  static class GroupAfterLeaky {
    @Input(channels = 2, height = 7, width = 6) Layer in;
    @Conv2d(filters = 4, kernel = 3, padding = 1) @Activation(value = LEAKY_RELU, slope = 0.1)
    @GroupNorm(value = 2, placement = NormPlacement.AFTER_ACTIVATION) Layer conv1;
    @AvgPool2d(2) Layer pool;
    @Conv2d(filters = 3, kernel = 2, padding = 1) @Activation(RELU) Layer conv2;
    @Dense(units = 3) Layer last;
  }

  /** Three input channels, 18, 20 and 33 filters (vector tails), every pooling, three norms, pool after pool. */
  @Model
  static class ImageMix {
    @Input(channels = 3, height = 9, width = 8) @Dropout(keep = 0.9) Layer in;
    @Conv2d(filters = 18, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) @Dropout(keep = 0.8) Layer a;
    @MaxPool2d(2) Layer p;
    @Conv2d(filters = 20, kernel = 2, padding = 1, dilation = 2) @GroupNorm(4) @Activation(TANH) Layer b;
    @AvgPool2d(value = 2, stride = 1) @Dropout(keep = 0.7, mode = DropoutMode.CLASSIC) Layer q;
    @Conv2d(filters = 33, kernel = 3, padding = 1) @Activation(SIGMOID)
    @InstanceNorm(placement = NormPlacement.AFTER_ACTIVATION) Layer c;
    // Not straight into the global average: that of an instance-normalized channel is its β.
    @MaxPool2d(value = 2, stride = 1) Layer m;
    @GlobalAvgPool2d Layer g;
    @Dense(units = 7) @LayerNorm @Activation(RELU) Layer h;
    @Dense(units = 4) Layer out;
  }

  /** Whole vectors of channels, stride 2, layer norm after a leaky ReLU, noise, a dense head. */
  @Model
  static class ImageNoise {
    @Input(channels = 1, height = 6, width = 7) Layer in;
    @Conv2d(filters = 16, kernel = 3, stride = 2, padding = 1, bias = false)
    @Activation(value = LEAKY_RELU, slope = 0.1) @LayerNorm(placement = NormPlacement.AFTER_ACTIVATION)
    @GaussianNoise(0.1) Layer a;
    @Conv2d(filters = 32, kernel = 2) @Activation(TANH) @BatchNorm(placement = NormPlacement.AFTER_ACTIVATION)
    @Dropout(keep = 0.75) Layer b;
    @MaxPool2d(value = 2, stride = 1) @GaussianNoise(0.05) Layer p;
    @Dense(units = 5) Layer out;
  }

  // The convolutional models of runtime's fixtures/safetensors.json (scripts/lamina_torch.py
  // fixtures), whose tensors PyTorch wrote for the script's twins of them.

  /** A dense layer straight after a (C, H, W) image input: it reads the sample as given. */
  @Model
  static class ImageDense {
    @Input(channels = 2, height = 3, width = 4) Layer in;
    @Dense(units = 5) @Activation(RELU) Layer a;
    @Dense(units = 3) Layer out;
  }

  @Model
  static class CnnBatchGroup {
    @Input(channels = 2, height = 7, width = 6) Layer in;
    @Conv2d(filters = 4, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer c1;
    @MaxPool2d(2) Layer p1;
    @Conv2d(filters = 6, kernel = 2, padding = 1) @Activation(TANH)
    @GroupNorm(value = 3, placement = NormPlacement.AFTER_ACTIVATION) Layer c2;
    @AvgPool2d(value = 2, stride = 1) @Dropout(keep = 0.8) Layer p2;
    @Dense(units = 3) Layer out;
  }

  @Model
  static class CnnLayerInstance {
    @Input(channels = 3, height = 6, width = 5) Layer in;
    @Conv2d(filters = 5, kernel = 3, stride = 2, padding = 1) @LayerNorm @Activation(SIGMOID) Layer c1;
    @Conv2d(filters = 4, kernel = 2, padding = 1, dilation = 2)
    @Activation(value = LEAKY_RELU, slope = 0.1)
    @InstanceNorm(placement = NormPlacement.AFTER_ACTIVATION) Layer c2;
    @MaxPool2d(value = 2, stride = 1) Layer p;
    @Dense(units = 5) @BatchNorm(runningStats = RunningStats.CUMULATIVE) @Activation(RELU) Layer h;
    @Dense(units = 3) Layer out;
  }
}
