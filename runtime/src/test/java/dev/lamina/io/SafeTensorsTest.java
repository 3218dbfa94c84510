package dev.lamina.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The safetensors container: the byte layout, round trips, and files written elsewhere. */
class SafeTensorsTest {
  @TempDir Path dir;

  @Test
  void writesTheSafetensorsLayout() throws Exception {
    Path file = dir.resolve("t.safetensors");
    float[] a = {1.5f, -2f, Float.MIN_VALUE, Float.NaN, -0f, 3e38f};
    SafeTensors.write(file, Map.of("k", "v"), List.of(new Tensor("x.weight", new int[] {2, 3}, a),
        new Tensor("x.bias", new int[] {1}, new float[] {7f})));
    byte[] bytes = Files.readAllBytes(file);
    long n = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertEquals(0, (8 + n) % 8, "header padded to a multiple of 8");
    assertEquals(8 + n + 4 * 7, bytes.length, "header then 7 floats");
    String header = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
    assertTrue(header.startsWith("{\"__metadata__\":{\"k\":\"v\",\"lamina.data_sha256\":\""), header);
    assertTrue(header.contains("\"x.weight\":{\"dtype\":\"F32\",\"shape\":[2,3],"
        + "\"data_offsets\":[0,24]}"), header);
    assertTrue(header.contains("\"x.bias\":{\"dtype\":\"F32\",\"shape\":[1],"
        + "\"data_offsets\":[24,28]}"), header);
    ByteBuffer data = ByteBuffer.wrap(bytes, (int) (8 + n), 28).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : a) {
      assertEquals(Float.floatToRawIntBits(v), data.getInt(), "little-endian float32 data");
    }

    SafeTensorsFile read = SafeTensors.read(file);
    assertEquals(List.of("x.weight", "x.bias"), read.names());
    assertEquals("v", read.metadata().get("k"));
    float[] back = read.floats("x.weight", new int[] {2, 3});
    for (int i = 0; i < a.length; i++) {
      assertEquals(Float.floatToRawIntBits(a[i]), Float.floatToRawIntBits(back[i]), "bits of " + i);
    }
  }

  /** A file as another writer may lay it out: unpadded header, I64 before F32, no metadata. */
  @Test
  void readsFilesFromOtherWriters() throws Exception {
    String json = "{\"steps\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[0,8]},"
        + " \"w\" : {\"data_offsets\":[8,16],\"shape\":[1,2],\"dtype\":\"F32\"}}";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] header = json.getBytes(StandardCharsets.UTF_8);
    out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
    out.write(header);
    out.write(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(12345L)
        .putFloat(0.25f).putFloat(-4f).array());
    Path file = dir.resolve("other.safetensors");
    Files.write(file, out.toByteArray());

    SafeTensorsFile read = SafeTensors.read(file);
    assertEquals(Map.of(), read.metadata());
    assertEquals(DType.I64, read.entry("steps").dtype());
    assertArrayEquals(new int[0], read.entry("steps").shape());
    assertArrayEquals(new float[] {0.25f, -4f}, read.floats("w", new int[] {1, 2}));
    ModelFileException e = assertThrows(ModelFileException.class, () -> read.floats("steps", null));
    assertEquals(file + ": expected tensor \"steps\" to be F32 (float32), found I64; convert it"
        + " before saving, e.g. tensor.float() in PyTorch", e.getMessage());
    e = assertThrows(ModelFileException.class, () -> read.floats("w", new int[] {2, 1}));
    assertEquals(file + ": expected tensor \"w\" to have shape [2, 1], found [1, 2]",
        e.getMessage());
  }

  @Test
  void sameTensorsGiveTheSameBytes() throws Exception {
    List<Tensor> tensors = List.of(new Tensor("a", new int[] {3}, new float[] {1, 2, 3}),
        new Tensor("scalar", new int[0], new float[] {4}),
        new Tensor("empty", new int[] {0, 5}, new float[0]));
    Path one = dir.resolve("1.safetensors");
    Path two = dir.resolve("2.safetensors");
    SafeTensors.write(one, Map.of("m", "1"), tensors);
    SafeTensors.write(two, Map.of("m", "1"), tensors);
    assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
    SafeTensorsFile read = SafeTensors.read(one);
    assertArrayEquals(new float[] {4}, read.floats("scalar", new int[0]));
    assertArrayEquals(new float[0], read.floats("empty", new int[] {0, 5}));
  }

  @Test
  void rejectsTensorsThatCannotBeWritten() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Tensor("w", new int[] {2, 2}, new float[3]));
    assertEquals("values of w must hold 4 floats for shape [2, 2], got 3", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> SafeTensors.encode(Map.of(),
        List.of(new Tensor("w", new int[] {1}, new float[1]), new Tensor("w", new int[0], new float[1]))));
    assertEquals("two tensors are named w", e.getMessage());
  }
}
