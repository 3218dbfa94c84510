package dev.lamina.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes a file so that readers, and a process that crashes mid-write, only ever see the old
 * content or the new, never a mix: the bytes go to a temporary file beside the target, are forced
 * to disk, and the temporary file is renamed over the target in one step.
 */
public final class AtomicFiles {
  /** The new content of a file, written into the temporary file's channel. */
  @FunctionalInterface
  public interface Content {
    /**
     * Writes the file's whole content to {@code channel}.
     *
     * @param channel the temporary file being written
     * @throws IOException if writing fails; the target is then left as it was
     */
    void writeTo(WritableByteChannel channel) throws IOException;
  }

  /** Called between the forced write and the rename; tests use it to simulate a crash there. */
  interface BeforeRename {
    void run(Path temporary) throws IOException;
  }

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  private AtomicFiles() {}

  /**
   * Replaces {@code target} with {@code bytes} atomically.
   *
   * @param target the file to replace or create
   * @param bytes its new content
   * @throws IOException if the file cannot be written; it is then left as it was
   */
  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, List.of(ByteBuffer.wrap(bytes)));
  }

  /**
   * Replaces {@code target} with {@code buffers}, written in order, atomically.
   *
   * @param target the file to replace or create
   * @param buffers its new content, in order
   * @throws IOException if the file cannot be written; it is then left as it was
   */
  public static void write(Path target, List<ByteBuffer> buffers) throws IOException {
    write(target, buffers, temporary -> {});
  }

  /**
   * Replaces {@code target} with what {@code content} writes, atomically, as it writes it.
   *
   * @param target the file to replace or create
   * @param content writes the new content
   * @throws IOException if the file cannot be written or {@code content} fails; it is then left as
   *     it was
   */
  public static void write(Path target, Content content) throws IOException {
    write(target, content, temporary -> {});
  }

  static void write(Path target, List<ByteBuffer> buffers, BeforeRename beforeRename)
      throws IOException {
    write(target, channel -> {
      for (ByteBuffer buffer : buffers) {
        ByteBuffer b = buffer.duplicate();
        while (b.hasRemaining()) {
          channel.write(b);
        }
      }
    }, beforeRename);
  }

  static void write(Path target, Content content, BeforeRename beforeRename) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    Files.createDirectories(directory);
    // Same directory, so the rename never crosses file systems; a leading dot hides leftovers.
    // Created like any new file (not Files.createTempFile, whose owner-only permissions the
    // target would inherit).
    Path temporary = directory.resolve("." + absolute.getFileName() + "."
        + Long.toHexString(RANDOM.nextLong() >>> 1) + ".tmp");
    FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE);
    boolean renamed = false;
    try {
      try (channel) {
        content.writeTo(channel);
        channel.force(true);
      }
      beforeRename.run(temporary);
      move(temporary, absolute);
      renamed = true;
      syncDirectory(directory);
    } finally {
      if (!renamed) {
        Files.deleteIfExists(temporary);
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("cannot replace " + to + " atomically on this file system ("
          + e.getMessage() + "); save to a local disk instead", e);
    }
  }

  /** Makes the rename itself durable; some platforms cannot open a directory, which is fine. */
  private static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Windows cannot open directories; the rename is still atomic there.
    }
  }
}
