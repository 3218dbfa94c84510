package dev.lamina.ensemble;

/**
 * The statistics behind "averaging k models divides the error by k, as far as they are
 * independent". A member's error on a sample is the vector ε = scores − one-hot(label); with
 * {@code v} = E‖ε_i‖² (a member's mean squared error) and {@code c} = E[ε_i · ε_j] (i ≠ j, the
 * members' error covariance), the soft vote of k members has mean squared error
 * E‖(1/k) Σ ε_i‖² = v/k + (k − 1)c/k. Uncorrelated errors (c = 0) fall as 1/k; identical
 * members (c = v) gain nothing.
 *
 * <p>These are second moments, not centered variances, so the formula holds exactly on the
 * samples {@code v} and {@code c} were measured on; measured on one set and applied to another it
 * is a prediction.
 *
 * @param v the members' mean squared error, averaged over members
 * @param c the mean product of two different members' errors, averaged over pairs (0 for one)
 * @param members how many members they were measured on
 */
public record MemberErrors(double v, double c, int members) {
  /**
   * The formula: the mean squared error a soft vote of {@code k} such members should have.
   *
   * @param k the number of members, > 0
   * @return v/k + (k − 1)c/k
   */
  public double predicted(int k) {
    if (k <= 0) {
      throw new IllegalArgumentException("k must be > 0, got " + k);
    }
    return v / k + (k - 1) * c / k;
  }

  /**
   * c / v: 0 for independent members, 1 for identical ones.
   *
   * @return the correlation of two members' errors; NaN when v = 0
   */
  public double correlation() {
    return c / v;
  }
}
