package dev.lamina.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The cells of a CSV file as text, before any of them is read as a number: column names (when the
 * file has a header), and each data row with the line it starts on, so that every later error can
 * point into the file. Read with {@link #read(Path, CsvFormat)}; turn into a {@link Dataset} with a
 * {@link TableEncoder}.
 */
public final class CsvTable {
  private final Path file;
  private final CsvFormat format;
  private final List<String> columnNames;
  private final List<String[]> rows;
  private final int[] lines;
  private final int columns;

  CsvTable(Path file, CsvFormat format, List<String> columnNames, List<String[]> rows,
      int[] lines, int columns) {
    this.file = file;
    this.format = format;
    this.columnNames = List.copyOf(columnNames);
    this.rows = rows;
    this.lines = lines;
    this.columns = columns;
  }

  /**
   * Reads {@code file} (UTF-8, gzip-compressed or not, recognized by its first bytes).
   *
   * @param file the file
   * @param format how it is laid out
   * @return the table
   * @throws DataFormatException if a line is malformed, naming the line
   * @throws IOException if the file cannot be read
   */
  public static CsvTable read(Path file, CsvFormat format) throws IOException {
    return CsvParser.parse(file, format);
  }

  /**
   * Reads a comma-delimited {@code file} with a header line ({@link CsvFormat#DEFAULT}).
   *
   * @param file the file
   * @return the table
   * @throws DataFormatException if a line is malformed, naming the line
   * @throws IOException if the file cannot be read
   */
  public static CsvTable read(Path file) throws IOException {
    return read(file, CsvFormat.DEFAULT);
  }

  /** {@return the file read} */
  public Path file() {
    return file;
  }

  /** {@return how the file was read} */
  public CsvFormat format() {
    return format;
  }

  /**
   * The header's names, in column order; empty when the file has no header.
   *
   * @return the names
   */
  public List<String> columnNames() {
    return columnNames;
  }

  /** {@return whether the file's first line read held column names} */
  public boolean hasHeader() {
    return !columnNames.isEmpty();
  }

  /** {@return the number of data rows (the header excluded)} */
  public int rows() {
    return rows.size();
  }

  /** {@return the number of columns of every row} */
  public int columns() {
    return columns;
  }

  /**
   * The text of a cell: trimmed when unquoted, verbatim when quoted.
   *
   * @param row a data row, from 0
   * @param column a column, from 0
   * @return the text, "" for an empty cell
   */
  public String cell(int row, int column) {
    return rows.get(row)[column];
  }

  /**
   * The line (1-based) that data row {@code row} starts on.
   *
   * @param row a data row, from 0
   * @return the line number in the file, from 1
   */
  public int line(int row) {
    return lines[row];
  }

  /**
   * The index of the column named {@code name}; fails naming the columns there are.
   *
   * @param name a header name
   * @return its index, from 0
   * @throws IllegalArgumentException if no column has that name, or the file has no header
   */
  public int columnIndex(String name) {
    if (!hasHeader()) {
      throw new IllegalArgumentException("column \"" + name + "\" cannot be found by name: "
          + file + " was read without a header; refer to columns by index (0 to "
          + (columns - 1) + ")");
    }
    int first = columnNames.indexOf(name);
    if (first < 0) {
      throw new IllegalArgumentException("no column \"" + name + "\" in " + file
          + "; its columns are " + columnNames);
    }
    if (columnNames.lastIndexOf(name) != first) {
      throw new IllegalArgumentException("column name \"" + name + "\" is ambiguous in " + file
          + ": columns " + first + " and " + columnNames.lastIndexOf(name)
          + " both have it; refer to them by index");
    }
    return first;
  }

  /**
   * How messages name a column: {@code column 3 ("age")}, 0-based as the API takes indices.
   *
   * @param column a column, from 0
   * @return the description
   */
  public String describeColumn(int column) {
    return "column " + column + (hasHeader() ? " (\"" + columnNames.get(column) + "\")" : "");
  }

  /**
   * Where a cell is, for messages: {@code line 17, column 3 ("age")}.
   *
   * @param row a data row, from 0
   * @param column a column, from 0
   * @return the description
   */
  public String where(int row, int column) {
    return "line " + lines[row] + ", " + describeColumn(column);
  }

  /**
   * The rows at {@code indices}, in that order (for folds and splits of raw tables).
   *
   * @param indices data rows, from 0; they may repeat
   * @return a table of those rows, with this table's header and file
   */
  public CsvTable select(int[] indices) {
    List<String[]> picked = new ArrayList<>(indices.length);
    int[] pickedLines = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      int from = indices[i];
      if (from < 0 || from >= rows()) {
        throw new IndexOutOfBoundsException(
            "indices[" + i + "] must be in [0, " + rows() + "), got " + from);
      }
      picked.add(rows.get(from));
      pickedLines[i] = lines[from];
    }
    return new CsvTable(file, format, columnNames, Collections.unmodifiableList(picked),
        pickedLines, columns);
  }
}
