package dev.lamina.data;

import dev.lamina.io.ModelFile;
import dev.lamina.nn.Network;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns table rows into features and labels, as fitted on a training table: the categories of each
 * categorical column, the fill values for missing cells, and the class names of a named target are
 * all taken from the training rows and kept, so the test rows and a single raw row at inference are
 * encoded exactly as training was.
 *
 * <pre>{@code
 * CsvTable train = CsvTable.read(Path.of("train.csv"));
 * TableEncoder encoder = TableEncoder.fit(train, spec);
 * Dataset trainSet = encoder.dataset(train);
 * Dataset testSet = encoder.dataset(CsvTable.read(Path.of("test.csv")));
 * float[] x = encoder.encode(Map.of("age", "41", "plan", "premium", "monthly", "29.5"));
 * }</pre>
 */
public final class TableEncoder {
  private final List<FeatureColumn> columns;
  private final Dataset.TargetKind kind;
  private final List<TargetColumn> targets;
  private final Missing missing;
  private final boolean allowNonFinite;
  private final Set<String> missingMarkers;
  private final int featureSize;

  TableEncoder(List<FeatureColumn> columns, Dataset.TargetKind kind, List<TargetColumn> targets,
      Missing missing, boolean allowNonFinite, Set<String> missingMarkers) {
    this.columns = List.copyOf(columns);
    this.kind = kind;
    this.targets = List.copyOf(targets);
    this.missing = missing;
    this.allowNonFinite = allowNonFinite;
    this.missingMarkers = Set.copyOf(missingMarkers);
    this.featureSize = columns.stream().mapToInt(FeatureColumn::width).sum();
  }

  /**
   * Fits {@code spec} to the rows of {@code training}: categories, fill values, class names.
   *
   * @param training the training table; the encoder learns only from it
   * @param spec which columns are features, categorical or targets
   * @return the fitted encoder
   * @throws DataFormatException if a cell cannot be read as its column's kind, naming it
   */
  public static TableEncoder fit(CsvTable training, TableSpec spec) throws DataFormatException {
    return TableFitting.fit(training, spec);
  }

  /**
   * Writes this encoder to {@code file} (JSON, atomically), for a program that predicts.
   *
   * @param file the file, replaced whole
   * @throws IOException if it cannot be written
   */
  public void save(Path file) throws IOException {
    TableEncoderFile.save(this, file);
  }

  /**
   * Reads an encoder that {@link #save} wrote.
   *
   * @param file a file {@link #save} wrote
   * @return the encoder
   * @throws IOException if it cannot be read or is malformed
   */
  public static TableEncoder load(Path file) throws IOException {
    return TableEncoderFile.load(file);
  }

  /**
   * Saves {@code network} to {@code modelFile} ({@link ModelFile#save}) with this encoder inside
   * it, so that one file holds everything fitted to the training data: the weights, the input's
   * standardization (its state) and the categories, fill values and class names that encode a
   * raw row. {@link #loadFromModel} reads the encoder back; {@code ModelFile.load} the network.
   *
   * @param network the trained network
   * @param modelFile the model file, replaced whole
   * @throws IllegalArgumentException when this encoder's rows do not fit the network's input
   * @throws IOException if it cannot be written
   */
  public void saveWithModel(Network network, Path modelFile) throws IOException {
    if (featureSize != network.inputSize()) {
      throw new IllegalArgumentException("this encoder gives " + featureSize + " features per"
          + " row (" + featureNames() + "), but " + network.spec().name() + " takes "
          + network.inputSize() + " inputs; save the encoder that made the network's training"
          + " data");
    }
    ModelFile.save(network, modelFile,
        Map.of(TableEncoderFile.ATTACHMENT, TableEncoderFile.json(this)));
  }

  /**
   * The encoder that {@link #saveWithModel} saved inside {@code modelFile}.
   *
   * @param modelFile a model file
   * @return the encoder
   * @throws IOException if the file cannot be read or holds no encoder
   */
  public static TableEncoder loadFromModel(Path modelFile) throws IOException {
    String json = ModelFile.attachments(modelFile).get(TableEncoderFile.ATTACHMENT);
    if (json == null) {
      throw new DataFormatException(modelFile, "holds no table encoder; save the model with"
          + " encoder.saveWithModel(network, file) to keep its encoder in it, or read a separate"
          + " encoder file with TableEncoder.load");
    }
    return TableEncoderFile.parse(json, modelFile);
  }

