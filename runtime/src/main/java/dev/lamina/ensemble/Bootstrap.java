package dev.lamina.ensemble;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One member's bootstrap resample of a training set of {@code n} samples: {@code n} draws with
 * replacement (the bag), and the samples never drawn (out of bag). A sample is left out with
 * probability (1 − 1/n)^n → 1/e, so a bag holds about 63.2% of the distinct samples.
 */
final class Bootstrap {
  private final int[] inBag;
  private final int[] outOfBag;

  private Bootstrap(int[] inBag, int[] outOfBag) {
    this.inBag = inBag;
    this.outOfBag = outOfBag;
  }

  /** Draws {@code n} indices from [0, n) with replacement; the same seed gives the same draws. */
  public static Bootstrap draw(int n, long seed) {
    requirePositive(n);
    SplittableRandom random = new SplittableRandom(seed);
    int[] inBag = new int[n];
    boolean[] drawn = new boolean[n];
    for (int i = 0; i < n; i++) {
      inBag[i] = random.nextInt(n);
      drawn[inBag[i]] = true;
    }
    int missing = 0;
    for (boolean d : drawn) {
      missing += d ? 0 : 1;
    }
    int[] outOfBag = new int[missing];
    for (int i = 0, o = 0; i < n; i++) {
      if (!drawn[i]) {
        outOfBag[o++] = i;
      }
    }
    return new Bootstrap(inBag, outOfBag);
  }

  /** Every sample once, in order, and nothing out of bag: training with bootstrap switched off. */
  public static Bootstrap identity(int n) {
    requirePositive(n);
    int[] all = new int[n];
    Arrays.setAll(all, i -> i);
    return new Bootstrap(all, new int[0]);
  }

  /** The training set's size. */
  public int size() {
    return inBag.length;
  }

  /** The bag, in draw order; indices repeat. A copy. */
  public int[] inBag() {
    return inBag.clone();
  }

  /** The samples never drawn, ascending. A copy. */
  public int[] outOfBag() {
    return outOfBag.clone();
  }

  /** How many distinct samples the bag holds. */
  public int uniqueCount() {
    return inBag.length - outOfBag.length;
  }

  private static void requirePositive(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("n (the training set's size) must be > 0, got " + n);
    }
  }
}
