package dev.lamina.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lamina.nn.ReferenceNetwork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crash between writing and renaming leaves the previous file whole and loadable. */
class AtomicFilesTest {
  @TempDir Path dir;

  /** Stands for the process dying: nothing after it runs. */
  private static final class Crash extends Error {}

  @Test
  void crashBetweenWriteAndRenameKeepsThePreviousFile() throws Exception {
    ReferenceNetwork first = new ReferenceNetwork(TestSpecs.normalized("Normalized"), 1);
    Tensors.randomize(first, 1);
    Path file = dir.resolve("model.safetensors");
    ModelFile.save(first, file);
    byte[] previous = Files.readAllBytes(file);

    ReferenceNetwork second = new ReferenceNetwork(TestSpecs.normalized("Normalized"), 1);
    Tensors.randomize(second, 2);
    var bytes = SafeTensors.encode(ModelFile.metadata(second, "model"),
        ModelTensors.tensors(ModelTensors.of(second)));
    long[] written = new long[1];
    assertThrows(Crash.class, () -> AtomicFiles.write(file, bytes, temporary -> {
      written[0] = Files.size(temporary); // the new content is complete and on disk...
      throw new Crash();                  // ...but the process dies before the rename
    }));
    assertEquals(bytes.get(0).remaining() + bytes.get(1).remaining(), written[0]);
    assertArrayEquals(previous, Files.readAllBytes(file), "the previous file is untouched");

    // A real crash leaves its temporary file behind; it is hidden and harmless.
    Path leftover = dir.resolve(".model.safetensors.12345.tmp");
    Files.write(leftover, new byte[] {1, 2, 3});
    ReferenceNetwork loaded = new ReferenceNetwork(TestSpecs.normalized("Normalized"), 9);
    ModelFile.load(loaded, file);
    assertEquals(List.of(), Tensors.differences(Tensors.copy(first), Tensors.copy(loaded)));

    ModelFile.save(second, file); // the next save replaces the file whole
    ModelFile.load(loaded, file);
    assertEquals(List.of(), Tensors.differences(Tensors.copy(second), Tensors.copy(loaded)));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(leftover.getFileName().toString(), "model.safetensors"),
          files.map(p -> p.getFileName().toString()).sorted().toList(),
          "no temporary file of ours is left after a failed or a good write");
    }
  }

  @Test
  void createsMissingDirectoriesAndOrdinaryFiles() throws Exception {
    Path file = dir.resolve("a/b/model.safetensors");
    ModelFile.save(new ReferenceNetwork(TestSpecs.normalized("Normalized"), 1), file);
    assertEquals("Normalized", ModelFile.info(file).model());
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Path plain = Files.createFile(dir.resolve("a/b/plain"));
      assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file),
          "the permissions any new file gets, not a temporary file's owner-only ones");
    }
  }
}
