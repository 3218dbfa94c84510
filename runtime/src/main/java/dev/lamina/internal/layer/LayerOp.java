package dev.lamina.internal.layer;

import dev.lamina.internal.onnx.OnnxGraph;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.Parameters;
import java.util.List;
import java.util.function.Function;

/**
 * What one kind of layer computes, and how the runtime describes it, in the code that is not
 * generated: the scalar reference, the summary and ONNX export. Normalization, activation, noise
 * and dropout are the same for every kind and are applied after the op by the code that calls it.
 * A kind's op registers itself with {@code @AutoService(LayerOp.class)} and names its {@link
 * #type()}; {@link LayerOps} finds them. A kind with a weight implements {@link WeightedOp} too.
 *
 * <p>Layout: a sample given to the network is (C, H, W); every image layer's output is stored
 * (H, W, C), element {@code ((s·H + h)·W + w)·C + c} of a batch.
 */
public interface LayerOp {
  /**
   * The layers this op computes: exactly one op has each type.
   *
   * @return its type
   */
  LayerSpec.Type type();

  /**
   * The "Layer (type)" column of the summary: "Dense", "Conv2d 3x3, stride 2".
   *
   * @param layer a layer of this kind
   * @return its description
   */
  String summaryName(LayerSpec layer);

  /**
   * Whether the layer applies its {@code @Activation} after the op.
   *
   * @return true for the kinds that take one
   */
  default boolean hasActivation() {
    return false;
  }

  /**
   * Whether the op reads an image input as (H, W, C): an image input of several channels, given
   * (C, H, W), is rearranged first. A dense layer reads it as given.
   *
   * @return true for the kinds that read pixels
   */
  default boolean readsPixels() {
    return false;
  }

  /**
   * The op's output in double precision, before normalization and activation.
   *
   * @param layer a layer of this kind
   * @param inputs the outputs of the layers it reads, {@code rows} samples each
   * @param parameters the network's parameters (this layer's are read)
   * @param rows the samples in the batch
   * @return {@code rows · layer.units()} values
   */
  double[] forward(LayerSpec layer, List<float[]> inputs, Parameters parameters, int rows);

  /**
   * Sets the gradients of the layer's parameters and returns the gradient of each input.
   *
   * @param layer a layer of this kind
   * @param inputs the inputs of the last {@link #forward}
   * @param dz the loss's gradient with respect to the op's output
   * @param parameters the network's parameters (this layer's gradients are written)
   * @param rows the samples in the batch
   * @return the loss's gradient with respect to each input, in {@code inputs}' order
   */
  List<double[]> backward(LayerSpec layer, List<float[]> inputs, double[] dz, Parameters parameters,
      int rows);

  /**
   * Adds the op's ONNX nodes, which read tensors laid out as PyTorch's: (N, C, H, W) or (N, F).
   *
   * @param graph the graph under construction
   * @param layer a layer of this kind
   * @param inputs the tensors of the layers it reads
   * @param input the first layer it reads
   * @param tensor the initializer of one of this layer's parameters in PyTorch's layout, by
   *     suffix ("weight", "bias")
   * @return the op's output tensor
   */
  String onnx(OnnxGraph graph, LayerSpec layer, List<String> inputs, LayerSpec input,
      Function<String, String> tensor);
}
