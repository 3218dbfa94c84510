package dev.lamina.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A safetensors file read into memory whose layout has been checked by {@link SafeTensors#read}. */
public final class SafeTensorsFile {
  /**
   * One tensor's header entry: its type, shape and byte range in the data.
   *
   * @param name the tensor's name
   * @param dtype its element type
   * @param shape its dimensions
   * @param begin the offset of its first byte in the data section
   * @param end the offset just after its last byte
   */
  public record Entry(String name, DType dtype, int[] shape, long begin, long end) {
    /** {@return a copy of the tensor's dimensions} */
    @Override
    public int[] shape() {
      return shape.clone();
    }

    /**
     * The number of elements.
     *
     * @return the product of the shape
     */
    public long size() {
      long n = 1;
      for (int d : shape) {
        n *= d;
      }
      return n;
    }
  }

  private final Path path;
  private final Map<String, String> metadata;
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final byte[] bytes;
  private final int dataStart;

  SafeTensorsFile(Path path, Map<String, String> metadata, List<Entry> entries, byte[] bytes,
      int dataStart) {
    this.path = path;
    this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    entries.forEach(e -> this.entries.put(e.name(), e));
    this.bytes = bytes;
    this.dataStart = dataStart;
  }

  /** {@return the file read} */
  public Path path() {
    return path;
  }

  /**
   * The header's {@code __metadata__} strings; empty when the file has none.
   *
   * @return the metadata, unmodifiable
   */
  public Map<String, String> metadata() {
    return metadata;
  }

  /**
   * The tensors' names, in header order.
   *
   * @return the names
   */
  public List<String> names() {
    return new ArrayList<>(entries.keySet());
  }

  /**
   * {@return whether the file holds tensor {@code name}}
   *
   * @param name the tensor's name
   */
  public boolean contains(String name) {
    return entries.containsKey(name);
  }

  /**
   * The header entry of tensor {@code name}.
   *
   * @param name the tensor's name
   * @return its entry
   * @throws ModelFileException if the file has no tensor of that name
   */
  public Entry entry(String name) throws ModelFileException {
    Entry e = entries.get(name);
    if (e == null) {
      throw new ModelFileException(path, "expected a tensor named \"" + name + "\", found only "
          + entries.keySet());
    }
    return e;
  }

  /**
   * Tensor {@code name}'s values, row-major, checked to be float32 of {@code expectedShape}
   * (null accepts any shape).
   *
   * @param name the tensor's name
   * @param expectedShape its expected shape, or null for any
   * @return the values (a fresh array)
   * @throws ModelFileException if the tensor is missing, not float32, or of another shape
   */
  public float[] floats(String name, int[] expectedShape) throws ModelFileException {
    Entry e = entry(name);
    if (e.dtype() != DType.F32) {
      throw new ModelFileException(path, "expected tensor \"" + name + "\" to be F32 (float32),"
          + " found " + e.dtype() + "; convert it before saving, e.g. tensor.float() in PyTorch");
    }
    if (expectedShape != null && !Arrays.equals(e.shape, expectedShape)) {
      throw new ModelFileException(path, "expected tensor \"" + name + "\" to have shape "
          + Arrays.toString(expectedShape) + ", found " + Arrays.toString(e.shape));
    }
    float[] values = new float[(int) e.size()];
    ByteBuffer.wrap(bytes, dataStart + (int) e.begin(), (int) (e.end() - e.begin()))
        .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    return values;
  }
}
