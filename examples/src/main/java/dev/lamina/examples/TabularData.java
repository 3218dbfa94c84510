package dev.lamina.examples;

import dev.lamina.data.CsvFormat;
import dev.lamina.data.CsvTable;
import dev.lamina.data.Dataset;
import dev.lamina.data.TableEncoder;
import dev.lamina.data.TableSpec;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The four datasets of the tabular lab, read from the CSV files Debian's {@code python3-sklearn}
 * ships (or copies of them): breast cancer and wine start with a count line and end each row with
 * the class, digits has no header, diabetes keeps its features and its target in two
 * whitespace-separated files.
 */
final class TabularData {
  /** Where Debian's python3-sklearn puts its CSV datasets. */
  static final Path SKLEARN = Path.of("/usr/lib/python3/dist-packages/sklearn/datasets/data");

  private TabularData() {}

  /** A dataset with its name and task as the lab reports them. */
  record Named(String name, String task, Dataset data) {}

  static Named breastCancer(Path dir) throws IOException {
    return new Named("breast_cancer", "binary", classes(dir.resolve("breast_cancer.csv"), 30, true));
  }

  static Named digits(Path dir) throws IOException {
    return new Named("digits", "multiclass", classes(dir.resolve("digits.csv.gz"), 64, false));
  }

  static Named wine(Path dir) throws IOException {
    return new Named("wine", "multiclass", classes(dir.resolve("wine_data.csv"), 13, true));
  }

  /** Diabetes on its raw, unscaled features (age in years, sex 1/2, BMI, ...). */
  static Named diabetes(Path dir) throws IOException {
    CsvFormat whitespace = CsvFormat.builder().delimiter(CsvFormat.WHITESPACE).noHeader().build();
    CsvTable x = CsvTable.read(dir.resolve("diabetes_data_raw.csv.gz"), whitespace);
    CsvTable y = CsvTable.read(dir.resolve("diabetes_target.csv.gz"), whitespace);
    if (x.rows() != y.rows()) {
      throw new IOException(y.file() + " has " + y.rows() + " targets but " + x.file() + " has "
          + x.rows() + " rows");
    }
    float[] features = new float[x.rows() * x.columns()];
    float[] targets = new float[y.rows()];
    for (int r = 0; r < x.rows(); r++) {
      for (int c = 0; c < x.columns(); c++) {
        features[r * x.columns() + c] = number(x, r, c);
      }
      targets[r] = number(y, r, 0);
    }
    return new Named("diabetes", "regression",
        Dataset.regression(features, targets, x.columns(), 1));
  }

  /** A table whose column {@code target} (the last) is the class, every other a number. */
  private static Dataset classes(Path file, int target, boolean countLine) throws IOException {
    CsvFormat.Builder format = CsvFormat.builder().noHeader();
    if (countLine) {
      format.skipLines(1); // "569,30,malignant,benign": samples, features, class names
    }
    CsvTable table = CsvTable.read(file, format.build());
    return TableEncoder.fit(table, TableSpec.builder().target(target).build()).dataset(table);
  }

  private static float number(CsvTable table, int row, int column) throws IOException {
    String cell = table.cell(row, column);
    try {
      return Float.parseFloat(cell);
    } catch (NumberFormatException e) {
      throw new IOException(table.where(row, column) + ": expected a number, found \"" + cell
          + "\"");
    }
  }
}
