package dev.lamina.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST: a magic number {@code 00 00 TT DD}
 * ({@code TT} the data type, {@code DD} the number of dimensions), {@code DD} big-endian 32-bit
 * sizes, then the data, row-major. A file may be gzip-compressed; that is recognized by the gzip
 * magic bytes {@code 1f 8b}, not by the file name. Only unsigned bytes ({@code TT = 0x08}) are
 * read. Every problem with a file is reported as an {@link IdxFormatException} that names it.
 */
public final class Idx {
  /** The magic number of an images file: unsigned bytes, 3 dimensions (images, rows, columns). */
  public static final int IMAGES_MAGIC = 0x00000803;

  /** The magic number of a labels file: unsigned bytes, 1 dimension (labels). */
  public static final int LABELS_MAGIC = 0x00000801;

  private static final int UNSIGNED_BYTE = 0x08;
  private static final int BUFFER_SIZE = 1 << 16;
  /** The largest array the JVM reliably allocates. */
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
  /** Data arrays start at most this big and grow as data arrives, so a lying header is cheap. */
  private static final int FIRST_CHUNK = 1 << 26;

  private Idx() {}

  /**
   * {@code count} images of {@code rows × columns} unsigned bytes, stored row-major.
   *
   * @param count the number of images, > 0
   * @param rows each image's height in pixels, > 0
   * @param columns each image's width in pixels, > 0
   * @param pixels {@code count × rows × columns} bytes, image after image
   */
  public record Images(int count, int rows, int columns, byte[] pixels) {
    /**
     * Checks the sizes.
     *
     * @throws IllegalArgumentException if a size is not positive or the pixels do not fill them
     */
    public Images {
      if (count <= 0 || rows <= 0 || columns <= 0) {
        throw new IllegalArgumentException(
            "count, rows and columns must be > 0, got " + count + ", " + rows + ", " + columns);
      }
      if ((long) count * rows * columns != pixels.length) {
        throw new IllegalArgumentException(
            "pixels.length must be count × rows × columns = " + (long) count * rows * columns
                + ", got " + pixels.length);
      }
    }

    /** {@return the pixels of one image: rows × columns} */
    public int pixelsPerImage() {
      return rows * columns;
    }

    /**
     * The value 0..255 of one pixel.
     *
     * @param image the image, in [0, count)
     * @param row the row, in [0, rows)
     * @param column the column, in [0, columns)
     * @return the value
     */
    public int pixel(int image, int row, int column) {
      return pixels[(image * rows + row) * columns + column] & 0xFF;
    }
  }

  /**
   * Reads an images file (magic number {@link #IMAGES_MAGIC}), gzip-compressed or not.
   *
   * @param file the file
   * @return the images
   * @throws IdxFormatException if the file is truncated or not an images file, naming it
   * @throws IOException if the file cannot be read
   */
  public static Images readImages(Path file) throws IOException {
    Content content = read(file, Kind.IMAGES);
    int[] size = content.dimensions();
    return new Images(size[0], size[1], size[2], content.data());
  }

  /**
   * Reads a labels file (magic number {@link #LABELS_MAGIC}): each label 0..255.
   *
   * @param file the file
   * @return one label per item
   * @throws IdxFormatException if the file is truncated or not a labels file, naming it
   * @throws IOException if the file cannot be read
   */
  public static int[] readLabels(Path file) throws IOException {
    byte[] data = read(file, Kind.LABELS).data();
    int[] labels = new int[data.length];
    for (int i = 0; i < data.length; i++) {
      labels[i] = data[i] & 0xFF;
    }
    return labels;
  }

  private enum Kind {
    IMAGES(IMAGES_MAGIC, "images", "pixels", "images", "rows", "columns"),
    LABELS(LABELS_MAGIC, "labels", "labels", "labels");

    final int magic;
    final String name;
    final String unit;
    final String[] dimensionNames;

    Kind(int magic, String name, String unit, String... dimensionNames) {
      this.magic = magic;
      this.name = name;
      this.unit = unit;
      this.dimensionNames = dimensionNames;
    }

    String describe(int[] size) {
      return this == IMAGES
          ? size[0] + " images of " + size[1] + " × " + size[2]
          : size[0] + " labels";
    }
  }

  private record Content(int[] dimensions, byte[] data) {}

