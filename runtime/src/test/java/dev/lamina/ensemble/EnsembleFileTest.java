package dev.lamina.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ensemble file: a bit-exact round trip, atomic replacement, and damage caught by name. */
class EnsembleFileTest {
  @TempDir Path dir;

  @Test
  void everyFieldOfEveryMemberSurvivesBitForBit() throws IOException {
    List<MemberResult> members = List.of(member(0), member(1));
    Path file = dir.resolve("e.ensemble");
    EnsembleFile.write(file, "com.example.ModelNet", members);
    EnsembleFile.Contents read = EnsembleFile.read(file);
    assertEquals("com.example.ModelNet", read.modelClass());
    assertEquals(2, read.members().size());
    for (int m = 0; m < 2; m++) {
      MemberResult a = members.get(m);
      MemberResult b = read.members().get(m);
      assertEquals(a.index(), b.index());
      assertEquals(a.seed(), b.seed());
      assertEquals(a.trainingSize(), b.trainingSize());
      assertEquals(a.names(), b.names());
      for (int i = 0; i < a.values().size(); i++) {
        assertBits(a.values().get(i), b.values().get(i));
      }
      assertArrayEquals(a.outOfBag(), b.outOfBag());
      assertArrayEquals(a.outOfBagLabels(), b.outOfBagLabels());
      assertBits(a.outOfBagScores(), b.outOfBagScores());
      assertEquals(a.epochs(), b.epochs());
      assertEquals(a.end(), b.end());
      assertEquals(a.trainedBy(), b.trainedBy());
      assertEquals(a.seconds(), b.seconds());
    }
  }

  @Test
  void rewritingReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("e.ensemble");
    EnsembleFile.write(file, "A", List.of(member(0)));
    EnsembleFile.write(file, "B", List.of(member(0), member(1)));
    assertEquals("B", EnsembleFile.read(file).modelClass());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void aFlippedByteIsCaughtByTheChecksum() throws IOException {
    Path file = dir.resolve("e.ensemble");
    EnsembleFile.write(file, "A", List.of(member(0)));
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(file, bytes);
    var e = assertThrows(IOException.class, () -> EnsembleFile.read(file));
    assertTrue(e.getMessage().contains("damaged"), e.getMessage());
  }

  @Test
  void aTruncatedFileIsReportedAsSuch() throws IOException {
    Path file = dir.resolve("e.ensemble");
    EnsembleFile.write(file, "A", List.of(member(0)));
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 20));
    var e = assertThrows(IOException.class, () -> EnsembleFile.read(file));
    assertTrue(e.getMessage().contains("truncated or damaged"), e.getMessage());
  }

  @Test
  void anotherFormatOrVersionIsNamed() throws IOException {
    Path file = dir.resolve("other");
    Files.writeString(file, "not an ensemble at all");
    var e = assertThrows(IOException.class, () -> EnsembleFile.read(file));
    assertEquals(file + " is not a Lamina ensemble file (it does not start with LAMINAEN)",
        e.getMessage());
    Files.write(file, ByteBuffer.allocate(12).put(EnsembleFile.MAGIC).putInt(9).array());
    var v = assertThrows(IOException.class, () -> EnsembleFile.read(file));
    assertEquals(file + " has ensemble format version 9; this Lamina reads version 2 only",
        v.getMessage());
  }

  private static MemberResult member(int index) {
    return new MemberResult(index, 1234567890123L + index, 6, List.of("a.weight", "a.bias"),
        List.of(new float[] {1.5f, -0f, Float.MIN_VALUE, 3e38f}, new float[] {index}),
        new int[] {1, 4}, new int[] {2, 0}, new float[] {0.1f, 0.2f, 0.7f, 1f, 0f, 0f},
        List.of(new MemberEpoch(1, 0.9, 0.5, 0.8, 0.6, 1.25), new MemberEpoch(2, 0.7, 0.6, 0.75,
            0.65, 1.5)), "EARLY_STOPPED at epoch 2, best epoch 1",
        "thread lamina-bagging-" + index, 2.75);
  }

  private static void assertBits(float[] expected, float[] actual) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]),
          "value " + i + ": " + expected[i] + " vs " + actual[i]);
    }
  }
}
