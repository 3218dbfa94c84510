package dev.lamina.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.data.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Folds partition the samples, deterministically from the seed; cross-validation uses each once. */
class FoldsTest {
  @Test
  void interleavedFoldsPutSampleIInFoldIModK() {
    Folds folds = Folds.interleaved(12, 5);
    assertArrayEquals(new int[] {2, 7}, folds.testIndices(2));
    assertArrayEquals(new int[] {0, 1, 3, 4, 5, 6, 8, 9, 10, 11}, folds.trainIndices(2));
    assertEquals(4, folds.foldOf(9));
  }

  @Test
  void plainFoldsPartitionTheSamplesEvenlyAndRepeatForASeed() {
    Folds a = Folds.plain(103, 5, 7);
    assertPartition(a, 103);
    for (int f = 0; f < 5; f++) {
      int size = a.testIndices(f).length;
      assertTrue(size == 20 || size == 21, "fold " + f + " has " + size);
      assertArrayEquals(a.testIndices(f), Folds.plain(103, 5, 7).testIndices(f));
    }
    assertNotEquals(Arrays.toString(a.testIndices(0)),
        Arrays.toString(Folds.plain(103, 5, 8).testIndices(0)));
  }

  @Test
  void stratifiedFoldsGiveEachFoldEachClassesShare() {
    int[] labels = new int[100];
    for (int i = 0; i < 100; i++) {
      labels[i] = i < 70 ? 0 : i < 90 ? 1 : 2; // 70 / 20 / 10
    }
    Dataset data = Dataset.of(new float[100], labels, 1, 3);
    Folds folds = Folds.stratified(data, 5, 3);
    assertPartition(folds, 100);
    for (int f = 0; f < 5; f++) {
      int[] perClass = new int[3];
      for (int i : folds.testIndices(f)) {
        perClass[labels[i]]++;
      }
      assertArrayEquals(new int[] {14, 4, 2}, perClass, "fold " + f);
    }
    assertArrayEquals(folds.testIndices(3), Folds.stratified(data, 5, 3).testIndices(3));
  }

  @Test
  void crossValidationTrainsOnTheOtherFoldsAndScoresOnEach() {
    float[] x = new float[10];
    int[] y = new int[10];
    for (int i = 0; i < 10; i++) {
      x[i] = i;
      y[i] = i % 2;
    }
    Dataset data = Dataset.of(x, y, 1, 2);
    List<float[]> tested = new ArrayList<>();
    CrossValidation.Result cv = CrossValidation.run(data, Folds.interleaved(10, 5),
        (train, test) -> {
          assertEquals(8, train.size());
          tested.add(test.features());
          return test.features()[0]; // the fold's first sample: 0, 1, 2, 3, 4
        });
    assertArrayEquals(new double[] {0, 1, 2, 3, 4}, cv.scores());
    assertEquals(2.0, cv.mean());
    assertEquals(Math.sqrt(2.5), cv.standardDeviation(), 1e-15);
    assertArrayEquals(new float[] {2, 7}, tested.get(2));
  }

  @Test
  void badFoldCountsAreRefused() {
    assertEquals("k must be ≥ 2 folds, got 1",
        assertThrows(IllegalArgumentException.class, () -> Folds.plain(10, 1, 0)).getMessage());
    assertEquals("k = 5 folds need at least 5 samples, got 3",
        assertThrows(IllegalArgumentException.class, () -> Folds.interleaved(3, 5)).getMessage());
    Dataset data = Dataset.of(new float[4], new int[4], 1, 1);
    assertEquals("folds are for 6 samples but the data has 4",
        assertThrows(IllegalArgumentException.class,
            () -> CrossValidation.run(data, Folds.interleaved(6, 2), (a, b) -> 0)).getMessage());
  }

  private static void assertPartition(Folds folds, int samples) {
    int[] seen = new int[samples];
    for (int f = 0; f < folds.count(); f++) {
      for (int i : folds.testIndices(f)) {
        seen[i]++;
        assertEquals(f, folds.foldOf(i));
      }
      assertEquals(samples, folds.testIndices(f).length + folds.trainIndices(f).length);
    }
    for (int i = 0; i < samples; i++) {
      assertEquals(1, seen[i], "sample " + i + " must be tested exactly once");
    }
  }
}
