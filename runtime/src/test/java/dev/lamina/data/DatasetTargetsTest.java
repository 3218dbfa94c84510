package dev.lamina.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The three kinds of targets a dataset holds, and the errors for targets that do not fit. */
class DatasetTargetsTest {
  private static final float[] FEATURES = {1, 2, 3, 4, 5, 6}; // 3 samples × 2 features

  @Test
  void classLabelsKeepWorkingAsBefore() {
    Dataset d = Dataset.of(FEATURES, new int[] {2, 0, 1}, 2, 3);
    assertEquals(Dataset.TargetKind.CLASS_LABEL, d.targetKind());
    assertEquals(3, d.size());
    assertEquals(1, d.targetSize());
    assertEquals(3, d.classes());
    assertArrayEquals(new int[] {1, 2}, d.select(new int[] {2, 0}).labels());
    assertFalse(d.hasClassWeights());
    assertEquals(1.0, d.classWeight(0));
    IllegalStateException e = assertThrows(IllegalStateException.class, d::targets);
    assertContains(e, "targets() needs regression data, but this is class-labelled data");
  }

  @Test
  void regressionTargetsHaveSeveralOutputsPerSample() {
    float[] targets = {0.5f, -1, 1.5f, -2, 2.5f, -3};
    Dataset d = Dataset.regression(FEATURES, targets, 2, 2);
    assertEquals(Dataset.TargetKind.VALUES, d.targetKind());
    assertEquals(3, d.size());
    assertEquals(2, d.targetSize());
    Dataset picked = d.select(new int[] {2, 2, 0});
    assertArrayEquals(new float[] {2.5f, -3, 2.5f, -3, 0.5f, -1}, picked.targets());
    assertArrayEquals(new float[] {5, 6, 5, 6, 1, 2}, picked.features());
    float[] row = new float[4];
    d.copyTargets(1, row, 2);
    assertArrayEquals(new float[] {0, 0, 1.5f, -2}, row);
    targets[0] = 99; // the dataset copied the array
    assertEquals(0.5f, d.targets()[0]);
    Dataset validation = d.split(0.34, 7).validation(); // rows keep their targets
    float[] x = validation.features();
    assertArrayEquals(new float[] {x[0] / 2, -x[1] / 2}, validation.targets());
  }

  @Test
  void regressionDataHasNoClassesAndSaysWhatToUse() {
    Dataset d = Dataset.regression(FEATURES, new float[] {1, 2, 3}, 2, 1);
    assertContains(assertThrows(IllegalStateException.class, d::classes),
        "regression data (1 target values per sample): it has no classes; see targetSize()");
    assertContains(assertThrows(IllegalStateException.class, () -> d.label(0)),
        "label(int) needs class-labelled data, but this is regression data; read its targets "
            + "with copyTargets(i, ...) or targets()");
    assertContains(assertThrows(IllegalStateException.class, () -> d.withClassWeights(1)),
        "withClassWeights needs class-labelled data");
  }

  @Test
  void regressionRefusesNonFiniteTargetsNamingTheSample() {
    float[] targets = {1, 2, 3, Float.NaN, 5, 6};
    var e = assertThrows(IllegalArgumentException.class,
        () -> Dataset.regression(FEATURES, targets, 2, 2));
    assertContains(e, "targets[3] (sample 1, output 1) must be finite, got NaN");
    targets[3] = Float.POSITIVE_INFINITY;
    assertThrows(IllegalArgumentException.class, () -> Dataset.regression(FEATURES, targets, 2, 2));
  }

  @Test
  void targetRowsMustMatchTheFeatureRows() {
    assertContains(assertThrows(IllegalArgumentException.class,
        () -> Dataset.regression(FEATURES, new float[] {1, 2, 3, 4, 5}, 2, 2)),
        "targets.length must be a multiple of outputs = 2 (one row of 2 per sample), got 5");
    assertContains(assertThrows(IllegalArgumentException.class,
        () -> Dataset.regression(FEATURES, new float[] {1, 2}, 2, 1)),
        "features.length must be targets.length / outputs × featureSize = 2 × 2 = 4, got 6");
    assertContains(assertThrows(IllegalArgumentException.class,
        () -> Dataset.regression(FEATURES, new float[] {1, 2, 3}, 2, 0)),
        "outputs must be > 0, got 0");
    assertContains(assertThrows(IllegalArgumentException.class,
        () -> Dataset.multiLabel(FEATURES, new float[] {1, 0, 1, 0}, 2, 2)),
        "features.length must be targets.length / labels × featureSize = 2 × 2 = 4, got 6");
  }

  @Test
  void multiLabelTargetsAreZeroOrOneFlags() {
    float[] flags = {1, 0, 1, 0, 0, 0, 1, 1, 1};
    Dataset d = Dataset.multiLabel(FEATURES, flags, 2, 3);
    assertEquals(Dataset.TargetKind.MULTI_LABEL, d.targetKind());
    assertEquals(3, d.classes());
    assertEquals(3, d.targetSize());
    assertArrayEquals(new float[] {1, 1, 1, 1, 0, 1}, d.select(new int[] {2, 0}).targets());
    flags[4] = 0.5f;
    assertContains(assertThrows(IllegalArgumentException.class,
        () -> Dataset.multiLabel(FEATURES, flags, 2, 3)),
        "targets[4] (sample 1, label 1) must be 0 or 1, got 0.5");
  }

  @Test
  void classWeightsTravelWithTheSamplesTheyWeigh() {
    Dataset d = Dataset.of(new float[] {1, 2, 3, 4}, new int[] {0, 0, 0, 1}, 1, 2);
    double[] balanced = d.balancedClassWeights();
    assertArrayEquals(new double[] {4.0 / 6, 2.0}, balanced, 1e-15);
    Dataset weighted = d.withClassWeights(balanced);
    assertTrue(weighted.hasClassWeights());
    assertEquals(2.0, weighted.classWeight(3));
    assertEquals(4.0 / 6, weighted.classWeight(0), 1e-15);
    Dataset picked = weighted.select(new int[] {3});
    assertEquals(2.0, picked.classWeight(0));
    assertNull(d.classWeights());
    assertContains(assertThrows(IllegalArgumentException.class, () -> d.withClassWeights(1)),
        "weights must have one value per class, 2, got 1");
    assertContains(assertThrows(IllegalArgumentException.class, () -> d.withClassWeights(1, 0)),
        "weights[1] must be > 0 and finite, got 0.0");
    Dataset missing = Dataset.of(new float[] {1, 2}, new int[] {0, 0}, 1, 2);
    assertContains(assertThrows(IllegalStateException.class, missing::balancedClassWeights),
        "class 1 has no sample");
  }

  private static void assertContains(Exception e, String expected) {
    assertTrue(e.getMessage().contains(expected),
        "expected the message to contain\n  " + expected + "\nbut it was\n  " + e.getMessage());
  }
}
