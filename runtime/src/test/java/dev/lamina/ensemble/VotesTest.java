package dev.lamina.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Softmax against closed forms; majority votes and each level of the tie rule. */
class VotesTest {
  @Test
  void softmaxMatchesItsClosedForm() {
    float[] logits = {0f, (float) Math.log(2), (float) Math.log(3), 5f, 5f, 5f};
    float[] p = new float[6];
    Votes.softmax(logits, 2, 3, p);
    assertArrayEquals(new float[] {1 / 6f, 2 / 6f, 3 / 6f, 1 / 3f, 1 / 3f, 1 / 3f}, p, 1e-7f);
  }

  @Test
  void softmaxOfHugeLogitsDoesNotOverflow() {
    float[] logits = {1000f, 1000f - (float) Math.log(3)};
    double gap = (double) logits[0] - logits[1]; // ln 3 up to the float spacing at 1000
    float[] p = new float[2];
    Votes.softmax(logits, 1, 2, p);
    float first = (float) (1 / (1 + Math.exp(-gap)));
    assertArrayEquals(new float[] {first, 1 - first}, p, 1e-7f);
    assertEquals(0.75, first, 1e-4, "about 3 : 1");
  }

  @Test
  void theMajorityWins() {
    int[][] votes = {{2, 0}, {2, 1}, {1, 1}};
    double[] sums = new double[2 * 3];
    sums[0] = 10; // a large score for class 0 must not beat two votes
    assertArrayEquals(new int[] {2, 1}, Votes.hardVote(votes, sums, 2, 3));
  }

  @Test
  void aTieGoesToTheTiedClassWithTheHigherSummedScore() {
    int[][] votes = {{0}, {2}};
    // class 1 has the highest score but no vote: only tied classes 0 and 2 compete
    double[] sums = {0.5, 0.9, 0.6};
    assertArrayEquals(new int[] {2}, Votes.hardVote(votes, sums, 1, 3));
    sums = new double[] {0.7, 0.9, 0.6};
    assertArrayEquals(new int[] {0}, Votes.hardVote(votes, sums, 1, 3));
  }

  @Test
  void aTieInVotesAndScoresGoesToTheLowestClass() {
    int[][] votes = {{3}, {1}};
    double[] sums = {0, 0.5, 0, 0.5};
    assertArrayEquals(new int[] {1}, Votes.hardVote(votes, sums, 1, 4));
  }

  @Test
  void argmaxTakesTheFirstOfEqualMaxima() {
    assertEquals(1, Votes.argmax(new double[] {0, 2, 2}, 0, 3));
    assertEquals(1, Votes.argmax(new float[] {9, 0, 2, 2}, 1, 3));
  }
}
