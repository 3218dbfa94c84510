package dev.lamina.nn;

import dev.lamina.Loss;
import java.util.List;

/**
 * A whole model as the runtime sees it: the layers in order (the first is the input) and the
 * loss. Generated networks expose theirs as {@code SPEC}.
 */
public record NetworkSpec(String name, Loss loss, double labelSmoothing, List<LayerSpec> layers) {
  public NetworkSpec {
    layers = List.copyOf(layers);
    if (layers.isEmpty() || layers.get(0).type() != LayerSpec.Type.INPUT) {
      throw new IllegalArgumentException("the first layer of " + name + " must be the input");
    }
    if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
      throw new IllegalArgumentException("labelSmoothing must be in [0, 1), got " + labelSmoothing);
    }
  }

  public int inputSize() {
    return layers.get(0).units();
  }

  public int outputSize() {
    return layers.get(layers.size() - 1).units();
  }

  /** The trainable tensors this model has, named {@code <layer>.weight} and {@code <layer>.bias}. */
  public Parameters newParameters() {
    var list = new java.util.ArrayList<Parameter>();
    for (LayerSpec layer : layers) {
      if (layer.type() == LayerSpec.Type.CONV) {
        ConvParameters.add(list, layer);
        continue;
      }
      if (layer.type() != LayerSpec.Type.DENSE) {
        continue;
      }
      list.add(new Parameter(layer.name() + ".weight", ParameterKind.WEIGHT,
          new int[] {layer.fanIn(), layer.units()}, layer.fanIn(), layer.units(),
          layer.decayScale()));
      if (layer.bias()) {
        list.add(new Parameter(layer.name() + ".bias", ParameterKind.BIAS,
            new int[] {layer.units()}, layer.fanIn(), layer.units(),
            layer.decayBias() ? layer.decayScale() : 0));
      }
      if (layer.norm().isPresent()) {
        list.add(new Parameter(layer.name() + ".gamma", ParameterKind.GAMMA,
            new int[] {layer.units()}, layer.fanIn(), layer.units(), false));
        list.add(new Parameter(layer.name() + ".beta", ParameterKind.BETA,
            new int[] {layer.units()}, layer.fanIn(), layer.units(), false));
      }
    }
    return new Parameters(list);
  }

  /**
   * The non-trainable state: for each batch-normalized layer its running mean (starts at 0),
   * running variance (starts at 1) and the number of batches tracked.
   */
  public java.util.List<StateTensor> newState() {
    var list = new java.util.ArrayList<StateTensor>();
    for (LayerSpec layer : layers) {
      if (layer.norm().kind() == NormSpec.Kind.BATCH) {
        // One statistic per unit of a dense layer, per channel of an image layer.
        float[] variance = new float[layer.channels()];
        java.util.Arrays.fill(variance, 1f);
        list.add(new StateTensor(layer.name() + ".running_mean", new float[layer.channels()]));
        list.add(new StateTensor(layer.name() + ".running_var", variance));
        list.add(new StateTensor(layer.name() + ".batches_tracked", new float[1]));
      }
    }
    return java.util.List.copyOf(list);
  }

  /**
   * The fewest rows a training batch may have: 2 when a layer normalizes over the batch and one
   * sample gives it a single value per unit (a dense layer, or an image of one pixel).
   */
  public int minTrainingRows() {
    return layers.stream().anyMatch(l -> l.norm().kind() == NormSpec.Kind.BATCH && l.pixels() == 1)
        ? 2 : 1;
  }
}
