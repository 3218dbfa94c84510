package dev.lamina.data;

import static dev.lamina.data.IdxFiles.concat;
import static dev.lamina.data.IdxFiles.gzip;
import static dev.lamina.data.IdxFiles.header;
import static dev.lamina.data.IdxFiles.images;
import static dev.lamina.data.IdxFiles.labels;
import static dev.lamina.data.IdxFiles.randomBytes;
import static dev.lamina.data.IdxFiles.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
  @TempDir Path dir;

  private final byte[] pixels = randomBytes(3 * 2 * 4, 7);

  @Test
  void plainImagesRoundTrip() throws IOException {
    Path file = write(dir.resolve("images"), images(3, 2, 4, pixels));

    Idx.Images read = Idx.readImages(file);

    assertEquals(3, read.count());
    assertEquals(2, read.rows());
    assertEquals(4, read.columns());
    assertEquals(8, read.pixelsPerImage());
    assertArrayEquals(pixels, read.pixels());
    assertEquals(pixels[(2 * 2 + 1) * 4 + 3] & 0xFF, read.pixel(2, 1, 3));
  }

  @Test
  void gzipIsRecognizedByContentNotName() throws IOException {
    byte[] content = images(3, 2, 4, pixels);
    Path gzipWithoutSuffix = write(dir.resolve("images-idx3-ubyte"), gzip(content));
    Path plainWithSuffix = write(dir.resolve("images-idx3-ubyte.gz"), content);

    assertArrayEquals(pixels, Idx.readImages(gzipWithoutSuffix).pixels());
    assertArrayEquals(pixels, Idx.readImages(plainWithSuffix).pixels());
  }

  @Test
  void labelsRoundTripPlainAndGzip() throws IOException {
    int[] labels = {0, 9, 3, 255, 128};
    Path plain = write(dir.resolve("labels"), labels(labels));
    Path gz = write(dir.resolve("labels.gz"), gzip(labels(labels)));

    assertArrayEquals(labels, Idx.readLabels(plain));
    assertArrayEquals(labels, Idx.readLabels(gz));
  }

  @Test
  void largeGzipFileRoundTrips() throws IOException {
    // Bigger than the reader's buffers and its first data chunk would be for a small header.
    byte[] many = randomBytes(1000 * 28 * 28, 3);
    Path file = write(dir.resolve("many.gz"), gzip(images(1000, 28, 28, many)));

    assertArrayEquals(many, Idx.readImages(file).pixels());
  }

  @Test
  void badMagicNumber() throws IOException {
    byte[] zipStart = "PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1);
    Path file = write(dir.resolve("zip"), concat(zipStart, new byte[20]));

    String message = imagesError(file);

    assertContains(message, file.toString(), "not an IDX file", "expected the magic number "
        + "0x00000803 (IDX images: unsigned bytes, 3 dimensions)", "found 0x504B0304");
  }

  @Test
  void htmlPageGetsAHint() throws IOException {
    Path file = write(dir.resolve("page"),
        "<!DOCTYPE html><html>404</html>".getBytes(StandardCharsets.US_ASCII));

    assertContains(imagesError(file), "not an IDX file", "HTML page");
  }

  @Test
  void labelsFileGivenAsImages() throws IOException {
    Path file = write(dir.resolve("train-labels-idx1-ubyte"), labels(1, 2, 3));

    assertContains(imagesError(file), file.toString(), "expected the magic number 0x00000803",
        "found 0x00000801 (unsigned bytes, 1 dimension)", "labels file given where an images"
            + " file was expected", "swapped");
  }

  @Test
  void imagesFileGivenAsLabels() throws IOException {
    Path file = write(dir.resolve("train-images-idx3-ubyte"), images(3, 2, 4, pixels));

    IdxFormatException e = assertThrows(IdxFormatException.class, () -> Idx.readLabels(file));

    assertContains(e.getMessage(), file.toString(), "expected the magic number 0x00000801",
        "found 0x00000803 (unsigned bytes, 3 dimensions)", "images file given where a labels"
            + " file was expected", "swapped");
    assertEquals(file, e.file());
  }

  @Test
  void unsupportedDataType() throws IOException {
    Path file = write(dir.resolve("floats"), concat(header(0x00000D03, 1, 1, 1), new byte[4]));

    assertContains(imagesError(file), file.toString(), "unsupported data type 0x0D (32-bit"
        + " floats)", "only unsigned bytes (0x08)");
  }

  @Test
  void zeroAndNegativeDimensions() throws IOException {
    Path zeroRows = write(dir.resolve("zero"), header(Idx.IMAGES_MAGIC, 3, 0, 4));
    Path negativeCount = write(dir.resolve("negative"), header(Idx.LABELS_MAGIC, -1));

    assertContains(imagesError(zeroRows), zeroRows.toString(),
        "dimension 2 of 3 (rows) must be > 0, the header says 0");
    assertContains(
        assertThrows(IdxFormatException.class, () -> Idx.readLabels(negativeCount)).getMessage(),
        "dimension 1 of 1 (labels) must be > 0, the header says -1");
  }

  @Test
  void emptyFile() throws IOException {
    Path file = write(dir.resolve("empty"), new byte[0]);

    assertContains(imagesError(file), file.toString(), "the file is empty", "0x00000803");
  }

  @Test
  void truncatedMagicNumber() throws IOException {
    Path file = write(dir.resolve("short"), new byte[] {0, 0});

    assertContains(imagesError(file), "expected a 4-byte magic number 0x00000803, the file ends"
        + " after 2 bytes");
  }

  @Test
  void truncatedHeader() throws IOException {
    Path file = write(dir.resolve("header"), header(Idx.IMAGES_MAGIC, 3));

    assertContains(imagesError(file), file.toString(), "expected a 16-byte header (magic number"
        + " and 3 dimensions), the file ends after 8 bytes");
  }

  @Test
  void truncatedData() throws IOException {
    byte[] content = images(3, 2, 4, pixels);
    Path plain = write(dir.resolve("plain"), Arrays.copyOf(content, 16 + 10));
    Path gz = write(dir.resolve("gz"), gzip(Arrays.copyOf(content, 16 + 10)));

    assertContains(imagesError(plain), plain.toString(), "expected 24 bytes of pixels after the"
        + " header (3 images of 2 × 4), the file ends after 10");
    assertContains(imagesError(gz), "expected 24 bytes of pixels after the header (3 images of"
        + " 2 × 4), the decompressed file ends after 10");
  }

  @Test
  void headerAnnouncingMoreThanTheFileHolds() throws IOException {
    Path file = write(dir.resolve("train-images-idx3-ubyte"),
        concat(header(Idx.IMAGES_MAGIC, 60_000, 28, 28), new byte[1000]));

    assertContains(imagesError(file), file.toString(), "expected 47040000 bytes of pixels after"
        + " the header (60000 images of 28 × 28), the file ends after 1000");
  }

  @Test
  void trailingBytes() throws IOException {
    Path file = write(dir.resolve("long"), concat(images(3, 2, 4, pixels), new byte[3]));
    Path labelsFile = write(dir.resolve("labels"), concat(labels(1, 2), new byte[1]));

    assertContains(imagesError(file), file.toString(), "expected the file to end after the 24"
        + " bytes of pixels (3 images of 2 × 4), found 3 more bytes");
    assertContains(
        assertThrows(IdxFormatException.class, () -> Idx.readLabels(labelsFile)).getMessage(),
        "after the 2 bytes of labels (2 labels), found 1 more byte");
  }

  @Test
  void corruptGzip() throws IOException {
    byte[] compressed = gzip(images(100, 28, 28, randomBytes(100 * 28 * 28, 5)));
    for (int i = compressed.length / 3; i < compressed.length / 3 + 64; i++) {
      compressed[i] ^= (byte) 0x5A;
    }
    Path file = write(dir.resolve("corrupt.gz"), compressed);

    assertContains(imagesError(file), file.toString(), "corrupt gzip stream");
  }

  @Test
  void truncatedGzip() throws IOException {
    byte[] compressed = gzip(images(100, 28, 28, randomBytes(100 * 28 * 28, 5)));
    Path file = write(dir.resolve("half.gz"), Arrays.copyOf(compressed, compressed.length / 2));

    assertContains(imagesError(file), file.toString(), "the gzip stream is truncated");
  }

  private static String imagesError(Path file) {
    return assertThrows(IdxFormatException.class, () -> Idx.readImages(file)).getMessage();
  }

  static void assertContains(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), () -> "expected \"" + part + "\" in:\n" + message);
    }
  }
}
