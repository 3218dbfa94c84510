package dev.lamina.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Which members judge which training sample, and the out-of-bag vote they give. */
class OutOfBagTest {
  @Test
  void eachSampleIsJudgedOnlyByTheMembersThatLeftItOut() {
    // 5 samples, 2 classes, labels 0 1 0 1 1; member 0 left out 1 and 3, member 1 left out 3 and 4
    MemberResult a = result(0, 5, new int[] {1, 3}, new int[] {1, 1}, new float[] {.2f, .8f, .7f, .3f});
    MemberResult b = result(1, 5, new int[] {3, 4}, new int[] {1, 1}, new float[] {.2f, .8f, .9f, .1f});
    OutOfBag oob = OutOfBag.of(List.of(a, b), 2);
    assertEquals(3, oob.covered());
    int[] votes = {0, 1, 0, 2, 1};
    int[] predictions = {-1, 1, -1, 1, 0}; // sample 3: (.7 + .2, .3 + .8) -> class 1
    for (int s = 0; s < 5; s++) {
      assertEquals(votes[s], oob.votes(s), "votes of sample " + s);
      assertEquals(predictions[s], oob.prediction(s), "prediction of sample " + s);
    }
    assertEquals(2 / 3.0, oob.accuracy(), 1e-12, "samples 1 and 3 right, 4 wrong");
  }

  @Test
  void votesCountTheBagsThatMissASampleAndCoverageFollows() {
    int n = 2000;
    int members = 7;
    List<MemberResult> results = new ArrayList<>();
    boolean[][] inBag = new boolean[members][n];
    SplittableRandom random = new SplittableRandom(1);
    int[] labels = random.ints(n, 0, 3).toArray();
    for (int m = 0; m < members; m++) {
      Bootstrap bootstrap = Bootstrap.draw(n, 100 + m);
      for (int i : bootstrap.inBag()) {
        inBag[m][i] = true;
      }
      int[] oob = bootstrap.outOfBag();
      int[] oobLabels = new int[oob.length];
      for (int j = 0; j < oob.length; j++) {
        oobLabels[j] = labels[oob[j]];
      }
      results.add(result(m, n, oob, oobLabels,
          PredictionsTest.randomProbabilities(random, oob.length, 3)));
    }
    OutOfBag oob = OutOfBag.of(results, 3);
    int uncovered = 0;
    for (int s = 0; s < n; s++) {
      int missing = 0;
      for (int m = 0; m < members; m++) {
        missing += inBag[m][s] ? 0 : 1;
      }
      assertEquals(missing, oob.votes(s), "sample " + s);
      uncovered += missing == 0 ? 1 : 0;
    }
    assertEquals(n - uncovered, oob.covered());
    // P(in every bag) = (1 − (1 − 1/n)^n)^7 ≈ 0.0404: about 81 of 2000, sd 9
    assertEquals(Math.pow(1 - Math.pow(1 - 1.0 / n, n), members) * n, uncovered, 40);
  }

  @Test
  void membersThatDisagreeOnTheDataAreCaught() {
    MemberResult a = result(0, 5, new int[] {1}, new int[] {0}, new float[] {1, 0});
    MemberResult b = result(1, 5, new int[] {1}, new int[] {1}, new float[] {1, 0});
    var e = assertThrows(IllegalStateException.class, () -> OutOfBag.of(List.of(a, b), 2));
    assertTrue(e.getMessage().contains("did not train on the same data"), e.getMessage());
    MemberResult c = result(1, 6, new int[] {1}, new int[] {0}, new float[] {1, 0});
    var f = assertThrows(IllegalArgumentException.class, () -> OutOfBag.of(List.of(a, c), 2));
    assertEquals("member 1 trained on 6 samples but member 0 on 5; an ensemble's members must"
        + " share one training set", f.getMessage());
  }

  @Test
  void dataWithoutClassLabelsHasNoOutOfBagAccuracy() {
    MemberResult values = result(3, 5, new int[] {1, 4}, new int[0], new float[] {0.5f, 2});
    var e = assertThrows(IllegalStateException.class, () -> OutOfBag.of(List.of(values), 1));
    assertEquals("member 3 trained on data without class labels (regression or multi-label), and"
        + " the out-of-bag estimate is an accuracy over class labels; score the ensemble's"
        + " meanOutput on held-out data instead", e.getMessage());
  }

  static MemberResult result(int index, int n, int[] oob, int[] labels, float[] scores) {
    return new MemberResult(index, index, n, List.of("w"), List.of(new float[] {index}), oob,
        labels, scores, List.of(), "COMPLETED", "test", 0);
  }
}
