package dev.lamina.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes report files whole or not at all: the bytes go to a temporary file beside the target,
 * which is then renamed over it, so a reader never sees half a chart or half a CSV.
 */
final class ReportFiles {
  private ReportFiles() {}

  static void write(Path file, byte[] bytes) throws IOException {
    Path target = file.toAbsolutePath();
    Path directory = Files.createDirectories(target.getParent());
    // Not Files.createTempFile: its owner-only permissions would stay with the renamed report.
    Path temporary = directory.resolve("." + target.getFileName() + "."
        + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
    try {
      Files.write(temporary, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
