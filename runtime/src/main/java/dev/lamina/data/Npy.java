package dev.lamina.data;

import dev.lamina.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes NumPy's {@code .npy} files (format versions 1 to 3): float32, float64, int8 to
 * int64 and uint8, little- or big-endian, C or Fortran order. What {@code numpy.save} writes,
 * {@link #read} reads; what {@link #write} writes, {@code numpy.load} reads. Every malformed file
 * fails with a {@link DataFormatException} naming it and saying what was expected.
 *
 * <pre>{@code
 * NpyArray x = Npy.read(Path.of("x_train.npy"));          // e.g. float32 (60000, 784)
 * Npy.write(Path.of("predictions.npy"), NpyArray.of(probabilities, rows, classes));
 * }</pre>
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private Npy() {}

  /**
   * Reads a {@code .npy} file of one of {@link NpyType}'s types, either byte order, C or Fortran
   * order (returned in C order).
   *
   * @param file the file
   * @return the array
   * @throws IOException if the file cannot be read or is malformed or of another type, naming it
   */
  public static NpyArray read(Path file) throws IOException {
    return parse(Files.readAllBytes(file), file, "");
  }

  /**
   * Writes {@code array} to {@code file} atomically, as format 1.0, C order, little-endian.
   *
   * @param file the file, replaced whole
   * @param array the array
   * @throws IOException if the file cannot be written
   */
  public static void write(Path file, NpyArray array) throws IOException {
    AtomicFiles.write(file, encode(array));
  }

  /** The bytes of a {@code .npy} file holding {@code array}. */
  static byte[] encode(NpyArray array) {
    int[] shape = array.shape();
    StringBuilder dims = new StringBuilder();
    for (int d : shape) {
      dims.append(d).append(", ");
    }
    String shapeText = shape.length == 1 ? shape[0] + "," : shape.length == 0 ? ""
        : dims.substring(0, dims.length() - 2);
    String dict = "{'descr': '" + array.type().descriptor() + "', 'fortran_order': False,"
        + " 'shape': (" + shapeText + "), }";
    // magic, version, length, dict, spaces, '\n': a multiple of 64 bytes, as numpy aligns it
    int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
    int padding = (64 - unpadded % 64) % 64;
    String header = dict + " ".repeat(padding) + "\n";
    byte[] data = array.data();
    ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 4 + header.length() + data.length)
        .order(ByteOrder.LITTLE_ENDIAN);
    out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length())
        .put(header.getBytes(StandardCharsets.US_ASCII)).put(data);
    return out.array();
  }

  /**
   * Parses the bytes of a {@code .npy} file; {@code entry} names the member of an archive in
   * messages ("" for a plain file).
   */
  static NpyArray parse(byte[] bytes, Path file, String entry) throws DataFormatException {
    String where = entry.isEmpty() ? "" : entry + ": ";
    if (bytes.length < MAGIC.length + 4
        || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
      throw new DataFormatException(file, where + "not a NumPy .npy file: expected it to start"
          + " with the magic bytes \\x93NUMPY" + (bytes.length == 0 ? ", the file is empty"
          : ", found " + printable(bytes)));
    }
    int major = bytes[6] & 0xFF;
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long headerLength;
    int start;
    if (major == 1) {
      headerLength = b.getShort(8) & 0xFFFF;
      start = 10;
    } else if (major == 2 || major == 3) {
      if (bytes.length < 12) {
        throw new DataFormatException(file, where + "the header is truncated: expected a 4-byte"
            + " header length after the version, the file ends after " + bytes.length + " bytes");
      }
      headerLength = b.getInt(8) & 0xFFFFFFFFL;
      start = 12;
    } else {
      throw new DataFormatException(file, where + "format version " + major + "." + bytes[7]
          + " is not supported; expected 1.0, 2.0 or 3.0 (numpy.save writes 1.0)");
    }
    if (start + headerLength > bytes.length) {
      throw new DataFormatException(file, where + "the header is truncated: expected "
          + headerLength + " bytes of header, the file ends after " + (bytes.length - start));
    }
    String header = new String(bytes, start, (int) headerLength,
        major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    Header h = header(header, file, where);
    long expected = (long) NpyArray.size(h.shape) * h.type.bytes();
    int dataStart = start + (int) headerLength;
    long found = bytes.length - dataStart;
    if (found != expected) {
      throw new DataFormatException(file, where + "expected " + expected + " bytes of "
          + h.type.numpyName() + " data for shape " + shapeText(h.shape) + " after the "
          + dataStart + "-byte header, found " + found
          + (found < expected ? " (the file is truncated)" : " (extra bytes at the end)"));
    }
    byte[] data = Arrays.copyOfRange(bytes, dataStart, bytes.length);
    if (h.bigEndian && h.type.bytes() > 1) {
      reverseEach(data, h.type.bytes());
    }
    if (h.fortran && h.shape.length > 1) {
      data = fortranToC(data, h.shape, h.type.bytes());
    }
    return new NpyArray(h.type, h.shape, data);
  }

  private record Header(NpyType type, boolean bigEndian, boolean fortran, int[] shape) {}

  private static Header header(String text, Path file, String where) throws DataFormatException {
    Matcher descr = DESCR.matcher(text);
    Matcher order = ORDER.matcher(text);
    Matcher shape = SHAPE.matcher(text);
    if (!descr.find() || !order.find() || !shape.find()) {
      throw new DataFormatException(file, where + "expected a header dictionary with 'descr',"
          + " 'fortran_order' and 'shape', found " + text.strip());
    }
    String d = descr.group(1);
    NpyType type = null;
    if (d.length() >= 3 && "<>|=".indexOf(d.charAt(0)) >= 0) {
      try {
        type = NpyType.of(d.substring(1, 2), Integer.parseInt(d.substring(2)));
      } catch (NumberFormatException e) {
        type = null;
      }
    }
    if (type == null) {
      throw new DataFormatException(file, where + "unsupported element type '" + d + "'"
          + (d.contains("O") ? " (Python objects, pickled)" : "") + "; expected float32, float64,"
          + " int8, int16, int32, int64 or uint8: convert with array.astype(numpy.float32)");
    }
    List<Integer> dims = new ArrayList<>();
    long total = 1;
    for (String part : shape.group(1).split(",")) {
      if (part.isBlank()) {
        continue;
      }
      long dim;
      try {
        dim = Long.parseLong(part.strip());
      } catch (NumberFormatException e) {
        throw new DataFormatException(file, where + "expected the shape to be a tuple of"
            + " integers, found (" + shape.group(1) + ")");
      }
      total *= Math.max(dim, 1);
      if (dim < 0 || total * type.bytes() > Integer.MAX_VALUE - 8) {
        throw new DataFormatException(file, where + "the shape (" + shape.group(1) + ") of "
            + type.numpyName() + " is negative or larger than one Java array holds");
      }
      dims.add((int) dim);
    }
    return new Header(type, d.charAt(0) == '>', order.group(1).equals("True"),
        dims.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Reorders elements from Fortran order (first index fastest) to C order (last fastest). */
  private static byte[] fortranToC(byte[] data, int[] shape, int width) {
    byte[] out = new byte[data.length];
    int n = NpyArray.size(shape);
    int[] index = new int[shape.length];
    for (int c = 0; c < n; c++) {
      // c walks C order; index holds its coordinates; f is the same element's Fortran offset
      int f = 0;
      for (int d = shape.length - 1; d >= 0; d--) {
        f = f * shape[d] + index[d];
      }
      System.arraycopy(data, f * width, out, c * width, width);
      for (int d = shape.length - 1; d >= 0 && ++index[d] == shape[d]; d--) {
        index[d] = 0;
      }
    }
    return out;
  }

  private static void reverseEach(byte[] data, int width) {
    for (int at = 0; at < data.length; at += width) {
      for (int i = 0; i < width / 2; i++) {
        byte t = data[at + i];
        data[at + i] = data[at + width - 1 - i];
        data[at + width - 1 - i] = t;
      }
    }
  }

  static String shapeText(int[] shape) {
    StringBuilder s = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      s.append(i > 0 ? ", " : "").append(shape[i]);
    }
    return s.append(shape.length == 1 ? ",)" : ")").toString();
  }

  private static String printable(byte[] bytes) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < Math.min(6, bytes.length); i++) {
      int c = bytes[i] & 0xFF;
      s.append(c >= 32 && c < 127 ? String.valueOf((char) c) : String.format("\\x%02x", c));
    }
    return s.toString();
  }
}
