package dev.lamina.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model or checkpoint file that cannot be used: not safetensors, truncated, corrupted, from a
 * newer Lamina, or for another model. The message names the file, what was expected and what was
 * found. When it is thrown nothing has been copied into the network.
 */
public final class ModelFileException extends IOException {
  /** The file that could not be used. */
  private final Path file;

  /**
   * A file that cannot be used, and why.
   *
   * @param file the file
   * @param problem what was expected and what was found
   */
  public ModelFileException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  /**
   * A file that cannot be used, and the exception that showed it.
   *
   * @param file the file
   * @param problem what was expected and what was found
   * @param cause the underlying exception
   */
  public ModelFileException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  /**
   * The file that could not be used.
   *
   * @return the file's path
   */
  public Path file() {
    return file;
  }
}
