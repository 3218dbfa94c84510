package dev.lamina.io;

/**
 * The element types a safetensors header may name, with their sizes, so that any valid file's
 * layout can be checked; Lamina itself reads and writes {@link #F32} only.
 */
public enum DType {
  /** Booleans, one byte each. */
  BOOL(1),
  /** Unsigned 8-bit integers. */
  U8(1),
  /** Signed 8-bit integers. */
  I8(1),
  /** 8-bit floats with 5 exponent and 2 mantissa bits. */
  F8_E5M2(1),
  /** 8-bit floats with 4 exponent and 3 mantissa bits. */
  F8_E4M3(1),
  /** Signed 16-bit integers. */
  I16(2),
  /** Unsigned 16-bit integers. */
  U16(2),
  /** IEEE 754 half-precision floats. */
  F16(2),
  /** bfloat16: float32's exponent with a 7-bit mantissa. */
  BF16(2),
  /** Signed 32-bit integers. */
  I32(4),
  /** Unsigned 32-bit integers. */
  U32(4),
  /** IEEE 754 single-precision floats, little-endian: the only type Lamina reads and writes. */
  F32(4),
  /** IEEE 754 double-precision floats. */
  F64(8),
  /** Signed 64-bit integers. */
  I64(8),
  /** Unsigned 64-bit integers. */
  U64(8);

  private final int bytes;

  DType(int bytes) {
    this.bytes = bytes;
  }

  /**
   * Bytes per element.
   *
   * @return the element's size in bytes
   */
  public int bytes() {
    return bytes;
  }

  /** The type named {@code name} in a header, or null when safetensors has no such type. */
  static DType parse(String name) {
    for (DType t : values()) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    return null;
  }
}
