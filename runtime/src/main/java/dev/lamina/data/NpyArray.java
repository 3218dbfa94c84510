package dev.lamina.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An n-dimensional array as NumPy stores it: an element type, a shape, and the elements in C
 * order (the last index varies fastest). Fortran-ordered files are reordered when read. Immutable.
 */
public final class NpyArray {
  private final NpyType type;
  private final int[] shape;
  /** Little-endian elements in C order. */
  private final byte[] data;

  NpyArray(NpyType type, int[] shape, byte[] data) {
    this.type = type;
    this.shape = shape.clone();
    this.data = data;
    long expected = (long) size(shape) * type.bytes();
    if (data.length != expected) {
      throw new IllegalArgumentException("data must hold " + expected + " bytes for shape "
          + Arrays.toString(shape) + " of " + type.numpyName() + ", got " + data.length);
    }
  }

  /**
   * {@return a float32 array of {@code values} with {@code shape}}
   *
   * @param values the elements, in C order
   * @param shape the dimensions; their product must be {@code values.length}
   */
  public static NpyArray of(float[] values, int... shape) {
    ByteBuffer b = buffer(checkShape(values.length, shape), NpyType.FLOAT32);
    b.asFloatBuffer().put(values);
    return new NpyArray(NpyType.FLOAT32, shape, b.array());
  }

  /**
   * {@return a float64 array of {@code values} with {@code shape}}
   *
   * @param values the elements, in C order
   * @param shape the dimensions; their product must be {@code values.length}
   */
  public static NpyArray of(double[] values, int... shape) {
    ByteBuffer b = buffer(checkShape(values.length, shape), NpyType.FLOAT64);
    b.asDoubleBuffer().put(values);
    return new NpyArray(NpyType.FLOAT64, shape, b.array());
  }

  /**
   * {@return an int32 array of {@code values} with {@code shape}}
   *
   * @param values the elements, in C order
   * @param shape the dimensions; their product must be {@code values.length}
   */
  public static NpyArray of(int[] values, int... shape) {
    ByteBuffer b = buffer(checkShape(values.length, shape), NpyType.INT32);
    b.asIntBuffer().put(values);
    return new NpyArray(NpyType.INT32, shape, b.array());
  }

  /**
   * {@return an int64 array of {@code values} with {@code shape}}
   *
   * @param values the elements, in C order
   * @param shape the dimensions; their product must be {@code values.length}
   */
  public static NpyArray of(long[] values, int... shape) {
    ByteBuffer b = buffer(checkShape(values.length, shape), NpyType.INT64);
    b.asLongBuffer().put(values);
    return new NpyArray(NpyType.INT64, shape, b.array());
  }

  /**
   * Unsigned bytes (pixels): each value 0..255 from the byte's bits.
   *
   * @param values the bytes, each read as 0..255
   * @param shape the dimensions; their product must be {@code values.length}
   * @return a uint8 array
   */
  public static NpyArray ofUnsignedBytes(byte[] values, int... shape) {
    checkShape(values.length, shape);
    return new NpyArray(NpyType.UINT8, shape, values.clone());
  }

  /** {@return the element type} */
  public NpyType type() {
    return type;
  }

  /** {@return a copy of the dimensions} */
  public int[] shape() {
    return shape.clone();
  }

  /**
   * The number of elements: the product of the shape (1 for a 0-d array).
   *
   * @return the element count
   */
  public int size() {
    return size(shape);
  }

  /**
   * The elements as float, in C order (float64 and int64 rounded to the nearest float).
   *
   * @return the elements
   */
  public float[] toFloats() {
    float[] out = new float[size()];
    if (type == NpyType.FLOAT32) {
      ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
      return out;
    }
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) doubleAt(i);
    }
    return out;
  }

  /** {@return the elements as double, in C order} */
  public double[] toDoubles() {
    double[] out = new double[size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = doubleAt(i);
    }
    return out;
  }

  /**
   * The elements as int, in C order; fails naming the first that is not a whole number in int's
   * range (a float array of labels such as 2.0 is fine).
   *
   * @return the elements
   * @throws IllegalArgumentException if an element is not a whole number in int's range
   */
  public int[] toInts() {
    int[] out = new int[size()];
    for (int i = 0; i < out.length; i++) {
      double v = type == NpyType.INT64 ? longAt(i) : doubleAt(i);
      if (v != Math.rint(v) || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("element " + i + " of this " + type.numpyName()
            + " array is " + (type == NpyType.INT64 ? Long.toString(longAt(i)) : v)
            + ", not an int; expected whole numbers such as class labels");
      }
      out[i] = (int) v;
    }
    return out;
  }

  /**
   * {@return the elements as long, in C order}
   *
   * @throws IllegalArgumentException if an element is not a whole number in long's range
   */
  public long[] toLongs() {
    long[] out = new long[size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = type.isFloat() ? (long) doubleAt(i) : longAt(i);
    }
    return out;
  }

  /** The raw little-endian bytes of the elements, C order. */
  byte[] data() {
    return data;
  }

  private double doubleAt(int i) {
    ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    return switch (type) {
      case FLOAT32 -> b.getFloat(i * 4);
      case FLOAT64 -> b.getDouble(i * 8);
      default -> longAt(i);
    };
  }

  private long longAt(int i) {
    ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    return switch (type) {
      case INT8 -> data[i];
      case UINT8 -> data[i] & 0xFF;
      case INT16 -> b.getShort(i * 2);
      case INT32 -> b.getInt(i * 4);
      case INT64 -> b.getLong(i * 8);
      default -> (long) doubleAt(i);
    };
  }

  static int size(int[] shape) {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    return (int) n;
  }

  private static int checkShape(int length, int[] shape) {
    long n = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("shape must not be negative, got "
            + Arrays.toString(shape));
      }
      n *= d;
    }
    if (n != length) {
      throw new IllegalArgumentException("values.length must be the product of shape "
          + Arrays.toString(shape) + " = " + n + ", got " + length);
    }
    return length;
  }

  private static ByteBuffer buffer(int length, NpyType type) {
    return ByteBuffer.allocate(length * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
  }

  @Override
  public String toString() {
    return type.numpyName() + Arrays.toString(shape);
  }
}
