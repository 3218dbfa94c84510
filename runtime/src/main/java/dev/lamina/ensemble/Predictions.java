package dev.lamina.ensemble;

import dev.lamina.data.Dataset;
import java.util.ArrayList;
import java.util.List;

/**
 * Every member's scores on one dataset, computed once, so that any prefix of the ensemble (its
 * first k members) can be judged without running a network again: accuracies by soft and hard
 * vote, and the statistics of {@link MemberErrors}.
 */
public final class Predictions {
  private final List<float[]> scores;
  private final int[] labels;
  private final int classes;

  Predictions(List<float[]> scores, int[] labels, int classes) {
    this.scores = List.copyOf(scores);
    this.labels = labels;
    this.classes = classes;
    for (int m = 0; m < scores.size(); m++) {
      if (scores.get(m).length != labels.length * classes) {
        throw new IllegalArgumentException("scores of member " + m + " must hold " + labels.length
            + " × " + classes + " values, got " + scores.get(m).length);
      }
    }
  }

  /**
   * From raw per-member scores ({@code rows × classes} each), for data computed elsewhere.
   *
   * @param memberScores one array per member, each {@code labels.length × classes}, row-major
   * @param labels each sample's class
   * @param classes the number of classes
   * @return the predictions (the list and the labels are copied, the score arrays shared)
   */
  public static Predictions of(List<float[]> memberScores, int[] labels, int classes) {
    return new Predictions(new ArrayList<>(memberScores), labels.clone(), classes);
  }

  static Predictions of(List<float[]> memberScores, Dataset data, int classes) {
    return new Predictions(memberScores, data.labels(), classes);
  }

  /** {@return the number of members} */
  public int members() {
    return scores.size();
  }

  /** {@return the number of samples} */
  public int samples() {
    return labels.length;
  }

  /**
   * Member {@code m}'s scores, {@code samples × classes}. A copy.
   *
   * @param m a member, in [0, members)
   * @return the scores, row-major
   */
  public float[] scores(int m) {
    return scores.get(m).clone();
  }

  /**
   * Member {@code m}'s own accuracy.
   *
   * @param m a member, in [0, members)
   * @return the share of samples it classifies right, in [0, 1]
   */
  public double memberAccuracy(int m) {
    float[] s = scores.get(m);
    int correct = 0;
    for (int r = 0; r < labels.length; r++) {
      correct += Votes.argmax(s, r * classes, classes) == labels[r] ? 1 : 0;
    }
    return (double) correct / labels.length;
  }

  /**
   * The classes the first {@code k} members predict by {@code aggregation} (a vote).
   *
   * @param k how many members vote, in [1, members]
   * @param aggregation soft or hard vote
   * @return one class per sample
   */
  public int[] predict(int k, Aggregation aggregation) {
    requireK(k);
    double[] sums = sums(k);
    int rows = labels.length;
    return switch (aggregation) {
      case SOFT_VOTE, MEAN -> {
        int[] classesOut = new int[rows];
        for (int r = 0; r < rows; r++) {
          classesOut[r] = Votes.argmax(sums, r * classes, classes);
        }
        yield classesOut;
      }
      case HARD_VOTE -> {
        int[][] votes = new int[k][rows];
        for (int m = 0; m < k; m++) {
          float[] s = scores.get(m);
          for (int r = 0; r < rows; r++) {
            votes[m][r] = Votes.argmax(s, r * classes, classes);
          }
        }
        yield Votes.hardVote(votes, sums, rows, classes);
      }
    };
  }

  /**
   * The accuracy of the first {@code k} members' vote.
   *
   * @param k how many members vote, in [1, members]
   * @param aggregation soft or hard vote
   * @return the accuracy, in [0, 1]
   */
  public double accuracy(int k, Aggregation aggregation) {
    int[] predicted = predict(k, aggregation);
    int correct = 0;
    for (int r = 0; r < labels.length; r++) {
      correct += predicted[r] == labels[r] ? 1 : 0;
    }
    return (double) correct / labels.length;
  }

  /**
   * v and c of the first {@code k} members' errors on these samples.
   *
   * @param k how many members, in [1, members]
   * @return their error statistics
   */
  public MemberErrors errors(int k) {
    requireK(k);
    double v = 0;
    double c = 0;
    for (int i = 0; i < k; i++) {
      float[] a = scores.get(i);
      v += dot(a, a);
      for (int j = i + 1; j < k; j++) {
        c += dot(a, scores.get(j));
      }
    }
    int pairs = k * (k - 1) / 2;
    return new MemberErrors(v / k / labels.length, pairs == 0 ? 0 : c / pairs / labels.length, k);
  }

  /**
   * The observed mean squared error E‖(1/k) Σ ε_i‖² of the first {@code k} members' soft vote.
   *
   * @param k how many members, in [1, members]
   * @return the mean squared error, averaged over samples
   */
  public double ensembleSquaredError(int k) {
    requireK(k);
    double[] sums = sums(k);
    double total = 0;
    for (int r = 0; r < labels.length; r++) {
      for (int c = 0; c < classes; c++) {
        double e = sums[r * classes + c] / k - (c == labels[r] ? 1 : 0);
        total += e * e;
      }
    }
    return total / labels.length;
  }

  /** Σ over samples of ε_a · ε_b, with ε = scores − one-hot(label). */
  private double dot(float[] a, float[] b) {
    double total = 0;
    for (int r = 0; r < labels.length; r++) {
      for (int c = 0; c < classes; c++) {
        int i = r * classes + c;
        double target = c == labels[r] ? 1 : 0;
        total += (a[i] - target) * (b[i] - target);
      }
    }
    return total;
  }

  private double[] sums(int k) {
    double[] sums = new double[labels.length * classes];
    for (int m = 0; m < k; m++) {
      Votes.accumulate(sums, scores.get(m), sums.length);
    }
    return sums;
  }

  private void requireK(int k) {
    if (k <= 0 || k > scores.size()) {
      throw new IllegalArgumentException(
          "k must be in [1, " + scores.size() + "] (the number of members), got " + k);
    }
  }
}
