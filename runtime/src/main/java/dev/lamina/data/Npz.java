package dev.lamina.data;

import dev.lamina.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes NumPy's {@code .npz} archives: a zip file of {@code .npy} members, stored
 * ({@code numpy.savez}) or deflated ({@code numpy.savez_compressed}). Arrays are keyed by name,
 * the member's name without {@code .npy}, in archive order.
 *
 * <pre>{@code
 * Map<String, NpyArray> arrays = Npz.read(Path.of("mnist.npz"));   // x_train, y_train, ...
 * Dataset train = NpyDatasets.classification(arrays.get("x_train"), arrays.get("y_train"), 10);
 * }</pre>
 */
public final class Npz {
  private Npz() {}

  /**
   * Reads every array of a {@code .npz} file (compressed or not), by name without {@code .npy}.
   *
   * @param file the file
   * @return the arrays, in the file's order
   * @throws IOException if the file cannot be read or an array is malformed
   */
  public static Map<String, NpyArray> read(Path file) throws IOException {
    Map<String, NpyArray> arrays = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (entry.isDirectory()) {
          continue;
        }
        String name = entry.getName();
        if (!name.endsWith(".npy")) {
          throw new DataFormatException(file, "expected only .npy members in a NumPy .npz"
              + " archive, found " + name);
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
          bytes = in.readAllBytes();
        }
        arrays.put(name.substring(0, name.length() - 4), Npy.parse(bytes, file, name));
      }
    } catch (ZipException e) {
      throw new DataFormatException(file, "not a readable NumPy .npz archive (a zip file of"
          + " .npy members): " + e.getMessage(), e);
    }
    if (arrays.isEmpty()) {
      throw new DataFormatException(file, "expected .npy members, the archive has none");
    }
    return arrays;
  }

  /**
   * Writes {@code arrays} to {@code file} atomically, deflated ({@code savez_compressed}) when
   * {@code compressed}, else stored ({@code savez}).
   *
   * @param file the file, replaced whole
   * @param arrays the arrays by name, written as {@code name.npy} entries in this order
   * @param compressed true to deflate
   * @throws IOException if the file cannot be written
   */
  public static void write(Path file, Map<String, NpyArray> arrays, boolean compressed)
      throws IOException {
    if (arrays.isEmpty()) {
      throw new IllegalArgumentException("arrays must not be empty");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
        byte[] npy = Npy.encode(e.getValue());
        ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
        if (compressed) {
          entry.setMethod(ZipEntry.DEFLATED);
        } else {
          CRC32 crc = new CRC32();
          crc.update(npy);
          entry.setMethod(ZipEntry.STORED);
          entry.setSize(npy.length);
          entry.setCompressedSize(npy.length);
          entry.setCrc(crc.getValue());
        }
        zip.putNextEntry(entry);
        zip.write(npy);
        zip.closeEntry();
      }
    }
    AtomicFiles.write(file, bytes.toByteArray());
  }
}
