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
  /** The training set's size: every sample is in the bag, out of it, or both. */
  private final int n;

  private Bootstrap(int[] inBag, int[] outOfBag, int n) {
    this.inBag = inBag;
    this.outOfBag = outOfBag;
    this.n = n;
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
    return new Bootstrap(inBag, outOfBag, n);
  }

  /** Every sample once, in order, and nothing out of bag: training with bootstrap switched off. */
  public static Bootstrap identity(int n) {
    requirePositive(n);
    int[] all = new int[n];
    Arrays.setAll(all, i -> i);
    return new Bootstrap(all, new int[0], n);
  }

  /**
   * Every sample but {@code heldOut} (ascending, each in [0, n)), once and in order, and those
   * out of bag: a cross-validation fold, trained on the other folds and scored on its own.
   */
  public static Bootstrap holdingOut(int n, int[] heldOut) {
    requirePositive(n);
    boolean[] out = new boolean[n];
    for (int i : heldOut) {
      if (i >= n) {
        throw new IllegalArgumentException("a held-out sample must be in [0, " + n + ") (the"
            + " training set's size), got " + i + "; the data differs from the folds'");
      }
      out[i] = true;
    }
    if (heldOut.length == n) {
      throw new IllegalArgumentException("every one of the " + n + " samples is held out,"
          + " leaving none to train on");
    }
    int[] inBag = new int[n - heldOut.length];
    for (int i = 0, b = 0; i < n; i++) {
      if (!out[i]) {
        inBag[b++] = i;
      }
    }
    return new Bootstrap(inBag, heldOut.clone(), n);
  }

  /** The bag's size: the training set's, unless samples are held out. */
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
    return n - outOfBag.length;
  }

  private static void requirePositive(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("n (the training set's size) must be > 0, got " + n);
    }
  }
}
