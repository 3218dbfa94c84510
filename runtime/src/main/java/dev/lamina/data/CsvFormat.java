package dev.lamina.data;

import java.util.Set;

/**
 * How a CSV file is laid out: the field delimiter ({@link #WHITESPACE} for columns separated by
 * runs of spaces and tabs, as NumPy's {@code loadtxt} reads them), the quote character, whether the
 * first line read is a header of column names, how many lines to skip before it (scikit-learn's
 * files start with a line of counts), and which cell texts mean "missing".
 *
 * <pre>{@code
 * CsvFormat.DEFAULT                                          // "," with a header, quotes "
 * CsvFormat.builder().delimiter(';').build()                 // European spreadsheets
 * CsvFormat.builder().noHeader().skipLines(1).build()        // sklearn's breast_cancer.csv
 * CsvFormat.builder().delimiter(CsvFormat.WHITESPACE).noHeader().build()
 * }</pre>
 *
 * @param delimiter the field delimiter, e.g. ',' or ';'; {@link #WHITESPACE} for runs of blanks
 * @param quote the quote character, e.g. '"'; a quoted field may hold delimiters and line breaks
 * @param header whether the first line read holds column names
 * @param skipLines lines skipped before the header (or the first data line), ≥ 0
 * @param missingMarkers cell texts, compared after trimming, that mean a missing value
 */
public record CsvFormat(char delimiter, char quote, boolean header, int skipLines,
    Set<String> missingMarkers) {
  /** The delimiter value that means "one or more spaces or tabs". */
  public static final char WHITESPACE = ' ';

  /** The cell texts read as missing unless told otherwise: as pandas, minus the rarer ones. */
  public static final Set<String> DEFAULT_MISSING = Set.of("", "NA", "N/A", "NaN", "nan", "null");

  /** Comma-delimited, double quotes, a header line, nothing skipped, {@link #DEFAULT_MISSING}. */
  public static final CsvFormat DEFAULT = new CsvFormat(',', '"', true, 0, DEFAULT_MISSING);

  /**
   * Checks the layout and copies the markers.
   *
   * @throws IllegalArgumentException if the delimiter is a line break or the quote, the quote is a
   *     line break, or skipLines is negative
   */
  public CsvFormat {
    if (delimiter == '\n' || delimiter == '\r' || delimiter == quote) {
      throw new IllegalArgumentException("delimiter must differ from the quote and from line"
          + " breaks, got " + printable(delimiter) + " with quote " + printable(quote));
    }
    if (quote == '\n' || quote == '\r') {
      throw new IllegalArgumentException("quote must not be a line break, got "
          + printable(quote));
    }
    if (skipLines < 0) {
      throw new IllegalArgumentException("skipLines must be >= 0, got " + skipLines);
    }
    missingMarkers = Set.copyOf(missingMarkers);
  }

  /** {@return a builder starting from {@link #DEFAULT}} */
  public static Builder builder() {
    return DEFAULT.toBuilder();
  }

  /** {@return a builder holding this format, to change some of it} */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Whether {@code cell} (already trimmed) means "no value".
   *
   * @param cell a cell's text
   * @return true when it is one of {@link #missingMarkers()}
   */
  public boolean isMissing(String cell) {
    return missingMarkers.contains(cell);
  }

  static String printable(char c) {
    return switch (c) {
      case '\t' -> "'\\t'";
      case '\n' -> "'\\n'";
      case '\r' -> "'\\r'";
      case ' ' -> "whitespace";
      default -> "'" + c + "'";
    };
  }

  /** Settings of a {@link CsvFormat}; each starts at {@link #DEFAULT}'s. */
  public static final class Builder {
    private char delimiter;
    private char quote;
    private boolean header;
    private int skipLines;
    private Set<String> missingMarkers;

    private Builder(CsvFormat format) {
      delimiter = format.delimiter;
      quote = format.quote;
      header = format.header;
      skipLines = format.skipLines;
      missingMarkers = format.missingMarkers;
    }

    /**
     * The field delimiter, e.g. {@code ';'} or {@code '\t'}; {@link #WHITESPACE} for runs.
     *
     * @param delimiter the delimiter; not a line break, not the quote
     * @return this builder
     */
    public Builder delimiter(char delimiter) {
      this.delimiter = delimiter;
      return this;
    }

    /**
     * The quote character (default '"'): a quoted field may hold delimiters and line breaks, and
     * two quotes in it stand for one.
     *
     * @param quote the quote; not a line break, not the delimiter
     * @return this builder
     */
    public Builder quote(char quote) {
      this.quote = quote;
      return this;
    }

    /**
     * The first line read holds column names (the default).
     *
     * @return this builder
     */
    public Builder header() {
      this.header = true;
      return this;
    }

    /**
     * Every line read is data; columns are referred to by index.
     *
     * @return this builder
     */
    public Builder noHeader() {
      this.header = false;
      return this;
    }

    /**
     * Lines to skip at the start of the file, before the header if there is one.
     *
     * @param skipLines the number of lines, ≥ 0
     * @return this builder
     */
    public Builder skipLines(int skipLines) {
      this.skipLines = skipLines;
      return this;
    }

    /**
     * The cell texts (compared after trimming spaces) that mean a missing value.
     *
     * @param markers the texts, e.g. {@code ""}, {@code "NA"}, {@code "?"}
     * @return this builder
     */
    public Builder missingMarkers(String... markers) {
      this.missingMarkers = Set.of(markers);
      return this;
    }

    /**
     * {@return the format}
     *
     * @throws IllegalArgumentException as the record's constructor does
     */
    public CsvFormat build() {
      return new CsvFormat(delimiter, quote, header, skipLines, missingMarkers);
    }
  }
}
