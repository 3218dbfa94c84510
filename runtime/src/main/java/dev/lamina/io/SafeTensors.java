package dev.lamina.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safetensors format (Hugging Face's, read by PyTorch, JAX and most of the ecosystem): an
 * 8-byte little-endian header length N, N bytes of JSON — for each tensor its {@code dtype},
 * {@code shape} and {@code data_offsets} [begin, end) into the data, plus a {@code __metadata__}
 * map of strings — padded with spaces to a multiple of 8, then the tensors' raw little-endian
 * bytes, back to back.
 *
 * <p>Lamina adds the SHA-256 of the data to the metadata ({@link #CHECKSUM}), so a damaged file
 * is caught even where its layout still looks right; files from elsewhere need not have it.
 */
public final class SafeTensors {
  /** The header key of the string-to-string metadata map. */
  public static final String METADATA = "__metadata__";
  /** Metadata key: the hex SHA-256 of the bytes after the header. */
  public static final String CHECKSUM = "lamina.data_sha256";
  /** The reference implementation refuses larger headers; so does Lamina. */
  static final long MAX_HEADER = 100_000_000;

  private SafeTensors() {}

  /**
   * Writes {@code tensors} (float32) and {@code metadata} to {@code file}, atomically.
   *
   * @param file the file, replaced whole
   * @param metadata the header's {@code __metadata__} strings
   * @param tensors the tensors, in the order they are written
   * @throws IOException if the file cannot be written; it is then left as it was
   */
  public static void write(Path file, Map<String, String> metadata, List<Tensor> tensors)
      throws IOException {
    AtomicFiles.write(file, encode(metadata, tensors));
  }

  /** The file's bytes: the header (length and JSON) and the data. */
  static List<ByteBuffer> encode(Map<String, String> metadata, List<Tensor> tensors) {
    long bytes = 0;
    for (Tensor t : tensors) {
      bytes += 4L * t.values().length;
    }
    if (bytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("tensors hold " + bytes + " bytes; at most 2 GiB fit");
    }
    ByteBuffer data = ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
    Map<String, Object> entries = new LinkedHashMap<>();
    for (Tensor t : tensors) {
      if (entries.containsKey(t.name())) {
        throw new IllegalArgumentException("two tensors are named " + t.name());
      }
      long begin = data.position();
      data.asFloatBuffer().put(t.values());
      data.position(data.position() + 4 * t.values().length);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("dtype", DType.F32.name());
      entry.put("shape", t.shape());
      entry.put("data_offsets", List.of(begin, (long) data.position()));
      entries.put(t.name(), entry);
    }
    Map<String, String> meta = new LinkedHashMap<>(metadata);
    meta.put(CHECKSUM, sha256(data.array(), 0, data.capacity()));
    Map<String, Object> header = new LinkedHashMap<>();
    header.put(METADATA, meta);
    header.putAll(entries);
    byte[] json = HeaderJson.write(header).getBytes(StandardCharsets.UTF_8);
    int padded = (json.length + 7) / 8 * 8;
    ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
    head.putLong(padded).put(json);
    while (head.hasRemaining()) {
      head.put((byte) ' ');
    }
    return List.of(head.flip(), data.flip());
  }

  /**
   * Reads and checks {@code file}: its header, that the tensors tile the data exactly, and the
   * checksum when there is one. Every failure names the file and what was wrong.
   *
   * @param file a safetensors file
   * @return the file's header and its data, read into memory (files up to 2 GiB)
   * @throws ModelFileException if the file is malformed, naming what was wrong
   * @throws IOException if it cannot be read
   */
  public static SafeTensorsFile read(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new ModelFileException(file, "is a directory; give the model file itself, e.g. "
          + file.resolve("model.safetensors"));
    }
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new ModelFileException(file, "no such file");
    }
    if (size > Integer.MAX_VALUE) {
      throw new ModelFileException(file, "holds " + size + " bytes; Lamina reads files of at most "
          + Integer.MAX_VALUE + " bytes");
    }
    return parse(file, Files.readAllBytes(file));
  }

  static SafeTensorsFile parse(Path file, byte[] bytes) throws ModelFileException {
    if (bytes.length < 8) {
      throw new ModelFileException(file, "is not a safetensors file: expected at least the 8 bytes"
          + " of the header length, found " + bytes.length + " bytes (truncated?)");
    }
    long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    if (headerLength < 2 || headerLength > MAX_HEADER) {
      throw new ModelFileException(file, "is not a safetensors file: its first 8 bytes give a"
          + " header of " + Long.toUnsignedString(headerLength) + " bytes; expected 2 to "
          + MAX_HEADER);
    }
    if (headerLength > bytes.length - 8) {
      throw new ModelFileException(file, "is truncated: expected a header of " + headerLength
          + " bytes after the first 8, found only " + (bytes.length - 8) + " bytes");
    }
    int dataStart = 8 + (int) headerLength;
    Map<String, Object> header = header(file, new String(bytes, 8, (int) headerLength,
        StandardCharsets.UTF_8));
    Map<String, String> metadata = metadata(file, header.remove(METADATA));
    List<SafeTensorsFile.Entry> entries = new ArrayList<>();
    for (Map.Entry<String, Object> e : header.entrySet()) {
      entries.add(entry(file, e.getKey(), e.getValue()));
    }
    checkTiling(file, entries, bytes.length - dataStart);
    String checksum = metadata.get(CHECKSUM);
    if (checksum != null) {
      String actual = sha256(bytes, dataStart, bytes.length - dataStart);
      if (!actual.equalsIgnoreCase(checksum)) {
        throw new ModelFileException(file, "is corrupted: expected tensor data with SHA-256 "
            + checksum + " (recorded when it was written), found " + actual);
      }
    }
    return new SafeTensorsFile(file, metadata, entries, bytes, dataStart);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> header(Path file, String json) throws ModelFileException {
    Object parsed;
    try {
      parsed = HeaderJson.parse(json.stripTrailing());
    } catch (HeaderJson.SyntaxException e) {
      throw new ModelFileException(file, "is corrupted or not a safetensors file: its header is"
          + " not valid JSON (" + e.getMessage() + ")");
    }
    if (!(parsed instanceof Map)) {
      throw new ModelFileException(file, "is not a safetensors file: expected a JSON object as"
          + " its header, found " + HeaderJson.write(parsed));
    }
    return new LinkedHashMap<>((Map<String, Object>) parsed);
  }

  private static Map<String, String> metadata(Path file, Object value) throws ModelFileException {
    Map<String, String> metadata = new LinkedHashMap<>();
    if (value == null) {
      return metadata;
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new ModelFileException(file, "has a malformed header: expected " + METADATA
          + " to be an object of strings, found " + HeaderJson.write(value));
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getValue() instanceof String s)) {
        throw new ModelFileException(file, "has a malformed header: expected " + METADATA + "."
            + e.getKey() + " to be a string, found " + HeaderJson.write(e.getValue()));
      }
      metadata.put((String) e.getKey(), s);
    }
    return metadata;
  }

  private static SafeTensorsFile.Entry entry(Path file, String name, Object value)
      throws ModelFileException {
    String where = "tensor \"" + name + "\"";
    if (!(value instanceof Map<?, ?> map)) {
      throw new ModelFileException(file, "has a malformed header: expected " + where
          + " to be an object with dtype, shape and data_offsets, found " + HeaderJson.write(value));
    }
    Object dtypeName = map.get("dtype");
    DType dtype = dtypeName instanceof String s ? DType.parse(s) : null;
    if (dtype == null) {
      throw new ModelFileException(file, "has a malformed header: expected the dtype of " + where
          + " to be one of " + Arrays.toString(DType.values()) + ", found "
          + HeaderJson.write(dtypeName));
    }
    long[] shape = longs(file, where, "shape", map.get("shape"), -1);
    long[] offsets = longs(file, where, "data_offsets", map.get("data_offsets"), 2);
    long elements = 1;
    for (long d : shape) {
      if (d > Integer.MAX_VALUE || (d > 0 && elements > Long.MAX_VALUE / 8 / d)) {
        throw new ModelFileException(file, "has a malformed header: the shape of " + where + ", "
            + Arrays.toString(shape) + ", is too large");
      }
      elements *= d;
    }
    if (offsets[1] < offsets[0] || offsets[1] - offsets[0] != elements * dtype.bytes()) {
      throw new ModelFileException(file, "is corrupted: " + where + " is " + dtype + " of shape "
          + Arrays.toString(shape) + ", which needs " + elements * dtype.bytes()
          + " bytes, but its data_offsets " + Arrays.toString(offsets) + " span "
          + (offsets[1] - offsets[0]));
    }
    int[] intShape = new int[shape.length];
    for (int k = 0; k < shape.length; k++) {
      intShape[k] = (int) shape[k];
    }
    return new SafeTensorsFile.Entry(name, dtype, intShape, offsets[0], offsets[1]);
  }

  private static long[] longs(Path file, String where, String key, Object value, int length)
      throws ModelFileException {
    if (value instanceof List<?> list && (length < 0 || list.size() == length)
        && list.stream().allMatch(v -> v instanceof Long l && l >= 0)) {
      return list.stream().mapToLong(v -> (Long) v).toArray();
    }
    throw new ModelFileException(file, "has a malformed header: expected the " + key + " of "
        + where + " to be " + (length < 0 ? "a list" : "a pair") + " of non-negative integers,"
        + " found " + HeaderJson.write(value));
  }

  /** The tensors must cover the data from byte 0 to its end, in order, without gaps or overlaps. */
  private static void checkTiling(Path file, List<SafeTensorsFile.Entry> entries, long dataBytes)
      throws ModelFileException {
    List<SafeTensorsFile.Entry> sorted = new ArrayList<>(entries);
    sorted.sort((a, b) -> Long.compare(a.begin(), b.begin()));
    long expected = 0;
    for (SafeTensorsFile.Entry e : sorted) {
      if (e.begin() != expected) {
        throw new ModelFileException(file, "is corrupted: expected tensor \"" + e.name()
            + "\" to start at data byte " + expected + " (where the one before it ends), found "
            + e.begin());
      }
      expected = e.end();
    }
    if (expected > dataBytes) {
      throw new ModelFileException(file, "is truncated: expected " + expected
          + " bytes of tensor data after the header, found " + dataBytes);
    }
    if (expected < dataBytes) {
      throw new ModelFileException(file, "is corrupted: expected " + expected
          + " bytes of tensor data after the header, found " + dataBytes
          + " (bytes the header does not describe)");
    }
  }

  static String sha256(byte[] bytes, int offset, int length) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(bytes, offset, length);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }
}