  /**
   * The feature columns, in the order their features appear.
   *
   * @return the columns
   */
  public List<FeatureColumn> columns() {
    return columns;
  }

  /**
   * The target column of class labels; the first target column of the other kinds.
   *
   * @return the column
   */
  public TargetColumn target() {
    return targets.get(0);
  }

  /**
   * The target columns, in order: one for class labels, one per output or label otherwise.
   *
   * @return the columns
   */
  public List<TargetColumn> targets() {
    return targets;
  }

  /**
   * What the targets hold: class labels, values (regression) or 0/1 flags (multi-label).
   *
   * @return the kind
   */
  public Dataset.TargetKind kind() {
    return kind;
  }

  /** {@return what a missing cell becomes} */
  public Missing missing() {
    return missing;
  }

  /** {@return whether infinite and NaN feature values are accepted} */
  public boolean allowsNonFinite() {
    return allowNonFinite;
  }

  /**
   * The cell texts that mean "missing", as in the training table's format.
   *
   * @return the markers
   */
  public Set<String> missingMarkers() {
    return missingMarkers;
  }

  /**
   * Features per sample, after one-hot encoding.
   *
   * @return the feature count
   */
  public int featureSize() {
    return featureSize;
  }

  /**
   * One name per feature: a numeric column's name, {@code name=category} for one-hot ones.
   *
   * @return the names, {@link #featureSize()} of them
   */
  public List<String> featureNames() {
    List<String> names = new ArrayList<>();
    columns.forEach(c -> names.addAll(c.featureNames()));
    return names;
  }

  /**
   * The samples of {@code table}: its feature columns and target found by name when both it and
   * the training table have a header, else by index. Fails, returning nothing, on the first bad
   * cell, naming its line and column.
   *
   * @param table a table laid out as the training one
   * @return the samples
   * @throws DataFormatException on the first bad cell, naming its line and column
   */
  public Dataset dataset(CsvTable table) throws DataFormatException {
    int[] source = sourceColumns(table);
    int width = targets.size();
    float[] x = new float[table.rows() * featureSize];
    int[] y = new int[table.rows()];
    float[] values = new float[table.rows() * width];
    int samples = 0;
    for (int row = 0; row < table.rows(); row++) {
      if (targetMissing(table, row, source)) {
        continue;
      }
      if (!encodeRow(table, row, source, samples, x, samples * featureSize)) {
        continue;
      }
      for (int t = 0; t < width; t++) {
        int column = source[columns.size() + t];
        String cell = table.cell(row, column);
        if (kind == Dataset.TargetKind.CLASS_LABEL) {
          y[samples] = targets.get(t).labelOf(cell);
          if (y[samples] < 0) {
            throw new DataFormatException(table.file(), table.where(row, column) + ": expected "
                + targets.get(t).expected() + ", found \"" + cell + "\"");
          }
        } else {
          values[samples * width + t] = targetValue(table, row, column, cell);
        }
      }
      samples++;
    }
    if (samples == 0) {
      throw new DataFormatException(table.file(), "no rows left: every one of the "
          + table.rows() + " rows has a missing cell and Missing.dropRow() drops them");
    }
    float[] features = Arrays.copyOf(x, samples * featureSize);
    float[] t = Arrays.copyOf(values, samples * width);
    // Non-finite features were refused above, naming the file's line, unless the spec allows them.
    return switch (kind) {
      case CLASS_LABEL -> Dataset.ofAllowingNonFinite(features, Arrays.copyOf(y, samples),
          featureSize, target().classes());
      case VALUES -> Dataset.regressionAllowingNonFinite(features, t, featureSize, width);
      case MULTI_LABEL -> Dataset.multiLabelAllowingNonFinite(features, t, featureSize, width);
    };
  }

  /** Whether a target cell of {@code row} is missing: dropped, or an error naming it. */
  private boolean targetMissing(CsvTable table, int row, int[] source)
      throws DataFormatException {
    for (int t = 0; t < targets.size(); t++) {
      int column = source[columns.size() + t];
      String cell = table.cell(row, column);
      if (table.format().isMissing(cell)) {
        if (missing.strategy() == Missing.Strategy.DROP_ROW) {
          return true;
        }
        throw new DataFormatException(table.file(), table.where(row, column)
            + ": the target is missing (\"" + cell + "\"); fix the file, or drop such rows with"
            + " TableSpec.builder().missing(Missing.dropRow())");
      }
    }
    return false;
  }

