package dev.lamina.metrics;

import java.util.Arrays;

/**
 * Counts of (true class, predicted class) pairs, and the metrics read from them: accuracy, and
 * precision, recall and F1 per class, macro-averaged (each class counts once) and micro-averaged
 * (each sample counts once). A ratio with nothing to count (a class never predicted has no
 * precision) is 0, as scikit-learn's {@code zero_division=0}.
 */
public final class ConfusionMatrix {
  private final long[][] counts;
  private final long total;

  private ConfusionMatrix(long[][] counts, long total) {
    this.counts = counts;
    this.total = total;
  }

  /**
   * The matrix of {@code truth[i]} against {@code predicted[i]}, both in [0, classes).
   *
   * @param truth each sample's true class
   * @param predicted each sample's predicted class, as many as {@code truth}
   * @param classes the number of classes, > 0
   * @return the counts
   * @throws IllegalArgumentException if the arrays differ in length or a class is out of range
   */
  public static ConfusionMatrix of(int[] truth, int[] predicted, int classes) {
    if (classes <= 0) {
      throw new IllegalArgumentException("classes must be > 0, got " + classes);
    }
    if (truth.length != predicted.length) {
      throw new IllegalArgumentException("truth and predicted must have one class per sample; got "
          + truth.length + " and " + predicted.length);
    }
    long[][] counts = new long[classes][classes];
    for (int i = 0; i < truth.length; i++) {
      requireClass("truth", i, truth[i], classes);
      requireClass("predicted", i, predicted[i], classes);
      counts[truth[i]][predicted[i]]++;
    }
    return new ConfusionMatrix(counts, truth.length);
  }

  /** {@return the number of classes: the matrix's rows and columns} */
  public int classes() {
    return counts.length;
  }

  /**
   * Samples of class {@code truth} predicted as {@code predicted}.
   *
   * @param truth the true class, in [0, classes)
   * @param predicted the predicted class, in [0, classes)
   * @return the number of such samples
   */
  public long count(int truth, int predicted) {
    return counts[truth][predicted];
  }

  /**
   * A copy of the counts: row = true class, column = predicted class (scikit-learn's layout).
   *
   * @return a {@code classes × classes} array the caller may change
   */
  public long[][] counts() {
    long[][] copy = new long[counts.length][];
    Arrays.setAll(copy, r -> counts[r].clone());
    return copy;
  }

  /** {@return the number of samples counted} */
  public long samples() {
    return total;
  }

  /**
   * The share of samples predicted right.
   *
   * @return right predictions / samples, in [0, 1]; 0 when there are no samples
   */
  public double accuracy() {
    long right = 0;
    for (int c = 0; c < classes(); c++) {
      right += counts[c][c];
    }
    return ratio(right, total);
  }

  /**
   * Of the samples predicted as {@code c}, the share that are {@code c}.
   *
   * @param c a class, in [0, classes)
   * @return the precision, in [0, 1]; 0 when nothing was predicted as {@code c}
   */
  public double precision(int c) {
    return ratio(counts[c][c], predictedAs(c));
  }

  /**
   * Of the samples of class {@code c}, the share predicted as {@code c}.
   *
   * @param c a class, in [0, classes)
   * @return the recall, in [0, 1]; 0 when no sample is of class {@code c}
   */
  public double recall(int c) {
    return ratio(counts[c][c], actual(c));
  }

  /**
   * The harmonic mean of {@code c}'s precision and recall.
   *
   * @param c a class, in [0, classes)
   * @return 2·TP / (predicted as c + actually c), in [0, 1]; 0 when both are 0
   */
  public double f1(int c) {
    return ratio(2 * counts[c][c], predictedAs(c) + actual(c));
  }

  /** {@return the unweighted mean of every class's precision, in [0, 1]} */
  public double macroPrecision() {
    double sum = 0;
    for (int c = 0; c < classes(); c++) {
      sum += precision(c);
    }
    return sum / classes();
  }

  /** {@return the unweighted mean of every class's recall, in [0, 1]} */
  public double macroRecall() {
    double sum = 0;
    for (int c = 0; c < classes(); c++) {
      sum += recall(c);
    }
    return sum / classes();
  }

  /**
   * {@return the unweighted mean of every class's F1, in [0, 1] (a class never seen nor predicted
   * counts as 0)}
   */
  public double macroF1() {
    double sum = 0;
    for (int c = 0; c < classes(); c++) {
      sum += f1(c);
    }
    return sum / classes();
  }

  /**
   * Precision over all classes' counts pooled; with one class per sample it equals micro recall,
   * micro F1 and accuracy.
   *
   * @return the accuracy
   */
  public double microPrecision() {
    return accuracy();
  }

  /** {@return micro-averaged recall: with one class per sample, the accuracy} */
  public double microRecall() {
    return accuracy();
  }

  /** {@return micro-averaged F1: with one class per sample, the accuracy} */
  public double microF1() {
    return accuracy();
  }

  private long predictedAs(int c) {
    long n = 0;
    for (long[] row : counts) {
      n += row[c];
    }
    return n;
  }

  private long actual(int c) {
    long n = 0;
    for (long v : counts[c]) {
      n += v;
    }
    return n;
  }

  private static double ratio(long numerator, long denominator) {
    return denominator == 0 ? 0 : (double) numerator / denominator;
  }

  private static void requireClass(String name, int i, int value, int classes) {
    if (value < 0 || value >= classes) {
      throw new IllegalArgumentException(
          name + "[" + i + "] must be in [0, " + classes + "), got " + value);
    }
  }
}
