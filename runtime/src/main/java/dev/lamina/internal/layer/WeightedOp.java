package dev.lamina.internal.layer;

import dev.lamina.init.Fans;
import dev.lamina.nn.LayerSpec;

/** A kind of layer with a weight (and optionally a bias): its shapes, fans and PyTorch layout. */
public interface WeightedOp extends LayerOp {
  /**
   * The weight's shape as Lamina stores it.
   *
   * @param layer a layer of this kind
   * @return the dimensions, outermost first
   */
  int[] weightShape(LayerSpec layer);

  /**
   * The fans the initializers scale by, as PyTorch computes them.
   *
   * @param layer a layer of this kind
   * @return fan-in and fan-out
   */
  Fans fans(LayerSpec layer);

  /**
   * How the weight maps to PyTorch's.
   *
   * @param layer a layer of this kind
   * @param input the layer it reads
   * @return the layout
   */
  TorchLayout torchWeight(LayerSpec layer, LayerSpec input);

  @Override
  default boolean hasActivation() {
    return true;
  }
}
