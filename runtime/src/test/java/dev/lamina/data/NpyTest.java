package dev.lamina.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * .npy and .npz files written by numpy (scripts/write_npy_fixtures.py) read back to the values
 * the script wrote: v[i, j] = 10 i + j (+ 0.5 for floats, negated for odd j in signed types).
 */
class NpyTest {
  @TempDir Path dir;

  @Test
  void everyTypeAndOrderReadsBackTheValuesNumpyWrote() throws Exception {
    for (String name : List.of("float32_c", "float64_c", "float32_fortran", "float64_fortran",
        "float32_big_endian")) {
      NpyArray a = Npy.read(fixture(name + ".npy"));
      assertArrayEquals(new int[] {3, 4}, a.shape(), name);
      assertArrayEquals(grid(true, true), a.toDoubles(), name);
      assertEquals(name.startsWith("float32") ? NpyType.FLOAT32 : NpyType.FLOAT64, a.type());
    }
    Map<String, NpyType> ints = Map.of("int8_c", NpyType.INT8, "int16_c", NpyType.INT16,
        "int32_c", NpyType.INT32, "int64_c", NpyType.INT64, "int64_fortran", NpyType.INT64);
    for (var e : ints.entrySet()) {
      NpyArray a = Npy.read(fixture(e.getKey() + ".npy"));
      assertEquals(e.getValue(), a.type(), e.getKey());
      assertArrayEquals(grid(false, true), a.toDoubles(), e.getKey());
      assertArrayEquals(Arrays.stream(grid(false, true)).mapToInt(v -> (int) v).toArray(),
          a.toInts(), e.getKey());
    }
    NpyArray bytes = Npy.read(fixture("uint8_c.npy"));
    assertEquals(NpyType.UINT8, bytes.type());
    assertArrayEquals(grid(false, false), bytes.toDoubles());
  }

  @Test
  void aFortranOrderedCubeIsReorderedToCOrder() throws Exception {
    NpyArray a = Npy.read(fixture("float32_3d_fortran.npy")); // arange(24).reshape(2, 3, 4) + .25

    assertArrayEquals(new int[] {2, 3, 4}, a.shape());
    float[] expected = new float[24];
    for (int i = 0; i < 24; i++) {
      expected[i] = i + 0.25f;
    }
    assertArrayEquals(expected, a.toFloats());
  }

  @Test
  void whatLaminaWritesIsByteForByteWhatNumpyWrites() throws Exception {
    for (String name : List.of("float32_c", "float64_c", "int8_c", "int64_c", "uint8_c",
        "labels_int64")) {
      byte[] numpy = Files.readAllBytes(fixture(name + ".npy"));
      Path mine = dir.resolve(name + ".npy");
      Npy.write(mine, Npy.read(fixture(name + ".npy")));
      assertArrayEquals(numpy, Files.readAllBytes(mine), name);
    }
  }

  @Test
  void arraysRoundTripThroughNpyAndBothKindsOfNpz() throws Exception {
    Map<String, NpyArray> arrays = new LinkedHashMap<>();
    arrays.put("f", NpyArray.of(new float[] {1.5f, -2f, Float.MIN_VALUE, 3e38f, 0f, 7f}, 2, 3));
    arrays.put("d", NpyArray.of(new double[] {Math.PI, -1e300}, 2));
    arrays.put("i", NpyArray.of(new int[] {Integer.MIN_VALUE, 0, Integer.MAX_VALUE}, 3, 1));
    arrays.put("l", NpyArray.of(new long[] {Long.MIN_VALUE, 42, Long.MAX_VALUE}, 3));
    arrays.put("u", NpyArray.ofUnsignedBytes(new byte[] {0, (byte) 200, (byte) 255, 1}, 2, 2));
    for (var e : arrays.entrySet()) {
      Path file = dir.resolve(e.getKey() + ".npy");
      Npy.write(file, e.getValue());
      assertSame(e.getValue(), Npy.read(file));
    }
    for (boolean compressed : new boolean[] {false, true}) {
      Path file = dir.resolve("all-" + compressed + ".npz");
      Npz.write(file, arrays, compressed);
      Map<String, NpyArray> read = Npz.read(file);
      assertEquals(List.copyOf(arrays.keySet()), List.copyOf(read.keySet()));
      for (String key : arrays.keySet()) {
        assertSame(arrays.get(key), read.get(key));
      }
    }
  }

  @Test
  void npzArchivesWrittenByNumpyReadStoredAndDeflated() throws Exception {
    Map<String, NpyArray> stored = Npz.read(fixture("stored.npz"));
    Map<String, NpyArray> deflated = Npz.read(fixture("deflated.npz"));

    assertEquals(List.of("x", "y"), List.copyOf(stored.keySet()));
    assertArrayEquals(grid(true, true), stored.get("x").toDoubles());
    assertArrayEquals(grid(true, true), deflated.get("x").toDoubles()); // Fortran float64 inside
    assertArrayEquals(new int[] {0, 2, 1}, deflated.get("y").toInts());
    Dataset data = NpyDatasets.classification(stored.get("x"), stored.get("y"), 3);
    assertEquals(3, data.size());
    assertEquals(4, data.featureSize());
    assertArrayEquals(new int[] {0, 2, 1}, data.labels());
    assertArrayEquals(Npy.read(fixture("float32_c.npy")).toFloats(), data.features());
  }

