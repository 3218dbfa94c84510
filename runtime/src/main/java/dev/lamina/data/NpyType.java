package dev.lamina.data;

/** The element types Lamina reads and writes in NumPy files, with their NumPy names. */
public enum NpyType {
  /** IEEE 754 single precision. */
  FLOAT32("f", 4, "float32"),
  /** IEEE 754 double precision. */
  FLOAT64("f", 8, "float64"),
  /** Signed 8-bit integers. */
  INT8("i", 1, "int8"),
  /** Signed 16-bit integers. */
  INT16("i", 2, "int16"),
  /** Signed 32-bit integers. */
  INT32("i", 4, "int32"),
  /** Signed 64-bit integers. */
  INT64("i", 8, "int64"),
  /** Unsigned 8-bit integers (pixels). */
  UINT8("u", 1, "uint8");

  private final String kind;
  private final int bytes;
  private final String numpyName;

  NpyType(String kind, int bytes, String numpyName) {
    this.kind = kind;
    this.bytes = bytes;
    this.numpyName = numpyName;
  }

  /**
   * Bytes per element.
   *
   * @return the element size
   */
  public int bytes() {
    return bytes;
  }

  /**
   * NumPy's name: {@code float32}, {@code int64}, ...
   *
   * @return the name
   */
  public String numpyName() {
    return numpyName;
  }

  /** {@return whether the type is a floating-point one} */
  public boolean isFloat() {
    return kind.equals("f");
  }

  /** The little-endian descriptor written in a header: {@code <f4}, {@code |u1}. */
  String descriptor() {
    return (bytes == 1 ? "|" : "<") + kind + bytes;
  }

  /** The type of a descriptor's kind and size ({@code f}, 4), or null when not supported. */
  static NpyType of(String kind, int bytes) {
    for (NpyType t : values()) {
      if (t.kind.equals(kind) && t.bytes == bytes) {
        return t;
      }
    }
    return null;
  }
}