  /** A regression value (finite) or a multi-label flag (0 or 1). */
  private float targetValue(CsvTable table, int row, int column, String cell)
      throws DataFormatException {
    float value;
    try {
      value = Numbers.parse(cell);
    } catch (NumberFormatException e) {
      value = Float.NaN;
    }
    boolean ok = kind == Dataset.TargetKind.VALUES ? Float.isFinite(value)
        : value == 0f || value == 1f;
    if (!ok) {
      throw new DataFormatException(table.file(), table.where(row, column) + ": expected "
          + (kind == Dataset.TargetKind.VALUES ? "a finite number as the target"
          : "0 or 1 (whether the sample has this label)") + ", found \"" + cell + "\"");
    }
    return value;
  }

  /**
   * The features of one raw row, given by column name ({@code "age" -> "41"}), encoded as
   * training was: the row a saved model is asked to predict.
   *
   * @param row cells by column name; targets and ignored columns may be absent
   * @return {@link #featureSize()} values
   * @throws IllegalArgumentException if a feature column is absent or a cell is bad, naming it
   */
  public float[] encode(Map<String, String> row) {
    List<String> cells = new ArrayList<>();
    for (FeatureColumn column : columns) {
      String cell = row.get(column.name());
      if (cell == null) {
        throw new IllegalArgumentException("row has no \"" + column.name() + "\"; expected a"
            + " value for each feature column " + columns.stream().map(FeatureColumn::name)
            .toList() + ", got keys " + row.keySet());
      }
      cells.add(cell);
    }
    return encode(cells.toArray(String[]::new));
  }

  /**
   * The features of one raw row, given as one cell per feature column, in {@link #columns()} order.
   *
   * @param cells one cell per feature column
   * @return {@link #featureSize()} values
   * @throws IllegalArgumentException if the count is wrong or a cell is bad, naming it
   */
  public float[] encode(String... cells) {
    if (cells.length != columns.size()) {
      throw new IllegalArgumentException("cells must hold one value per feature column "
          + columns.stream().map(FeatureColumn::name).toList() + " (" + columns.size()
          + "), got " + cells.length);
    }
    float[] x = new float[featureSize];
    int offset = 0;
    for (int i = 0; i < cells.length; i++) {
      FeatureColumn column = columns.get(i);
      String cell = cells[i] == null ? "" : cells[i].strip();
      String problem = encodeCell(column, cell, missingMarkers.contains(cell), x, offset);
      if (problem != null) {
        throw new IllegalArgumentException("cells[" + i + "] (\"" + column.name() + "\"): "
            + problem);
      }
      if (!allowNonFinite && !finite(x, offset, column.width())) {
        throw new IllegalArgumentException("cells[" + i + "] (\"" + column.name() + "\"): "
            + "expected a finite number, found \"" + cell + "\"");
      }
      offset += column.width();
    }
    return x;
  }

  /** Encodes {@code row}'s features at {@code offset}; false when the row is to be dropped. */
  private boolean encodeRow(CsvTable table, int row, int[] source, int sample, float[] x,
      int offset) throws DataFormatException {
    int at = offset;
    for (int i = 0; i < columns.size(); i++) {
      FeatureColumn column = columns.get(i);
      String cell = table.cell(row, source[i]);
      boolean isMissing = table.format().isMissing(cell);
      if (isMissing && missing.strategy() == Missing.Strategy.DROP_ROW) {
        return false;
      }
      String problem = encodeCell(column, cell, isMissing, x, at);
      if (problem != null) {
        throw new DataFormatException(table.file(), table.where(row, source[i]) + ": " + problem);
      }
      if (!allowNonFinite && !finite(x, at, column.width())) {
        throw new DataFormatException(table.file(), "sample " + sample + " (" + table.where(row,
            source[i]) + "): expected a finite number, found \"" + cell + "\"; non-finite"
            + " features are refused: fix the file, or accept them with"
            + " TableSpec.builder().allowNonFinite()");
      }
      at += column.width();
    }
    return true;
  }

