package dev.lamina.metrics;

import java.util.Arrays;

/** Metrics of scores rather than hard predictions: top-k accuracy and binary ROC-AUC. */
public final class RankingMetrics {
  private RankingMetrics() {}

  /**
   * The share of samples whose class is among the {@code k} highest of its {@code classes}
   * scores ({@code scores} row-major, {@code labels.length × classes}); scikit-learn's {@code
   * top_k_accuracy_score}. A score tied with the label's counts as below it.
   *
   * @param scores per sample, one score per class (probabilities or logits)
   * @param labels each sample's class
   * @param classes the number of classes
   * @param k how many of the highest scores count, in [1, classes]
   * @return the top-k accuracy, in [0, 1]
   */
  public static double topKAccuracy(float[] scores, int[] labels, int classes, int k) {
    if (k < 1 || k > classes) {
      throw new IllegalArgumentException("k must be in [1, " + classes + "], got " + k);
    }
    if (scores.length != (long) labels.length * classes) {
      throw new IllegalArgumentException("scores.length must be labels.length × classes = "
          + labels.length + " × " + classes + ", got " + scores.length);
    }
    long right = 0;
    for (int i = 0; i < labels.length; i++) {
      float own = scores[i * classes + labels[i]];
      int above = 0;
      for (int c = 0; c < classes; c++) {
        if (scores[i * classes + c] > own) {
          above++;
        }
      }
      if (above < k) {
        right++;
      }
    }
    return labels.length == 0 ? 0 : (double) right / labels.length;
  }

  /**
   * The area under the ROC curve of {@code scores} (higher means class 1) against labels 0/1: the
   * probability that a random positive scores above a random negative, ties counting half
   * (Mann–Whitney U with average ranks); scikit-learn's {@code roc_auc_score}. Both classes must
   * occur.
   *
   * @param scores one score per sample
   * @param labels each sample's label, 0 or 1
   * @return the area, in [0, 1]; 0.5 is chance
   * @throws IllegalArgumentException if only one class occurs
   */
  public static double rocAuc(float[] scores, int[] labels) {
    if (scores.length != labels.length) {
      throw new IllegalArgumentException("scores and labels must have one value per sample; got "
          + scores.length + " and " + labels.length);
    }
    long positives = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != 0 && labels[i] != 1) {
        throw new IllegalArgumentException("labels[" + i + "] must be 0 or 1, got " + labels[i]);
      }
      positives += labels[i];
    }
    long negatives = labels.length - positives;
    if (positives == 0 || negatives == 0) {
      throw new IllegalArgumentException("ROC-AUC needs samples of both classes; got " + positives
          + " positive and " + negatives + " negative");
    }
    Integer[] order = new Integer[scores.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Float.compare(scores[a], scores[b]));
    double positiveRanks = 0;
    for (int start = 0; start < order.length; ) {
      int end = start;
      while (end < order.length && scores[order[end]] == scores[order[start]]) {
        end++;
      }
      double rank = (start + 1 + end) / 2.0; // ranks start..end-1, from 1, averaged over a tie
      for (int i = start; i < end; i++) {
        positiveRanks += labels[order[i]] * rank;
      }
      start = end;
    }
    return (positiveRanks - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }
}
