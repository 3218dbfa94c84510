package dev.lamina.io;

import dev.lamina.internal.layer.LayerOps;
import dev.lamina.internal.layer.TorchLayout;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.Network;
import dev.lamina.nn.NormSpec;
import dev.lamina.nn.Parameter;
import dev.lamina.nn.ParameterKind;
import dev.lamina.nn.Shape;
import dev.lamina.nn.StateTensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A network's tensors as a file holds them: PyTorch's names and layouts, so that a Lamina file is
 * a PyTorch {@code state_dict} and back. Parameters keep their names ({@code hidden1.weight}).
 * Where Lamina's layout differs from PyTorch's the file has PyTorch's:
 * <ul>
 *   <li>a dense weight, (fanIn, units) in Lamina, is stored (units, fanIn) like {@code
 *       nn.Linear.weight}; after a convolution or pooling layer its inputs are also reordered
 *       from Lamina's (H, W, C) flattening to PyTorch's (C, H, W) one, as {@code nn.Flatten}
 *       gives them (an image input is given (C, H, W) and read as it is);
 *   <li>a convolution's weight, (kernel, kernel, channels, filters) in Lamina, is stored
 *       (filters, channels, kernel, kernel) like {@code nn.Conv2d.weight};
 *   <li>layer normalization's γ and β over an image, (H, W, C) in Lamina, are stored (C, H, W)
 *       like {@code nn.LayerNorm([C, H, W])}'s.
 * </ul>
 * Every other tensor is stored as it is. Non-trainable state (batch normalization's {@code
 * running_mean}, {@code running_var}, {@code batches_tracked}) follows the parameters, each a
 * vector.
 */
final class ModelTensors {
  /**
   * One live tensor of the network and how the file lays it out: the live values, seen as
   * {@code view} (row-major), are permuted so that file axis {@code i} is view axis {@code
   * permutation[i]} (null: no permutation), and the result has shape {@code fileShape}.
   */
  record Slot(String name, int[] fileShape, float[] live, int[] view, int[] permutation) {
    /** {@code values} (laid out like {@link #live}) in the file's layout: a new array. */
    float[] toFile(float[] values) {
      return permutation == null ? values.clone() : permute(values, view, permutation, true);
    }

    float[] toFile() {
      return toFile(live);
    }

    /** {@code fileValues} in the network's layout, ready to copy into {@link #live}. */
    float[] fromFile(float[] fileValues) {
      return permutation == null ? fileValues : permute(fileValues, view, permutation, false);
    }
  }

  private ModelTensors() {}

  /** Every tensor a saved model holds: each parameter, then the non-trainable state. */
  static List<Slot> of(Network network) {
    List<LayerSpec> layers = network.spec().layers();
    List<Slot> slots = new ArrayList<>();
    for (Parameter p : network.parameters()) {
      String name = p.name();
      String layer = name.substring(0, Math.max(0, name.lastIndexOf('.')));
      int at = 0;
      while (at < layers.size() && !layers.get(at).name().equals(layer)) {
        at++;
      }
      slots.add(at == layers.size() || at == 0
          ? new Slot(name, p.shape(), p.values(), null, null)
          : slot(p, layers.get(at), network.spec().inputOf(at)));
    }
    for (StateTensor s : network.state()) {
      slots.add(new Slot(s.name(), new int[] {s.values().length}, s.values(), null, null));
    }
    return slots;
  }

  private static Slot slot(Parameter p, LayerSpec layer, LayerSpec previous) {
    String name = p.name();
    int[] shape = p.shape();
    boolean weight = p.kind() == ParameterKind.WEIGHT;
    boolean affine = p.kind() == ParameterKind.GAMMA || p.kind() == ParameterKind.BETA;
    if (weight) {
      TorchLayout layout = LayerOps.weighted(layer).torchWeight(layer, previous);
      requireShape(name, shape, layout.stored());
      return new Slot(name, layout.torch(), p.values(), layout.view(), layout.permutation());
    }
    if (layer.norm().kind() == NormSpec.Kind.LAYER && affine && layer.isImage()) {
      // (H, W, C) → (C, H, W)
      Shape out = layer.image().out();
      requireShape(name, shape, out.height(), out.width(), out.channels());
      return new Slot(name, new int[] {out.channels(), out.height(), out.width()}, p.values(),
          shape, new int[] {2, 0, 1});
    }
    return new Slot(name, shape, p.values(), null, null);
  }

  /**
   * The layouts above are Lamina's as this class knows them; a parameter of another shape means
   * the network's layout changed, and saving it as PyTorch's would silently scramble it.
   */
  private static void requireShape(String name, int[] shape, int... expected) {
    if (!java.util.Arrays.equals(shape, expected)) {
      throw new IllegalStateException(name + " has shape " + java.util.Arrays.toString(shape)
          + " but ModelTensors maps the layout " + java.util.Arrays.toString(expected)
          + " to PyTorch's; update dev.lamina.io.ModelTensors with the new layout");
    }
  }

  /** The tensors of {@code slots}, in file layout, to write. */
  static List<Tensor> tensors(List<Slot> slots) {
    List<Tensor> tensors = new ArrayList<>();
    for (Slot s : slots) {
      tensors.add(new Tensor(s.name(), s.fileShape(), s.toFile()));
    }
    return tensors;
  }

  /**
   * Permutes a row-major tensor of {@code shape} (the network's layout) so that axis {@code i} of
   * the result is axis {@code permutation[i]}, or back ({@code toFile} false: {@code in} is the
   * permuted one).
   */
  static float[] permute(float[] in, int[] shape, int[] permutation, boolean toFile) {
    int rank = shape.length;
    int[] strides = new int[rank]; // of the network's layout
    for (int i = rank - 1, s = 1; i >= 0; s *= shape[i], i--) {
      strides[i] = s;
    }
    int[] fileShape = new int[rank];
    int[] fileStrides = new int[rank]; // the network-layout stride of each file axis
    for (int i = 0; i < rank; i++) {
      fileShape[i] = shape[permutation[i]];
      fileStrides[i] = strides[permutation[i]];
    }
    float[] out = new float[in.length];
    int[] index = new int[rank];
    for (int f = 0; f < in.length; f++) {
      int n = 0;
      for (int i = 0; i < rank; i++) {
        n += index[i] * fileStrides[i];
      }
      if (toFile) {
        out[f] = in[n];
      } else {
        out[n] = in[f];
      }
      for (int i = rank - 1; i >= 0 && ++index[i] == fileShape[i]; i--) {
        index[i] = 0;
      }
    }
    return out;
  }
}
