package dev.lamina.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Reads the CSV files that Debian's python3-sklearn ships, each in its own layout; skipped without
 * the package. The expected counts are the ones each file's first line, or scikit-learn's docs,
 * state.
 */
class CsvSklearnTest {
  static final Path SKLEARN_DATA = Path.of("/usr/lib/python3/dist-packages/sklearn/datasets/data");

  @Test
  void breastCancerHasACountLineThenRowsEndingInTheLabel() throws IOException {
    Path file = sklearnFile("breast_cancer.csv"); // "569,30,malignant,benign", then rows
    CsvFormat format = CsvFormat.builder().noHeader().skipLines(1).build();

    Dataset data = TableEncoder.fit(CsvTable.read(file, format),
        TableSpec.builder().target(30).build()).dataset(CsvTable.read(file, format));

    assertEquals(569, data.size());
    assertEquals(30, data.featureSize());
    assertEquals(2, data.classes());
    assertEquals(357, Arrays.stream(data.labels()).filter(y -> y == 1).count()); // benign
    float[] first = new float[30];
    data.copyFeatures(0, first, 0);
    assertEquals(17.99f, first[0]);
    assertEquals(0, data.label(0));
    float[] last = row(data, 568); // "7.76,24.54,...,0.2871,0.07039,1"
    assertEquals(7.76f, last[0]);
    assertEquals(0.07039f, last[29]);
    assertEquals(1, data.label(568));
  }

  @Test
  void wineAndIrisHaveNamedClassesInTheCountLine() throws IOException {
    CsvFormat format = CsvFormat.builder().noHeader().skipLines(1).build();
    Dataset wine = load(sklearnFile("wine_data.csv"), format, 13);
    Dataset iris = load(sklearnFile("iris.csv"), format, 4);

    assertEquals(178, wine.size());
    assertEquals(13, wine.featureSize());
    assertEquals(3, wine.classes());
    assertArrayEquals(new long[] {59, 71, 48}, perClass(wine));
    assertArrayEquals(new float[] {14.23f, 1.71f, 2.43f, 15.6f, 127f, 2.8f, 3.06f, 0.28f, 2.29f,
        5.64f, 1.04f, 3.92f, 1065f}, row(wine, 0));
    assertEquals(150, iris.size());
    assertArrayEquals(new long[] {50, 50, 50}, perClass(iris));
    assertArrayEquals(new float[] {5.1f, 3.5f, 1.4f, 0.2f}, row(iris, 0));
  }

  @Test
  void digitsAreGzippedWithoutACountLine() throws IOException {
    Dataset digits = load(sklearnFile("digits.csv.gz"), CsvFormat.builder().noHeader().build(),
        64);

    assertEquals(1797, digits.size());
    assertEquals(64, digits.featureSize());
    assertEquals(10, digits.classes());
    assertEquals(0, digits.label(0));
    assertEquals(5f, row(digits, 0)[2]);
    assertEquals(13f, row(digits, 0)[3]);
    float max = 0;
    for (float x : digits.features()) {
      max = Math.max(max, x);
    }
    assertEquals(16f, max);
  }

  @Test
  void diabetesIsSeparatedBySpaces() throws IOException {
    CsvFormat spaces = CsvFormat.builder().delimiter(CsvFormat.WHITESPACE).noHeader().build();

    CsvTable features = CsvTable.read(sklearnFile("diabetes_data_raw.csv.gz"), spaces);
    CsvTable target = CsvTable.read(sklearnFile("diabetes_target.csv.gz"), spaces);

    assertEquals(442, features.rows());
    assertEquals(10, features.columns());
    assertEquals(442, target.rows());
    assertEquals(1, target.columns());
    assertEquals("59", features.cell(0, 0));
    assertEquals("4.8598", features.cell(0, 8));
    assertEquals(151f, Numbers.parse(target.cell(0, 0)));
    // sex (column 1) is coded 1 or 2: read as a categorical feature, it becomes two columns
    TableEncoder encoder = TableEncoder.fit(features,
        TableSpec.builder().target(9).categorical(1).build());
    assertEquals(10, encoder.featureSize());
    assertEquals(java.util.List.of("0", "1=1", "1=2", "2", "3", "4", "5", "6", "7", "8"),
        encoder.featureNames());
  }

  private static Dataset load(Path file, CsvFormat format, int target) throws IOException {
    CsvTable table = CsvTable.read(file, format);
    return TableEncoder.fit(table, TableSpec.builder().target(target).build()).dataset(table);
  }

  static Path sklearnFile(String name) {
    Path file = SKLEARN_DATA.resolve(name);
    assumeTrue(Files.isRegularFile(file), () -> "skipped: " + file + " is missing; sudo apt-get"
        + " install python3-sklearn to run this test");
    return file;
  }

  private static float[] row(Dataset data, int index) {
    float[] x = new float[data.featureSize()];
    data.copyFeatures(index, x, 0);
    return x;
  }

  private static long[] perClass(Dataset data) {
    long[] counts = new long[data.classes()];
    for (int y : data.labels()) {
      counts[y]++;
    }
    return counts;
  }
}
