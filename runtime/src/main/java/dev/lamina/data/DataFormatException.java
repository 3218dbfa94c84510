package dev.lamina.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A data file (CSV, NumPy, an image in a folder) is not what it should be. The message starts with
 * the file, then says where in it (line, column, sample) what was expected and what was found.
 * A loader that throws it returns nothing: there is never a half-loaded dataset.
 */
public final class DataFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  /**
   * A file that cannot be read as data, and why.
   *
   * @param file the file
   * @param problem where and what is wrong, e.g. the line and column
   */
  public DataFormatException(Path file, String problem) {
    this(file, problem, null);
  }

  /**
   * A file that cannot be read as data, and the exception that showed it.
   *
   * @param file the file
   * @param problem where and what is wrong
   * @param cause the underlying exception
   */
  public DataFormatException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  /**
   * The file that is wrong.
   *
   * @return the file's path
   */
  public Path file() {
    return file;
  }
}
