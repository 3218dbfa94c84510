package dev.lamina.io;

import dev.lamina.nn.Network;
import dev.lamina.nn.Parameter;
import dev.lamina.nn.ParameterKind;
import dev.lamina.nn.StateTensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A network's tensors as a file holds them: PyTorch's names and layouts, so that a Lamina file is
 * a PyTorch {@code state_dict} and back. Parameters keep their names ({@code hidden1.weight});
 * a dense weight, (fanIn, units) in Lamina, is stored transposed as (units, fanIn) like {@code
 * nn.Linear.weight}; every other tensor is stored as it is. Non-trainable state (batch
 * normalization's {@code running_mean}, {@code running_var}, {@code batches_tracked}) follows the
 * parameters, each a vector.
 */
final class ModelTensors {
  /** One live tensor of the network and its shape in the file. */
  record Slot(String name, int[] fileShape, float[] live, boolean transposed) {
    /** The values in the file's layout. */
    float[] toFile() {
      return transposed ? transpose(live, fileShape[1], fileShape[0]) : live.clone();
    }

    /** {@code fileValues} in the network's layout, ready to copy into {@link #live}. */
    float[] fromFile(float[] fileValues) {
      return transposed ? transpose(fileValues, fileShape[0], fileShape[1]) : fileValues;
    }
  }

  private ModelTensors() {}

  /** Every tensor a saved model holds: each parameter, then the non-trainable state. */
  static List<Slot> of(Network network) {
    List<Slot> slots = new ArrayList<>();
    for (Parameter p : network.parameters()) {
      int[] shape = p.shape();
      boolean dense = p.kind() == ParameterKind.WEIGHT && shape.length == 2;
      int[] fileShape = dense ? new int[] {shape[1], shape[0]} : shape;
      slots.add(new Slot(p.name(), fileShape, p.values(), dense));
    }
    for (StateTensor s : network.state()) {
      slots.add(new Slot(s.name(), new int[] {s.values().length}, s.values(), false));
    }
    return slots;
  }

  /** The tensors of {@code slots}, in file layout, to write. */
  static List<Tensor> tensors(List<Slot> slots) {
    List<Tensor> tensors = new ArrayList<>();
    for (Slot s : slots) {
      tensors.add(new Tensor(s.name(), s.fileShape(), s.toFile()));
    }
    return tensors;
  }

  /** {@code in} (rows × cols, row-major) transposed to cols × rows. */
  static float[] transpose(float[] in, int rows, int cols) {
    float[] out = new float[in.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        out[c * rows + r] = in[r * cols + c];
      }
    }
    return out;
  }
}
