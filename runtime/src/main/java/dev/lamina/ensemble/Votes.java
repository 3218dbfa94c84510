package dev.lamina.ensemble;

import java.util.Arrays;

/**
 * The arithmetic of aggregation, on row-major batches ({@code rows × classes}): softmax, sums of
 * members' scores in member order (so the result is the same bits on every machine), and the
 * majority vote with its tie rule.
 */
final class Votes {
  private Votes() {}

  /**
   * Writes the softmax of each row of {@code logits} into {@code probabilities}, computed in
   * double around the row maximum so that large logits cannot overflow.
   */
  public static void softmax(float[] logits, int rows, int classes, float[] probabilities) {
    for (int r = 0; r < rows; r++) {
      int o = r * classes;
      float max = Float.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        max = Math.max(max, logits[o + c]);
      }
      double sum = 0;
      for (int c = 0; c < classes; c++) {
        sum += Math.exp((double) logits[o + c] - max);
      }
      for (int c = 0; c < classes; c++) {
        probabilities[o + c] = (float) (Math.exp((double) logits[o + c] - max) / sum);
      }
    }
  }

  /** Adds the first {@code n} values of {@code scores} to {@code sum}. */
  public static void accumulate(double[] sum, float[] scores, int n) {
    for (int i = 0; i < n; i++) {
      sum[i] += scores[i];
    }
  }

  /** The index of the largest of {@code values[offset .. offset + width)}; the first on ties. */
  public static int argmax(double[] values, int offset, int width) {
    int best = 0;
    for (int c = 1; c < width; c++) {
      if (values[offset + c] > values[offset + best]) {
        best = c;
      }
    }
    return best;
  }

  /** The index of the largest of {@code values[offset .. offset + width)}; the first on ties. */
  public static int argmax(float[] values, int offset, int width) {
    int best = 0;
    for (int c = 1; c < width; c++) {
      if (values[offset + c] > values[offset + best]) {
        best = c;
      }
    }
    return best;
  }

  /**
   * The majority class of each row, from each member's predicted class ({@code votes[member][row]}).
   * A tie goes to the tied class with the highest summed score in {@code scoreSums} (the soft vote
   * among the tied classes), and a tie in that too to the lowest class index: the same votes
   * always give the same answer.
   */
  public static int[] hardVote(int[][] votes, double[] scoreSums, int rows, int classes) {
    int[] winners = new int[rows];
    int[] counts = new int[classes];
    for (int r = 0; r < rows; r++) {
      Arrays.fill(counts, 0);
      for (int[] member : votes) {
        counts[member[r]]++;
      }
      int best = 0;
      for (int c = 1; c < classes; c++) {
        if (counts[c] > counts[best]
            || (counts[c] == counts[best]
                && scoreSums[r * classes + c] > scoreSums[r * classes + best])) {
          best = c;
        }
      }
      winners[r] = best;
    }
    return winners;
  }
}
