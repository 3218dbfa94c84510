package dev.lamina.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Fits a {@link TableSpec} to a training table: resolves columns, learns categories and fills. */
final class TableFitting {
  private final CsvTable table;
  private final TableSpec spec;

  private TableFitting(CsvTable table, TableSpec spec) {
    this.table = table;
    this.spec = spec;
  }

  static TableEncoder fit(CsvTable table, TableSpec spec) throws DataFormatException {
    return new TableFitting(table, spec).fit();
  }

  private TableEncoder fit() throws DataFormatException {
    List<Integer> targets = new ArrayList<>();
    for (Object t : spec.targets()) {
      int index = resolve(t, "target");
      if (targets.contains(index)) {
        throw new IllegalArgumentException("targets lists " + table.describeColumn(index)
            + " twice");
      }
      targets.add(index);
    }
    Set<Integer> categorical = new LinkedHashSet<>();
    for (Object c : spec.categorical()) {
      categorical.add(resolve(c, "categorical"));
    }
    List<Integer> features = featureIndices(targets);
    for (int c : categorical) {
      if (!features.contains(c)) {
        throw new IllegalArgumentException("categorical " + table.describeColumn(c)
            + " is not a feature column" + (targets.contains(c) ? " but a target" : "")
            + "; the features are " + features.stream().map(table::describeColumn).toList());
      }
    }
    List<Integer> kept = keptRows(targets, features);
    List<FeatureColumn> columns = new ArrayList<>();
    for (int c : features) {
      columns.add(categorical.contains(c) ? categoricalColumn(c, kept) : numericColumn(c, kept));
    }
    List<TableEncoder.TargetColumn> targetColumns = new ArrayList<>();
    for (int t : targets) {
      targetColumns.add(spec.kind() == Dataset.TargetKind.CLASS_LABEL ? targetColumn(t, kept)
          : new TableEncoder.TargetColumn(name(t), t, List.of(), 0, table.hasHeader()));
    }
    return new TableEncoder(columns, spec.kind(), targetColumns, spec.missing(),
        spec.allowNonFinite(), table.format().missingMarkers());
  }

  private List<Integer> featureIndices(List<Integer> targets) {
    List<Integer> features = new ArrayList<>();
    if (spec.features().isEmpty()) {
      Set<Integer> ignored = new LinkedHashSet<>();
      for (Object c : spec.ignored()) {
        ignored.add(resolve(c, "ignore"));
      }
      for (int c = 0; c < table.columns(); c++) {
        if (!targets.contains(c) && !ignored.contains(c)) {
          features.add(c);
        }
      }
      if (features.isEmpty()) {
        throw new IllegalArgumentException(table.file() + " has no feature columns: its only"
            + " columns are the target and the ignored ones");
      }
      return features;
    }
    for (Object c : spec.features()) {
      int index = resolve(c, "features");
      if (targets.contains(index)) {
        throw new IllegalArgumentException("features must not include the target "
            + table.describeColumn(index));
      }
      if (features.contains(index)) {
        throw new IllegalArgumentException("features lists " + table.describeColumn(index)
            + " twice");
      }
      features.add(index);
    }
    return features;
  }

  /** The rows training statistics are taken from: all, or those Missing.dropRow() keeps. */
  private List<Integer> keptRows(List<Integer> targets, List<Integer> features) {
    List<Integer> kept = new ArrayList<>();
    boolean drop = spec.missing().strategy() == Missing.Strategy.DROP_ROW;
    for (int r = 0; r < table.rows(); r++) {
      boolean complete = true;
      for (int c : targets) {
        complete &= !table.format().isMissing(table.cell(r, c));
      }
      for (int c : features) {
        complete &= !table.format().isMissing(table.cell(r, c));
      }
      if (complete || !drop) {
        kept.add(r);
      }
    }
    return kept;
  }

  private FeatureColumn numericColumn(int c, List<Integer> rows) throws DataFormatException {
    Missing missing = spec.missing();
    String name = name(c);
    return switch (missing.strategy()) {
      case ERROR, DROP_ROW -> new FeatureColumn.Numeric(name, c, false, 0);
      case CONSTANT -> new FeatureColumn.Numeric(name, c, true, missing.constant());
      case MEAN -> new FeatureColumn.Numeric(name, c, true, mean(c, rows));
    };
  }

