package dev.lamina.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/** Builds small IDX files for tests. */
final class IdxFiles {
  private IdxFiles() {}

  /** A magic number and big-endian dimensions. */
  static byte[] header(int magic, int... dimensions) {
    ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dimensions.length).putInt(magic);
    for (int d : dimensions) {
      buffer.putInt(d);
    }
    return buffer.array();
  }

  static byte[] images(int count, int rows, int columns, byte[] pixels) {
    return concat(header(Idx.IMAGES_MAGIC, count, rows, columns), pixels);
  }

  static byte[] labels(int... labels) {
    byte[] data = new byte[labels.length];
    for (int i = 0; i < labels.length; i++) {
      data[i] = (byte) labels[i];
    }
    return concat(header(Idx.LABELS_MAGIC, labels.length), data);
  }

  static byte[] randomBytes(int length, long seed) {
    byte[] bytes = new byte[length];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return bytes;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static Path write(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.write(file, content);
  }

  /**
   * The four Fashion-MNIST files, gzipped, named with ".gz", with {@code train} and {@code test}
   * 28 × 28 images of random pixels and labels {@code i % 10}.
   */
  static Map<String, byte[]> fashionMnistGz(int train, int test) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(FashionMnist.TRAIN_IMAGES + ".gz", gzip(randomImages(train, 1)));
    files.put(FashionMnist.TRAIN_LABELS + ".gz", gzip(cyclicLabels(train)));
    files.put(FashionMnist.TEST_IMAGES + ".gz", gzip(randomImages(test, 2)));
    files.put(FashionMnist.TEST_LABELS + ".gz", gzip(cyclicLabels(test)));
    return files;
  }

  /** Writes {@link #fashionMnistGz} into {@code directory}; returns {@code directory}. */
  static Path writeFashionMnist(Path directory, int train, int test) throws IOException {
    for (Map.Entry<String, byte[]> file : fashionMnistGz(train, test).entrySet()) {
      write(directory.resolve(file.getKey()), file.getValue());
    }
    return directory;
  }

  static byte[] randomImages(int count, long seed) {
    return images(count, 28, 28, randomBytes(count * 28 * 28, seed));
  }

  static byte[] cyclicLabels(int count) {
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = i % 10;
    }
    return labels(labels);
  }
}
