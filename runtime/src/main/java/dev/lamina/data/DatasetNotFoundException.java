package dev.lamina.data;

import java.io.IOException;

/**
 * A data set's files are in none of the places searched and could not be downloaded. The message
 * lists the places searched and says how to get the files; a launcher can print it as it is.
 */
public final class DatasetNotFoundException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * The data is not where it was looked for.
   *
   * @param message one line naming where it looked and how to get the files
   */
  public DatasetNotFoundException(String message) {
    super(message);
  }

  /**
   * The data is not where it was looked for, and downloading it failed.
   *
   * @param message one line naming where it looked and how to get the files
   * @param cause the failure
   */
  public DatasetNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
