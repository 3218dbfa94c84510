package dev.lamina.report;

import dev.lamina.io.AtomicFiles;
import dev.lamina.train.History;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Writes a training {@link History} as CSV or JSON files, atomically. */
public final class HistoryFiles {
  private HistoryFiles() {}

  /**
   * {@link History#toCsv()} into {@code file}: one line per epoch, for spreadsheets and pandas.
   *
   * @param history the run's history
   * @param file the CSV file; written whole or not at all
   * @throws IOException if the file cannot be written
   */
  public static void writeCsv(History history, Path file) throws IOException {
    AtomicFiles.write(file, history.toCsv().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@link History#toJson()} into {@code file}: the epochs and how training ended.
   *
   * @param history the run's history
   * @param file the JSON file; written whole or not at all
   * @throws IOException if the file cannot be written
   */
  public static void writeJson(History history, Path file) throws IOException {
    AtomicFiles.write(file, history.toJson().getBytes(StandardCharsets.UTF_8));
  }
}
