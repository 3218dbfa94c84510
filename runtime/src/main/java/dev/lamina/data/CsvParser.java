package dev.lamina.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Splits a CSV file into cells (RFC 4180: a quoted field may hold the delimiter, line breaks and
 * doubled quotes), keeping the line each row starts on. Blank lines are skipped. Every row must
 * have as many fields as the header, or as the first row when there is no header.
 */
final class CsvParser {
  private final Path file;
  private final CsvFormat format;
  private final String text;
  private int pos;
  private int line = 1;

  private CsvParser(Path file, CsvFormat format, String text) {
    this.file = file;
    this.format = format;
    this.text = text;
  }

  static CsvTable parse(Path file, CsvFormat format) throws IOException {
    return new CsvParser(file, format, decode(file)).table();
  }

  private CsvTable table() throws DataFormatException {
    if (text.startsWith("\uFEFF")) {
      pos = 1; // a UTF-8 byte order mark, as spreadsheets write it
    }
    for (int i = 0; i < format.skipLines(); i++) {
      if (pos >= text.length()) {
        throw new DataFormatException(file, "expected " + format.skipLines()
            + " lines to skip, the file has only " + i);
      }
      skipLine();
    }
    List<String> names = List.of();
    int headerLine = 0;
    int columns = -1;
    if (format.header()) {
      skipBlankLines();
      headerLine = line;
      if (pos >= text.length()) {
        throw new DataFormatException(file, "expected a header line of column names, the file"
            + " has no lines" + (format.skipLines() > 0 ? " after the " + format.skipLines()
            + " skipped" : ""));
      }
      names = List.of(record());
      columns = names.size();
    }
    List<String[]> rows = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    int firstLine = 0;
    while (true) {
      skipBlankLines();
      if (pos >= text.length()) {
        break;
      }
      int start = line;
      String[] row = record();
      if (columns < 0) {
        columns = row.length;
        firstLine = start;
      } else if (row.length != columns) {
        throw new DataFormatException(file, "line " + start + ": expected " + columns
            + " fields, as " + (format.header() ? "the header (line " + headerLine + ")"
            : "the first row (line " + firstLine + ")") + " has, found " + row.length
            + (format.delimiter() == CsvFormat.WHITESPACE ? "" : " (delimiter "
            + CsvFormat.printable(format.delimiter()) + ")"));
      }
      rows.add(row);
      lines.add(start);
    }
    if (rows.isEmpty()) {
      throw new DataFormatException(file, "expected rows of data, found none"
          + (format.header() ? " after the header (line " + headerLine + ")" : ""));
    }
    int[] lineArray = lines.stream().mapToInt(Integer::intValue).toArray();
    return new CsvTable(file, format, names, Collections.unmodifiableList(rows), lineArray,
        columns);
  }

  /** Reads one record, up to and including its line break. */
  private String[] record() throws DataFormatException {
    List<String> fields = new ArrayList<>();
    boolean whitespace = format.delimiter() == CsvFormat.WHITESPACE;
    while (true) {
      if (whitespace) {
        skipSpaces();
      }
      fields.add(field(fields.size()));
      if (whitespace) {
        skipSpaces();
        if (atLineEnd()) {
          endLine();
          return fields.toArray(String[]::new);
        }
      } else {
        if (atLineEnd()) {
          endLine();
          return fields.toArray(String[]::new);
        }
        pos++; // the delimiter
      }
    }
  }

  /** One field, quoted or not; stops before the delimiter or line end that follows it. */
  private String field(int index) throws DataFormatException {
    int start = pos;
    while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')
        && text.charAt(pos) != format.delimiter()) {
      pos++;
    }
    if (pos < text.length() && text.charAt(pos) == format.quote()) {
      return quoted(index);
    }
    pos = start;
    while (pos < text.length() && !isDelimiter(text.charAt(pos)) && !atLineEnd()) {
      pos++;
    }
    return text.substring(start, pos).strip();
  }

  private String quoted(int index) throws DataFormatException {
    int openLine = line;
    char quote = format.quote();
    StringBuilder value = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= text.length()) {
        throw new DataFormatException(file, "line " + openLine + ": the quote " + quote
            + " that opens field " + index + " is never closed; expected a closing " + quote
            + " before the end of the file (write a quote inside a quoted field as " + quote
            + quote + ")");
      }
      char c = text.charAt(pos++);
      if (c == quote) {
        if (pos < text.length() && text.charAt(pos) == quote) {
          value.append(quote);
          pos++;
          continue;
        }
        break;
      }
      if (c == '\n') {
        line++;
      }
      value.append(c);
    }
    while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')
        && !isDelimiter(text.charAt(pos))) {
      pos++;
    }
    if (pos < text.length() && !isDelimiter(text.charAt(pos)) && !atLineEnd()) {
      throw new DataFormatException(file, "line " + line + ": expected a delimiter or the end"
          + " of the line after the closing quote of field " + index + ", found '"
          + text.charAt(pos) + "' (write a quote inside a quoted field as " + quote + quote + ")");
    }
    return value.toString();
  }

  private boolean isDelimiter(char c) {
    return format.delimiter() == CsvFormat.WHITESPACE ? c == ' ' || c == '\t'
        : c == format.delimiter();
  }

  private boolean atLineEnd() {
    return pos >= text.length() || text.charAt(pos) == '\n' || text.charAt(pos) == '\r';
  }

  /** Steps over "\n", "\r\n" or "\r" (or nothing at the end of the file). */
  private void endLine() {
    if (pos < text.length() && text.charAt(pos) == '\r') {
      pos++;
    }
    if (pos < text.length() && text.charAt(pos) == '\n') {
      pos++;
    }
    line++;
  }

  private void skipLine() {
    while (!atLineEnd()) {
      pos++;
    }
    endLine();
  }

  private void skipSpaces() {
    while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
      pos++;
    }
  }

  private void skipBlankLines() {
    while (pos < text.length()) {
      int start = pos;
      skipSpaces();
      if (pos < text.length() && atLineEnd()) {
        endLine();
      } else {
        pos = pos >= text.length() ? pos : start;
        return;
      }
    }
  }

  /** The file's text: gunzipped when it starts with gzip's magic bytes, strictly UTF-8. */
  private static String decode(Path file) throws IOException {
    byte[] bytes;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      in.mark(2);
      byte[] magic = in.readNBytes(2);
      in.reset();
      boolean gzip = magic.length == 2 && (magic[0] & 0xFF) == 0x1f && (magic[1] & 0xFF) == 0x8b;
      try {
        bytes = gzip ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
      } catch (ZipException | java.io.EOFException e) {
        throw new DataFormatException(file, "corrupt or truncated gzip stream ("
            + e.getMessage() + "); get the file again", e);
      }
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = StandardCharsets.UTF_8.newDecoder().decode(in, out, true);
    if (result.isError()) {
      int at = in.position();
      int line = 1;
      for (int i = 0; i < at; i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      throw new DataFormatException(file, "line " + line + ": expected UTF-8 text, found the"
          + " byte 0x" + String.format("%02X", bytes[at] & 0xFF) + " at offset " + at
          + " (save the file as UTF-8)");
    }
    return out.flip().toString();
  }
}
