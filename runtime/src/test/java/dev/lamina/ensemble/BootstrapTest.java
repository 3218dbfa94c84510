package dev.lamina.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Bootstrap resamples against the closed forms of sampling with replacement. */
class BootstrapTest {
  private static final int N = 10_000;

  @Test
  void holdingOutTrainsOnEveryOtherSampleOnceAndLeavesTheFoldOutOfBag() {
    Bootstrap fold = Bootstrap.holdingOut(7, new int[] {1, 4, 5});
    assertArrayEquals(new int[] {0, 2, 3, 6}, fold.inBag());
    assertArrayEquals(new int[] {1, 4, 5}, fold.outOfBag());
    assertEquals(4, fold.uniqueCount());
    assertEquals("a held-out sample must be in [0, 7) (the training set's size), got 7; the data"
        + " differs from the folds'", assertThrows(IllegalArgumentException.class,
            () -> Bootstrap.holdingOut(7, new int[] {2, 7})).getMessage());
    assertEquals("every one of the 2 samples is held out, leaving none to train on",
        assertThrows(IllegalArgumentException.class,
            () -> Bootstrap.holdingOut(2, new int[] {0, 1})).getMessage());
  }

  @Test
  void aBagHoldsAbout632PercentOfTheDistinctSamples() {
    double expected = 1 - Math.pow(1 - 1.0 / N, N); // 0.63214...
    // The unique count has standard deviation about sqrt(N · 0.0963) ≈ 31, i.e. 0.0031 of N.
    double sum = 0;
    int seeds = 20;
    for (long seed = 0; seed < seeds; seed++) {
      double fraction = (double) Bootstrap.draw(N, seed).uniqueCount() / N;
      assertEquals(expected, fraction, 0.016, "seed " + seed + ": unique fraction");
      sum += fraction;
    }
    assertEquals(expected, sum / seeds, 0.0035, "mean unique fraction over " + seeds + " seeds");
  }

  @Test
  void drawCountsFollowPoissonOne() {
    // Each index is drawn Binomial(N, 1/N) ≈ Poisson(1) times: P(k) = e^-1 / k!.
    int[] counts = new int[N];
    for (int i : Bootstrap.draw(N, 7).inBag()) {
      counts[i]++;
    }
    for (int k = 0; k <= 3; k++) {
      int kk = k;
      double observed = Arrays.stream(counts).filter(c -> c == kk).count() / (double) N;
      double poisson = Math.exp(-1) / factorial(k);
      assertEquals(poisson, observed, 0.02, "fraction of samples drawn " + k + " times");
    }
  }

  @Test
  void outOfBagIsExactlyTheSamplesNeverDrawnAscending() {
    Bootstrap b = Bootstrap.draw(500, 3);
    boolean[] drawn = new boolean[500];
    for (int i : b.inBag()) {
      assertTrue(i >= 0 && i < 500, "draw " + i + " out of range");
      drawn[i] = true;
    }
    int[] expected = java.util.stream.IntStream.range(0, 500).filter(i -> !drawn[i]).toArray();
    assertArrayEquals(expected, b.outOfBag());
    assertEquals(500, b.inBag().length);
    assertEquals(500 - expected.length, b.uniqueCount());
  }

  @Test
  void theSameSeedGivesTheSameDrawsAndAnotherSeedOthers() {
    assertArrayEquals(Bootstrap.draw(1000, 11).inBag(), Bootstrap.draw(1000, 11).inBag());
    assertFalse(Arrays.equals(Bootstrap.draw(1000, 11).inBag(), Bootstrap.draw(1000, 12).inBag()));
  }

  @Test
  void identityIsEverySampleOnceAndNothingOutOfBag() {
    Bootstrap b = Bootstrap.identity(4);
    assertArrayEquals(new int[] {0, 1, 2, 3}, b.inBag());
    assertEquals(0, b.outOfBag().length);
    assertEquals(4, b.uniqueCount());
  }

  @Test
  void anEmptyTrainingSetIsRefusedByName() {
    var e = assertThrows(IllegalArgumentException.class, () -> Bootstrap.draw(0, 1));
    assertEquals("n (the training set's size) must be > 0, got 0", e.getMessage());
  }

  private static double factorial(int k) {
    double f = 1;
    for (int i = 2; i <= k; i++) {
      f *= i;
    }
    return f;
  }
}
