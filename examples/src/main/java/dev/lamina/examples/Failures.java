package dev.lamina.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Optional;

/**
 * Which failures of a command are the user's to fix and which are bugs. A file that is missing,
 * unreadable or malformed, data that is not there, a cluster that cannot be reached: these are
 * {@link IOException}s, and the launcher prints their one-line message without a stack trace.
 * Anything else is a bug in Lamina, and its trace is what a report needs.
 */
final class Failures {
  private Failures() {}

  /** The line to print for an expected failure, or empty for a bug. */
  static Optional<String> expected(Throwable failure) {
    if (failure instanceof UncheckedIOException unchecked) {
      return expected(unchecked.getCause());
    }
    if (failure instanceof FileSystemException fileSystem) {
      return Optional.of(describe(fileSystem));
    }
    if (failure instanceof IOException io) {
      return Optional.of(io.getMessage() == null ? io.toString() : io.getMessage());
    }
    return Optional.empty();
  }

  /**
   * The path and what is wrong with it: the JDK's messages for these are the bare path ({@code
   * NoSuchFileException}) or the path and the operating system's reason.
   */
  private static String describe(FileSystemException e) {
    String file = e.getFile() + (e.getOtherFile() == null ? "" : " -> " + e.getOtherFile());
    String reason = switch (e) {
      case NoSuchFileException n -> "no such file or directory";
      case AccessDeniedException a -> "permission denied";
      case FileAlreadyExistsException f -> "already exists";
      case NotDirectoryException n -> "not a directory";
      case DirectoryNotEmptyException d -> "directory not empty";
      default -> e.getReason() == null ? "cannot be used" : e.getReason();
    };
    if (e.getReason() != null && !reason.equals(e.getReason())) {
      reason += " (" + e.getReason() + ")";
    }
    return file + ": " + reason;
  }
}
