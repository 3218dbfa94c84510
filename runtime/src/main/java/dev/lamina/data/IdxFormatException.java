package dev.lamina.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file is not the IDX file it should be. The message names the file and says what was expected
 * and what was found.
 */
public final class IdxFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  /**
   * A file that is not valid IDX, and why.
   *
   * @param file the file
   * @param problem what was expected and what was found
   */
  public IdxFormatException(Path file, String problem) {
    this(file, problem, null);
  }

  /**
   * A file that is not valid IDX, and the exception that showed it.
   *
   * @param file the file
   * @param problem what was expected and what was found
   * @param cause the underlying exception
   */
  public IdxFormatException(Path file, String problem, Throwable cause) {
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
