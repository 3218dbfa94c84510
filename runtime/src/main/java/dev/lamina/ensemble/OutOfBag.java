package dev.lamina.ensemble;

import java.util.List;

/**
 * The out-of-bag estimate of an ensemble's accuracy (Breiman): each training sample is predicted
 * by the soft vote of only those members whose bootstrap left it out, so no member judges a sample
 * it trained on. Samples that every member drew are not covered.
 */
public final class OutOfBag {
  private final int[] votes;
  private final int[] labels;
  private final double[] scoreSums;
  private final int classes;
  private final int covered;
  private final int correct;

  private OutOfBag(int[] votes, int[] labels, double[] scoreSums, int classes) {
    this.votes = votes;
    this.labels = labels;
    this.scoreSums = scoreSums;
    this.classes = classes;
    int covered = 0;
    int correct = 0;
    for (int s = 0; s < votes.length; s++) {
      if (votes[s] > 0) {
        covered++;
        correct += Votes.argmax(scoreSums, s * classes, classes) == labels[s] ? 1 : 0;
      }
    }
    this.covered = covered;
    this.correct = correct;
  }

  /**
   * Gathers the members' out-of-bag scores. Every result must come from the same training set,
   * and a sample's label must be the same in every member's view of it.
   *
   * @param results the members' results
   * @param classes the number of classes (the width of each score row)
   * @return the gathered estimate
   * @throws IllegalArgumentException if the results disagree on the training set or a label
   */
  public static OutOfBag of(List<MemberResult> results, int classes) {
    if (results.isEmpty()) {
      throw new IllegalArgumentException("results must not be empty");
    }
    int n = results.get(0).trainingSize();
    int[] votes = new int[n];
    int[] labels = new int[n];
    double[] sums = new double[n * classes];
    for (MemberResult r : results) {
      if (r.trainingSize() != n) {
        throw new IllegalArgumentException("member " + r.index() + " trained on " + r.trainingSize()
            + " samples but member " + results.get(0).index() + " on " + n
            + "; an ensemble's members must share one training set");
      }
      if (r.outOfBagScores().length != r.outOfBag().length * classes) {
        throw new IllegalArgumentException("member " + r.index() + " has "
            + r.outOfBagScores().length + " out-of-bag scores for " + r.outOfBag().length
            + " samples of " + classes + " classes");
      }
      int[] oob = r.outOfBag();
      if (oob.length > 0 && r.outOfBagLabels().length == 0) {
        throw new IllegalStateException("member " + r.index() + " trained on data without class"
            + " labels (regression or multi-label), and the out-of-bag estimate is an accuracy"
            + " over class labels; score the ensemble's meanOutput on held-out data instead");
      }
      for (int j = 0; j < oob.length; j++) {
        int s = oob[j];
        if (votes[s] > 0 && labels[s] != r.outOfBagLabels()[j]) {
          throw new IllegalStateException("sample " + s + " has label " + labels[s]
              + " for one member and " + r.outOfBagLabels()[j] + " for member " + r.index()
              + ": the members did not train on the same data");
        }
        labels[s] = r.outOfBagLabels()[j];
        votes[s]++;
        for (int c = 0; c < classes; c++) {
          sums[s * classes + c] += r.outOfBagScores()[j * classes + c];
        }
      }
    }
    return new OutOfBag(votes, labels, sums, classes);
  }

  /**
   * The training set's size.
   *
   * @return the number of training samples
   */
  public int trainingSize() {
    return votes.length;
  }

  /**
   * How many training samples at least one member left out.
   *
   * @return the count, at most {@link #trainingSize()}
   */
  public int covered() {
    return covered;
  }

  /**
   * The soft-vote accuracy over the covered samples; NaN when none is covered.
   *
   * @return the accuracy, in [0, 1], or NaN
   */
  public double accuracy() {
    return covered == 0 ? Double.NaN : (double) correct / covered;
  }

  /**
   * How many members left out training sample {@code sample}.
   *
   * @param sample a training sample's index
   * @return the count, ≥ 0
   */
  public int votes(int sample) {
    return votes[sample];
  }

  /**
   * The out-of-bag soft-vote class of {@code sample}, or -1 when no member left it out.
   *
   * @param sample a training sample's index
   * @return the class, or -1
   */
  public int prediction(int sample) {
    return votes[sample] == 0 ? -1 : Votes.argmax(scoreSums, sample * classes, classes);
  }
}
