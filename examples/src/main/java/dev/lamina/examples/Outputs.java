package dev.lamina.examples;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a command will write, checked before it starts working, and written with a way out at the
 * end: a run of minutes or hours must not end by losing its result to a mistyped path.
 */
final class Outputs {
  /** Writes one result to the path it is given. */
  @FunctionalInterface
  interface Writer {
    void write(Path file) throws IOException;
  }

  private Outputs() {}

  /**
   * Fails with a usage error unless {@code file}, the value of {@code option}, can be written: it
   * is not a directory, and a temporary file can be written and removed beside it (its directory
   * made for the check if missing, and removed again).
   */
  static void checkFile(String option, Path file) {
    if (Files.isDirectory(file)) {
      throw new Options.UsageException(option + " " + file + " is a directory; give a file in it,"
          + " e.g. " + file.resolve("out" + extension(file.getFileName().toString())));
    }
    Path parent = file.toAbsolutePath().getParent();
    probe(option + " " + file, parent);
  }

  /**
   * Fails with a usage error unless {@code directory}, the value of {@code option}, is a directory
   * (or can be made one) in which a temporary file can be written and removed.
   */
  static void checkDirectory(String option, Path directory) {
    probe(option + " " + directory, directory.toAbsolutePath());
  }

  /**
   * Writes a result with {@code writer} to {@code file}; if that fails, to a fallback file in the
   * temporary directory, and then fails naming both, so the result is never lost silently.
   */
  static void write(String what, Path file, Writer writer) throws IOException {
    try {
      writer.write(file);
    } catch (IOException first) {
      String reason = Failures.expected(first).orElse(first.toString());
      Path fallback = fallback(file);
      try {
        writer.write(fallback);
      } catch (IOException second) {
        first.addSuppressed(second);
        throw new IOException("could not write " + what + " to " + file + " (" + reason
            + "), nor to the fallback " + fallback + " ("
            + Failures.expected(second).orElse(second.toString()) + "); it is lost", first);
      }
      throw new IOException("could not write " + what + " to " + file + " (" + reason
          + "); saved it to " + fallback + " instead", first);
    }
  }

  /** A new name for {@code file} in the temporary directory, keeping its extension. */
  static Path fallback(Path file) {
    String name = file.getFileName() == null ? "result" : file.getFileName().toString();
    String stamp = String.format(Locale.ROOT, "%d-%d", ProcessHandle.current().pid(),
        System.currentTimeMillis());
    String extension = extension(name);
    String base = name.substring(0, name.length() - extension.length());
    return Path.of(System.getProperty("java.io.tmpdir"), "lamina-" + base + "-" + stamp + extension);
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(dot) : "";
  }

  /** Makes {@code directory} if missing, writes and removes a file in it, removes what it made. */
  private static void probe(String subject, Path directory) {
    List<Path> made = new ArrayList<>();
    try {
      for (Path d = directory; d != null && !Files.exists(d); d = d.getParent()) {
        made.addFirst(d);
      }
      for (Path d : made) {
        if (Files.exists(d.getParent()) && !Files.isDirectory(d.getParent())) {
          throw new Options.UsageException(subject + ": " + d.getParent()
              + " is a file, not a directory");
        }
      }
      if (made.isEmpty() && !Files.isDirectory(directory)) {
        throw new Options.UsageException(subject + ": " + directory + " is a file, not a directory");
      }
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, ".lamina-write-check", ".tmp");
      Files.delete(temporary);
    } catch (FileSystemException e) {
      throw new Options.UsageException(subject + ": cannot write there: "
          + Failures.expected(e).orElseThrow());
    } catch (IOException e) {
      throw new Options.UsageException(subject + ": cannot write there: " + e.getMessage());
    } finally {
      for (int i = made.size() - 1; i >= 0; i--) {
        try {
          Files.deleteIfExists(made.get(i));
        } catch (IOException e) {
          // a directory we made and cannot remove is harmless: the run would make it anyway
        }
      }
    }
  }
}