  /** Writes the features of one cell; returns what is wrong with it, or null. */
  private String encodeCell(FeatureColumn column, String cell, boolean isMissing, float[] x,
      int offset) {
    switch (column) {
      case FeatureColumn.Numeric n -> {
        if (isMissing) {
          if (!n.hasFill()) {
            return missingProblem(cell);
          }
          x[offset] = n.fill();
          return null;
        }
        try {
          x[offset] = Numbers.parse(cell);
          return null;
        } catch (NumberFormatException e) {
          return "expected a number, found \"" + cell + "\" (if the column holds categories,"
              + " declare it with TableSpec.builder().categorical(...))";
        }
      }
      case FeatureColumn.Categorical c -> {
        Arrays.fill(x, offset, offset + c.width(), 0f);
        if (isMissing) {
          if (!c.hasFill()) {
            return missingProblem(cell);
          }
          if (c.fill() >= 0) {
            x[offset + c.fill()] = 1f;
          }
          return null;
        }
        int category = Collections.binarySearch(c.categories(), cell);
        if (category < 0) {
          return "the category \"" + cell + "\" was not in the training data, which has "
              + c.categories();
        }
        x[offset + category] = 1f;
        return null;
      }
    }
  }

  private static String missingProblem(String cell) {
    return "the value is missing (\"" + cell + "\"); fix the file, or pick what to do with"
        + " TableSpec.builder().missing(Missing.mean() / Missing.constant(v) / Missing.dropRow())";
  }

  private static boolean finite(float[] x, int offset, int width) {
    for (int i = offset; i < offset + width; i++) {
      if (!Float.isFinite(x[i])) {
        return false;
      }
    }
    return true;
  }

  /** Where each feature column, then each target column, is in {@code table}. */
  private int[] sourceColumns(CsvTable table) throws DataFormatException {
    int[] source = new int[columns.size() + targets.size()];
    for (int i = 0; i < columns.size(); i++) {
      source[i] = resolve(table, columns.get(i).name(), columns.get(i).index());
    }
    for (int t = 0; t < targets.size(); t++) {
      source[columns.size() + t] = resolve(table, targets.get(t).name(), targets.get(t).index());
    }
    return source;
  }

  private int resolve(CsvTable table, String name, int index) throws DataFormatException {
    if (table.hasHeader() && target().byName()) {
      try {
        return table.columnIndex(name);
      } catch (IllegalArgumentException e) {
        throw new DataFormatException(table.file(), "expected a column \"" + name + "\" as in the"
            + " training table; its columns are " + table.columnNames(), e);
      }
    }
    if (index >= table.columns()) {
      throw new DataFormatException(table.file(), "expected at least " + (index + 1)
          + " columns as in the training table (column " + index + " is \"" + name
          + "\"), found " + table.columns());
    }
    return index;
  }

  /**
   * The column of class labels as fitted: {@code classNames} empty for integer labels, else the
   * names sorted, label i being {@code classNames.get(i)}. {@code byName} says whether the
   * training table had a header (then other tables' columns are found by name).
   *
   * @param name the column's name in the training file, or its index as text
   * @param index the column's index in the training file
   * @param classNames the class names, sorted; empty for integer labels
   * @param classes the number of classes (1 for a regression or multi-label target)
   * @param byName whether other tables' target is found by name
   */
  public record TargetColumn(String name, int index, List<String> classNames, int classes,
      boolean byName) {
    /** Copies the class names. */
    public TargetColumn {
      classNames = List.copyOf(classNames);
    }

    /** The label {@code cell} names, or -1 when it names none of this target's classes. */
    int labelOf(String cell) {
      if (!classNames.isEmpty()) {
        return Math.max(-1, Collections.binarySearch(classNames, cell));
      }
      float value;
      try {
        value = Numbers.parse(cell);
      } catch (NumberFormatException e) {
        return -1;
      }
      return value == Math.rint(value) && value >= 0 && value < classes ? (int) value : -1;
    }

    /** What {@link #labelOf} accepts, for messages. */
    String expected() {
      return classNames.isEmpty()
          ? "an integer class label in [0, " + classes + ")"
          : "one of the classes seen in training, " + classNames;
    }
  }
}
