package dev.lamina.io;

import java.util.Arrays;

/**
 * A named float32 tensor to write: a shape and its values, flat and row-major (the last index
 * varies fastest), as safetensors and PyTorch store them.
 */
public record Tensor(String name, int[] shape, float[] values) {
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

  @Override
  public int[] shape() {
    return shape.clone();
  }

  @Override
  public String toString() {
    return name + Arrays.toString(shape);
  }
}
