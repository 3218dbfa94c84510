package dev.lamina.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NaN and infinite features are refused by every dataset factory, naming the first one's sample
 * and feature, and kept by the explicit opt-outs: {@link Dataset#ofAllowingNonFinite}, {@link
 * NpyDatasets#allowingNonFinite} and {@code TableSpec.builder().allowNonFinite()}.
 */
class NonFiniteFeaturesTest {
  @TempDir Path dir;

  /** 4 samples × 3 features; the first bad value is features[7] = sample 2, feature 1. */
  private static float[] features(float bad) {
    float[] x = {0, 1, 2, 3, 4, 5, 6, 0, 8, 9, 10, Float.NaN};
    x[7] = bad;
    return x;
  }

  @Test
  void ofRefusesTheFirstNonFiniteFeatureNamingSampleFeatureAndTheFix() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Dataset.of(features(Float.NaN), new int[] {0, 1, 0, 1}, 3, 2));
    assertEquals("features[7] (sample 2, feature 1) must be finite, got NaN; drop that sample"
        + " or fill the value (e.g. with the feature's mean over the training samples), or keep"
        + " non-finite features with Dataset.ofAllowingNonFinite(...)", e.getMessage());
    for (float bad : new float[] {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
      IllegalArgumentException inf = assertThrows(IllegalArgumentException.class,
          () -> Dataset.of(features(bad), new int[] {0, 1, 0, 1}, 3, 2));
      assertEquals("features[7] (sample 2, feature 1) must be finite, got " + bad,
          inf.getMessage().substring(0, inf.getMessage().indexOf(';')));
    }
  }

  @Test
  void shapeErrorsStillComeFirst() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Dataset.of(new float[] {Float.NaN, 1, 2}, new int[] {0, 1}, 2, 2));
    assertEquals("features.length must be labels.length × featureSize = 2 × 2 = 4, got 3",
        e.getMessage());
  }

  @Test
  void regressionAndMultiLabelRefuseThemToo() {
    float[] x = features(Float.NEGATIVE_INFINITY);
    IllegalArgumentException regression = assertThrows(IllegalArgumentException.class,
        () -> Dataset.regression(x, new float[] {1, 2, 3, 4}, 3, 1));
    assertEquals("features[7] (sample 2, feature 1) must be finite, got -Infinity; drop that"
        + " sample or fill the value (e.g. with the feature's mean over the training samples)",
        regression.getMessage());
    IllegalArgumentException multiLabel = assertThrows(IllegalArgumentException.class,
        () -> Dataset.multiLabel(x, new float[] {1, 0, 0, 1, 1, 1, 0, 0}, 3, 2));
    assertEquals(regression.getMessage(), multiLabel.getMessage());
  }

  @Test
  void ofAllowingNonFiniteKeepsThemThroughSelection() {
    Dataset d = Dataset.ofAllowingNonFinite(features(Float.POSITIVE_INFINITY),
        new int[] {0, 1, 0, 1}, 3, 2);
    assertEquals(4, d.size());
    float[] picked = d.select(new int[] {3, 2}).features();
    assertArrayEquals(new float[] {9, 10, Float.NaN, 6, Float.POSITIVE_INFINITY, 8}, picked);
    assertThrows(IllegalArgumentException.class,
        () -> Dataset.ofAllowingNonFinite(features(1), new int[] {0, 2, 0, 1}, 3, 2),
        "labels are still checked");
  }

  @Test
  void numpyOptOutKeepsThem() {
    NpyArray x = NpyArray.of(features(Float.NaN), 4, 3);
    NpyArray y = NpyArray.of(new int[] {1, 0, 1, 0}, 4);
    assertThrows(IllegalArgumentException.class, () -> NpyDatasets.classification(x, y, 2));
    Dataset kept = NpyDatasets.allowingNonFinite(x, y, 2);
    assertArrayEquals(features(Float.NaN), kept.features());
    assertArrayEquals(new int[] {1, 0, 1, 0}, kept.labels());
  }

  @Test
  void tableOptOutKeepsThemForEveryKindOfTarget() throws IOException {
    Path file = dir.resolve("sensors.csv");
    Files.writeString(file, "a,b,y,z\n1,-infinity,0.5,1\n2,3,1.5,0\ninf,4,2.5,1\n");
    CsvTable table = CsvTable.read(file);

    TableSpec.Builder regression = TableSpec.builder().targets("y").regression();
    assertThrows(DataFormatException.class,
        () -> TableEncoder.fit(table, regression.features("a", "b").build()).dataset(table));
    Dataset values = TableEncoder.fit(table, TableSpec.builder().targets("y").regression()
        .features("a", "b").allowNonFinite().build()).dataset(table);
    assertArrayEquals(new float[] {1, Float.NEGATIVE_INFINITY, 2, 3, Float.POSITIVE_INFINITY, 4},
        values.features());
    assertArrayEquals(new float[] {0.5f, 1.5f, 2.5f}, values.targets());

    Dataset flags = TableEncoder.fit(table, TableSpec.builder().targets("z").multiLabel()
        .features("a", "b").allowNonFinite().build()).dataset(table);
    assertArrayEquals(new float[] {1, 0, 1}, flags.targets());
    assertEquals(Float.POSITIVE_INFINITY, flags.features()[4]);

    Dataset labels = TableEncoder.fit(table, TableSpec.builder().target("z")
        .features("a", "b").allowNonFinite().build()).dataset(table);
    assertArrayEquals(new int[] {1, 0, 1}, labels.labels());
    assertEquals(Float.NEGATIVE_INFINITY, labels.features()[1]);
  }
}