  @Test
  void nonFiniteFeaturesAreRefusedNamingTheSample() {
    NpyArray x = NpyArray.of(new float[] {1, 2, 3, Float.POSITIVE_INFINITY, 5, 6}, 3, 2);
    NpyArray y = NpyArray.of(new int[] {0, 1, 0}, 3);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NpyDatasets.classification(x, y, 2));

    assertTrue(e.getMessage().startsWith("features: sample 1 has the non-finite value Infinity"
        + " at feature 1"), e.getMessage());
    assertEquals(Float.POSITIVE_INFINITY,
        NpyDatasets.allowingNonFinite(x, y, 2).features()[3]);
    IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
        () -> NpyDatasets.classification(x, NpyArray.of(new int[] {0, 1}, 2), 2));
    assertEquals("features has 3 samples (3, 2) but labels has 2", rows.getMessage());
    NpyArray regression = NpyArray.of(new double[] {0.5, 1.5, 2.5}, 3);
    assertArrayEquals(new float[] {0.5f, 1.5f, 2.5f},
        NpyDatasets.regression(NpyArray.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2), regression)
            .targets());
  }

  @Test
  void malformedFilesNameTheFileAndWhatWasExpected() throws Exception {
    byte[] good = Files.readAllBytes(fixture("float32_c.npy"));
    assertBad(new byte[0], "not a NumPy .npy file: expected it to start with the magic bytes"
        + " \\x93NUMPY, the file is empty");
    assertBad("PK\u0003\u0004zip".getBytes(StandardCharsets.ISO_8859_1),
        "not a NumPy .npy file: expected it to start with the magic bytes \\x93NUMPY, found"
            + " PK\\x03\\x04zi");
    assertBad(Arrays.copyOf(good, good.length - 5), "expected 48 bytes of float32 data for"
        + " shape (3, 4) after the 128-byte header, found 43 (the file is truncated)");
    assertBad(Arrays.copyOf(good, good.length + 4), "expected 48 bytes of float32 data for"
        + " shape (3, 4) after the 128-byte header, found 52 (extra bytes at the end)");
    assertBad(withDescr(good, "<c8"), "unsupported element type '<c8'; expected float32,");
    assertBad(withDescr(good, "|O8"), "unsupported element type '|O8' (Python objects,"
        + " pickled)");
    byte[] version = good.clone();
    version[6] = 4;
    assertBad(version, "format version 4.0 is not supported; expected 1.0, 2.0 or 3.0");
    Path notZip = Files.write(dir.resolve("bad.npz"), good);
    DataFormatException zip = assertThrows(DataFormatException.class, () -> Npz.read(notZip));
    assertTrue(zip.getMessage().startsWith(notZip + ": not a readable NumPy .npz archive"),
        zip.getMessage());
    Path member = dir.resolve("member.npz");
    Files.write(member, zipOf("x.npy", Arrays.copyOf(good, 100)));
    DataFormatException inner = assertThrows(DataFormatException.class, () -> Npz.read(member));
    assertTrue(inner.getMessage().startsWith(member + ": x.npy: the header is truncated"),
        inner.getMessage());
  }

  private void assertBad(byte[] bytes, String expected) throws IOException {
    Path file = Files.write(dir.resolve("bad.npy"), bytes);
    DataFormatException e = assertThrows(DataFormatException.class, () -> Npy.read(file));
    assertTrue(e.getMessage().startsWith(file + ": " + expected),
        () -> "expected\n  " + file + ": " + expected + "\ngot\n  " + e.getMessage());
  }

  /** The file with its descriptor replaced by another of the same length. */
  private static byte[] withDescr(byte[] npy, String descr) {
    String text = new String(npy, StandardCharsets.ISO_8859_1).replace("<f4", descr);
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] zipOf(String name, byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(content);
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  private static void assertSame(NpyArray expected, NpyArray actual) {
    assertEquals(expected.type(), actual.type());
    assertArrayEquals(expected.shape(), actual.shape());
    assertArrayEquals(expected.toLongs(), actual.toLongs());
    assertArrayEquals(expected.toDoubles(), actual.toDoubles());
  }

  /** The script's 3 × 4 grid, C order. */
  private static double[] grid(boolean half, boolean signed) {
    double[] v = new double[12];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 4; j++) {
        double x = 10 * i + j + (half ? 0.5 : 0);
        v[i * 4 + j] = signed && j % 2 == 1 ? -x : x;
      }
    }
    return v;
  }

  static Path fixture(String name) throws URISyntaxException {
    return Path.of(NpyTest.class.getResource("/fixtures/npy/" + name).toURI());
  }
}
