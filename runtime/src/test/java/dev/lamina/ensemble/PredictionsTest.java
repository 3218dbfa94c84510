package dev.lamina.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Votes over member scores, and v, c and v/k + (k−1)c/k against hand-worked numbers. */
class PredictionsTest {
  @Test
  void vAndCOfTwoMembersWorkedByHand() {
    // label 0; ε1 = (0.8, 0.2) − (1, 0) = (−0.2, 0.2); ε2 = (−0.4, 0.4)
    Predictions p = Predictions.of(
        List.of(new float[] {0.8f, 0.2f}, new float[] {0.6f, 0.4f}), new int[] {0}, 2);
    MemberErrors e = p.errors(2);
    assertEquals((0.08 + 0.32) / 2, e.v(), 1e-7, "v = mean of |ε1|² = 0.08 and |ε2|² = 0.32");
    assertEquals(0.16, e.c(), 1e-7, "c = ε1 · ε2");
    assertEquals(0.1 + 0.08, e.predicted(2), 1e-7, "v/2 + c/2");
    assertEquals(0.18, p.ensembleSquaredError(2), 1e-7, "|(ε1 + ε2)/2|² = |(−0.3, 0.3)|²");
    assertEquals(0.08, p.errors(1).v(), 1e-7);
    assertEquals(0, p.errors(1).c());
  }

  @Test
  void theFormulaIsExactOnTheSamplesItWasMeasuredOn() {
    SplittableRandom random = new SplittableRandom(5);
    int rows = 300;
    int classes = 4;
    List<float[]> scores = new ArrayList<>();
    for (int m = 0; m < 6; m++) {
      scores.add(randomProbabilities(random, rows, classes));
    }
    int[] labels = random.ints(rows, 0, classes).toArray();
    Predictions p = Predictions.of(scores, labels, classes);
    for (int k = 1; k <= 6; k++) {
      double predicted = p.errors(k).predicted(k);
      double observed = p.ensembleSquaredError(k);
      assertEquals(observed, predicted, 1e-12 * observed,
          "k = " + k + ": predicted " + predicted + ", observed " + observed + ", difference "
              + Math.abs(predicted - observed));
    }
  }

  @Test
  void theFormulasLimits() {
    assertEquals(0.5 / 4, new MemberErrors(0.5, 0, 4).predicted(4), 1e-15, "independent: v/k");
    assertEquals(0.5, new MemberErrors(0.5, 0.5, 4).predicted(4), 1e-15, "identical: v");
    assertThrows(IllegalArgumentException.class, () -> new MemberErrors(1, 0, 1).predicted(0));
  }

  @Test
  void softAndHardVoteAccuracies() {
    // 3 samples, 2 classes, labels 0, 1, 1
    List<float[]> scores = List.of(
        new float[] {0.9f, 0.1f, 0.6f, 0.4f, 0.45f, 0.55f},
        new float[] {0.4f, 0.6f, 0.6f, 0.4f, 0.45f, 0.55f},
        new float[] {0.4f, 0.6f, 0.1f, 0.9f, 0.9f, 0.1f});
    Predictions p = Predictions.of(scores, new int[] {0, 1, 1}, 2);
    assertEquals(1.0, p.memberAccuracy(0) * 3 / 2, 1e-12, "member 0 gets samples 0 and 2");
    // soft: means (0.567, 0.433) -> 0 ✓, (0.433, 0.567) -> 1 ✓, (0.6, 0.4) -> 0 ✗
    assertEquals(2 / 3.0, p.accuracy(3, Aggregation.SOFT_VOTE), 1e-12);
    // hard: votes {0,1,1} -> 1 ✗, {0,0,1} -> 0 ✗, {1,1,0} -> 1 ✓
    assertEquals(1 / 3.0, p.accuracy(3, Aggregation.HARD_VOTE), 1e-12);
    // two members tie on sample 0 (votes 0 and 1): the higher summed score, 1.3 for class 0, wins
    assertEquals(0, p.predict(2, Aggregation.HARD_VOTE)[0]);
    var e = assertThrows(IllegalArgumentException.class, () -> p.accuracy(4, Aggregation.SOFT_VOTE));
    assertEquals("k must be in [1, 3] (the number of members), got 4", e.getMessage());
  }

  static float[] randomProbabilities(SplittableRandom random, int rows, int classes) {
    float[] logits = new float[rows * classes];
    for (int i = 0; i < logits.length; i++) {
      logits[i] = (float) (random.nextGaussian() * 2);
    }
    float[] p = new float[logits.length];
    Votes.softmax(logits, rows, classes, p);
    return p;
  }
}
