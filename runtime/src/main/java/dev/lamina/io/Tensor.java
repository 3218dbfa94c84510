package dev.lamina.io;

import java.util.Arrays;

/**
 * A named float32 tensor to write: a shape and its values, flat and row-major (the last index
 * varies fastest), as safetensors and PyTorch store them.
 *
 * @param name the tensor's name in the file, e.g. {@code hidden1.weight}; not empty, not {@code
 *     __metadata__}
 * @param shape its dimensions, each ≥ 0 (copied)
 * @param values its values, as many as the shape's product (not copied)
 */
public record Tensor(String name, int[] shape, float[] values) {
  /**
   * Copies the shape and checks it against the values.
   *
   * @throws IllegalArgumentException if the name is empty or reserved, a dimension is negative, or
   *     the values do not fill the shape
   */
  public Tensor {
    if (name == null || name.isEmpty() || name.equals(SafeTensors.METADATA)) {
      throw new IllegalArgumentException(
          "name must be non-empty and not " + SafeTensors.METADATA + ", got " + name);
    }
    shape = shape.clone();
    long size = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException(
            "shape of " + name + " must not be negative, got " + Arrays.toString(shape));
      }
      size *= d;
    }
    if (size != values.length) {
      throw new IllegalArgumentException("values of " + name + " must hold " + size
          + " floats for shape " + Arrays.toString(shape) + ", got " + values.length);
    }
  }

  /** {@return a copy of the tensor's dimensions} */
  @Override
  public int[] shape() {
    return shape.clone();
  }

  @Override
  public String toString() {
    return name + Arrays.toString(shape);
  }
}