  private static Content read(Path file, Kind kind) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_SIZE)) {
      if (!startsWithGzipMagic(in)) {
        return readContent(file, in, kind, "the file");
      }
      try (InputStream unzipped = new GZIPInputStream(in, BUFFER_SIZE)) {
        return readContent(file, unzipped, kind, "the decompressed file");
      } catch (ZipException e) {
        throw new IdxFormatException(
            file, "corrupt gzip stream (" + e.getMessage() + "); get the file again", e);
      } catch (EOFException e) {
        throw new IdxFormatException(
            file, "the gzip stream is truncated (" + e.getMessage() + "); get the file again", e);
      }
    }
  }

  private static boolean startsWithGzipMagic(InputStream in) throws IOException {
    in.mark(2);
    byte[] start = in.readNBytes(2);
    in.reset();
    return start.length == 2 && (start[0] & 0xFF) == 0x1f && (start[1] & 0xFF) == 0x8b;
  }

  /** Reads header, data and the end of {@code in}; {@code source} names it in messages. */
  private static Content readContent(Path file, InputStream in, Kind kind, String source)
      throws IOException {
    byte[] magic = in.readNBytes(4);
    if (magic.length == 0) {
      throw new IdxFormatException(file, source + " is empty; expected an IDX " + kind.name
          + " file starting with the magic number " + hex(kind.magic));
    }
    if (magic.length < 4) {
      throw new IdxFormatException(file, "expected a 4-byte magic number " + hex(kind.magic)
          + ", " + source + " ends after " + magic.length + " bytes");
    }
    checkMagic(file, kind, magic);
    int rank = kind.dimensionNames.length;
    byte[] sizes = in.readNBytes(4 * rank);
    if (sizes.length < 4 * rank) {
      throw new IdxFormatException(file, "expected a " + (4 + 4 * rank)
          + "-byte header (magic number and " + rank + " dimension" + (rank == 1 ? "" : "s")
          + "), " + source + " ends after " + (4 + sizes.length) + " bytes");
    }
    int[] size = new int[rank];
    long total = 1;
    for (int d = 0; d < rank; d++) {
      size[d] = bigEndianInt(sizes, 4 * d);
      if (size[d] <= 0) {
        throw new IdxFormatException(file, "dimension " + (d + 1) + " of " + rank + " ("
            + kind.dimensionNames[d] + ") must be > 0, the header says " + size[d]);
      }
      total *= size[d];
    }
    if (total > MAX_ARRAY) {
      throw new IdxFormatException(file, "the header announces " + kind.describe(size) + ", "
          + total + " bytes, more than one Java array holds (" + MAX_ARRAY + ")");
    }
    byte[] data = readUpTo(in, (int) total);
    if (data.length < total) {
      throw new IdxFormatException(file, "expected " + total + " bytes of " + kind.unit
          + " after the header (" + kind.describe(size) + "), " + source + " ends after "
          + data.length);
    }
    if (in.read() != -1) {
      long extra = 1 + in.transferTo(OutputStream.nullOutputStream());
      throw new IdxFormatException(file, "expected " + source + " to end after the " + total
          + " bytes of " + kind.unit + " (" + kind.describe(size) + "), found " + extra
          + " more byte" + (extra == 1 ? "" : "s"));
    }
    return new Content(size, data);
  }

  private static void checkMagic(Path file, Kind kind, byte[] magic) throws IdxFormatException {
    int found = bigEndianInt(magic, 0);
    if (found == kind.magic) {
      return;
    }
    String expected = "expected the magic number " + hex(kind.magic) + " (IDX " + kind.name
        + ": unsigned bytes, " + dimensions(kind.dimensionNames.length) + ")";
    int type = magic[2] & 0xFF;
    int rank = magic[3] & 0xFF;
    if (magic[0] != 0 || magic[1] != 0) {
      throw new IdxFormatException(file, "not an IDX file: " + expected + ", found "
          + hex(found) + notIdxHint(magic));
    }
    if (type != UNSIGNED_BYTE) {
      throw new IdxFormatException(file, "unsupported data type " + String.format("0x%02X", type)
          + " (" + typeName(type) + ") in the magic number " + hex(found)
          + "; only unsigned bytes (0x08) are read: " + expected);
    }
    String hint = "";
    if (kind == Kind.IMAGES && rank == 1) {
      hint = ". This looks like a labels file given where an images file was expected;"
          + " are the images and labels files swapped?";
    } else if (kind == Kind.LABELS && rank == 3) {
      hint = ". This looks like an images file given where a labels file was expected;"
          + " are the images and labels files swapped?";
    }
    throw new IdxFormatException(file, expected + ", found " + hex(found)
        + " (unsigned bytes, " + dimensions(rank) + ")" + hint);
  }

  private static String notIdxHint(byte[] magic) {
    if (magic[0] == '<') {
      return " (text starting with '<': an HTML page, perhaps an error page saved by a failed"
          + " download)";
    }
    if ((magic[0] & 0xFF) == 0x1f && (magic[1] & 0xFF) == 0x8b) {
      return " (gzip data inside gzip data: the file was compressed twice)";
    }
    return "";
  }

  private static String typeName(int type) {
    return switch (type) {
      case 0x09 -> "signed bytes";
      case 0x0B -> "16-bit integers";
      case 0x0C -> "32-bit integers";
      case 0x0D -> "32-bit floats";
      case 0x0E -> "64-bit floats";
      default -> "not an IDX data type";
    };
  }

  private static String dimensions(int rank) {
    return rank + (rank == 1 ? " dimension" : " dimensions");
  }

  private static String hex(int value) {
    return String.format("0x%08X", value);
  }

  private static int bigEndianInt(byte[] bytes, int offset) {
    return (bytes[offset] & 0xFF) << 24
        | (bytes[offset + 1] & 0xFF) << 16
        | (bytes[offset + 2] & 0xFF) << 8
        | (bytes[offset + 3] & 0xFF);
  }

  /** Reads {@code length} bytes or up to the end of {@code in}, whichever comes first. */
  private static byte[] readUpTo(InputStream in, int length) throws IOException {
    byte[] data = new byte[Math.min(length, FIRST_CHUNK)];
    int filled = 0;
    while (true) {
      filled += in.readNBytes(data, filled, data.length - filled);
      if (filled < data.length || filled == length) {
        return filled == data.length ? data : Arrays.copyOf(data, filled);
      }
      data = Arrays.copyOf(data, (int) Math.min(length, 2L * data.length));
    }
  }
}
