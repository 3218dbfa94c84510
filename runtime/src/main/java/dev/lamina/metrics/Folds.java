package dev.lamina.metrics;

import dev.lamina.data.Dataset;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * An assignment of samples to {@code k} folds for cross-validation: fold f is tested on its own
 * samples after training on all the others. Plain folds deal a seeded shuffle of the samples;
 * stratified folds deal each class's shuffled samples in turn, so every fold has each class's
 * share; interleaved folds put sample i in fold i mod k. Fold sizes differ by at most one (per
 * class, for stratified folds). The same seed gives the same folds.
 */
public final class Folds {
  private final int[] foldOf;
  private final int k;

  private Folds(int[] foldOf, int k) {
    this.foldOf = foldOf;
    this.k = k;
  }

  /**
   * Sample i in fold i mod k: no randomness, e.g. to compare with another library's folds.
   *
   * @param samples the number of samples, ≥ k
   * @param k the number of folds, ≥ 2
   * @return the folds
   * @throws IllegalArgumentException if k &lt; 2 or there are fewer samples than folds
   */
  public static Folds interleaved(int samples, int k) {
    requireFolds(samples, k);
    int[] foldOf = new int[samples];
    Arrays.setAll(foldOf, i -> i % k);
    return new Folds(foldOf, k);
  }

  /**
   * The samples shuffled with {@code seed}, then dealt to the folds in turn.
   *
   * @param samples the number of samples, ≥ k
   * @param k the number of folds, ≥ 2
   * @param seed the seed of the shuffle
   * @return the folds, whose sizes differ by at most one
   * @throws IllegalArgumentException if k &lt; 2 or there are fewer samples than folds
   */
  public static Folds plain(int samples, int k, long seed) {
    requireFolds(samples, k);
    int[] order = Dataset.permutation(samples, new SplittableRandom(seed));
    int[] foldOf = new int[samples];
    for (int i = 0; i < samples; i++) {
      foldOf[order[i]] = i % k;
    }
    return new Folds(foldOf, k);
  }

  /**
   * Each class's samples shuffled with {@code seed}, then dealt to the folds in turn, continuing
   * from class to class so the folds' sizes stay within one of each other.
   *
   * @param data a classification data set (its labels are read)
   * @param k the number of folds, ≥ 2
   * @param seed the seed of the shuffle
   * @return the folds, each with about the data's share of every class
   * @throws IllegalArgumentException if k &lt; 2 or there are fewer samples than folds
   */
  public static Folds stratified(Dataset data, int k, long seed) {
    requireFolds(data.size(), k);
    int[] labels = data.labels();
    int[] order = Dataset.permutation(labels.length, new SplittableRandom(seed));
    int[] foldOf = new int[labels.length];
    int next = 0;
    for (int c = 0; c < data.classes(); c++) {
      for (int i : order) {
        if (labels[i] == c) {
          foldOf[i] = next++ % k;
        }
      }
    }
    return new Folds(foldOf, k);
  }

  /** {@return the number of folds, k} */
  public int count() {
    return k;
  }

  /** {@return the number of samples the folds cover} */
  public int samples() {
    return foldOf.length;
  }

  /**
   * The fold sample {@code i} is tested in.
   *
   * @param i a sample index, in [0, samples)
   * @return its fold, in [0, count)
   */
  public int foldOf(int i) {
    return foldOf[i];
  }

  /**
   * The samples fold {@code fold} tests on, ascending.
   *
   * @param fold a fold, in [0, count)
   * @return the sample indices
   * @throws IllegalArgumentException if {@code fold} is out of range
   */
  public int[] testIndices(int fold) {
    requireFold(fold);
    return IntStream.range(0, foldOf.length).filter(i -> foldOf[i] == fold).toArray();
  }

  /**
   * The samples fold {@code fold} trains on (all the others), ascending.
   *
   * @param fold a fold, in [0, count)
   * @return the sample indices
   * @throws IllegalArgumentException if {@code fold} is out of range
   */
  public int[] trainIndices(int fold) {
    requireFold(fold);
    return IntStream.range(0, foldOf.length).filter(i -> foldOf[i] != fold).toArray();
  }

  private void requireFold(int fold) {
    if (fold < 0 || fold >= k) {
      throw new IllegalArgumentException("fold must be in [0, " + k + "), got " + fold);
    }
  }

  private static void requireFolds(int samples, int k) {
    if (k < 2) {
      throw new IllegalArgumentException("k must be ≥ 2 folds, got " + k);
    }
    if (samples < k) {
      throw new IllegalArgumentException("k = " + k + " folds need at least " + k
          + " samples, got " + samples);
    }
  }
}