  /** The mean of the column's finite values; a bad cell fails here with its line. */
  private float mean(int c, List<Integer> rows) throws DataFormatException {
    double sum = 0;
    int count = 0;
    for (int r : rows) {
      String cell = table.cell(r, c);
      if (table.format().isMissing(cell)) {
        continue;
      }
      float value;
      try {
        value = Numbers.parse(cell);
      } catch (NumberFormatException e) {
        throw new DataFormatException(table.file(), table.where(r, c) + ": expected a number,"
            + " found \"" + cell + "\" (if the column holds categories, declare it with"
            + " TableSpec.builder().categorical(...))");
      }
      if (Float.isFinite(value)) {
        sum += value;
        count++;
      }
    }
    if (count == 0) {
      throw new DataFormatException(table.file(), table.describeColumn(c) + " has no finite"
          + " values to take the mean of for Missing.mean(); use Missing.constant(v) or drop"
          + " the column");
    }
    return (float) (sum / count);
  }

  private FeatureColumn categoricalColumn(int c, List<Integer> rows) throws DataFormatException {
    TreeMap<String, Integer> counts = new TreeMap<>();
    for (int r : rows) {
      String cell = table.cell(r, c);
      if (!table.format().isMissing(cell)) {
        counts.merge(cell, 1, Integer::sum);
      }
    }
    if (counts.isEmpty()) {
      throw new DataFormatException(table.file(), table.describeColumn(c) + " is declared"
          + " categorical but has no values, so no categories to encode");
    }
    List<String> categories = List.copyOf(counts.keySet());
    return switch (spec.missing().strategy()) {
      case ERROR, DROP_ROW -> new FeatureColumn.Categorical(name(c), c, categories, false, -1);
      case CONSTANT -> new FeatureColumn.Categorical(name(c), c, categories, true, -1);
      case MEAN -> new FeatureColumn.Categorical(name(c), c, categories, true,
          categories.indexOf(mostFrequent(counts)));
    };
  }

  /** The most frequent key; the first in sorted order among equals. */
  private static String mostFrequent(TreeMap<String, Integer> counts) {
    String best = null;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (best == null || e.getValue() > counts.get(best)) {
        best = e.getKey();
      }
    }
    return best;
  }

  /** Integer labels when every target cell is a whole number >= 0, else sorted class names. */
  private TableEncoder.TargetColumn targetColumn(int c, List<Integer> rows)
      throws DataFormatException {
    TreeMap<String, Integer> names = new TreeMap<>();
    boolean integers = true;
    int largest = -1;
    for (int r : rows) {
      String cell = table.cell(r, c);
      if (table.format().isMissing(cell)) {
        throw new DataFormatException(table.file(), table.where(r, c) + ": the target is"
            + " missing (\"" + cell + "\"); fix the file, or drop such rows with"
            + " TableSpec.builder().missing(Missing.dropRow())");
      }
      names.merge(cell, 1, Integer::sum);
      float value = Numbers.isNumber(cell) ? Numbers.parse(cell) : Float.NaN;
      if (value >= 0 && value == Math.rint(value) && value < Integer.MAX_VALUE) {
        largest = Math.max(largest, (int) value);
      } else {
        integers = false;
      }
    }
    if (integers) {
      int classes = spec.classes() > 0 ? spec.classes() : largest + 1;
      if (largest >= classes) {
        throw new DataFormatException(table.file(), table.describeColumn(c) + " holds the label "
            + largest + ", but classes(" + spec.classes() + ") allows only 0 to "
            + (classes - 1));
      }
      return new TableEncoder.TargetColumn(name(c), c, List.of(), classes, table.hasHeader());
    }
    if (spec.classes() > 0 && spec.classes() != names.size()) {
      throw new DataFormatException(table.file(), table.describeColumn(c) + " holds "
          + names.size() + " class names " + names.keySet() + ", but classes("
          + spec.classes() + ") was given");
    }
    return new TableEncoder.TargetColumn(name(c), c, List.copyOf(names.keySet()), names.size(),
        table.hasHeader());
  }

  private String name(int c) {
    return table.hasHeader() ? table.columnNames().get(c) : Integer.toString(c);
  }

  private int resolve(Object column, String argument) {
    if (column instanceof String name) {
      return table.columnIndex(name);
    }
    int index = (Integer) column;
    if (index >= table.columns()) {
      throw new IllegalArgumentException(argument + " index must be in [0, " + table.columns()
          + ") for " + table.file() + ", got " + index);
    }
    return index;
  }
}
