package dev.lamina.testing;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Closeness checks that say how far off a failure is: element k passes when {@code |expected[k]
 * − actual[k]| ≤ absTol + relTol·|expected[k]|} (numpy's allclose). A failure names the element
 * furthest outside its tolerance, its index, both values, and the largest absolute difference.
 */
public final class NumericAssertions {
  private NumericAssertions() {}

  /**
   * What a passing check saw: the largest absolute difference and its index, the largest relative
   * difference (over nonzero expected values), and the largest fraction of its tolerance any
   * element used (1 would be at the limit).
   */
  public record Diff(double maxAbs, int index, double maxRel, double toleranceUsed) {
    @Override
    public String toString() {
      return String.format("max |diff| %.3g at [%d], max rel %.3g, %.0f%% of tolerance",
          maxAbs, index, maxRel, 100 * toleranceUsed);
    }
  }

  public static Diff assertClose(
      String what, float[] expected, float[] actual, double absTol, double relTol) {
    double[] e = new double[expected.length];
    double[] a = new double[actual.length];
    for (int k = 0; k < e.length; k++) {
      e[k] = expected[k];
    }
    for (int k = 0; k < a.length; k++) {
      a[k] = actual[k];
    }
    return assertClose(what, e, a, absTol, relTol);
  }

  public static Diff assertClose(
      String what, double expected, double actual, double absTol, double relTol) {
    return assertClose(what, new double[] {expected}, new double[] {actual}, absTol, relTol);
  }

  public static Diff assertClose(
      String what, double[] expected, double[] actual, double absTol, double relTol) {
    if (expected.length != actual.length) {
      fail(what + ": expected " + expected.length + " values, got " + actual.length);
    }
    int failures = 0;
    int worst = -1;
    double worstExcess = 0;
    int maxIndex = 0;
    double maxAbs = 0;
    double maxRel = 0;
    double used = 0;
    for (int k = 0; k < expected.length; k++) {
      double diff = Math.abs(expected[k] - actual[k]);
      boolean ok = diff <= absTol + relTol * Math.abs(expected[k]) || expected[k] == actual[k];
      if (!ok) {
        // NaN compares false everywhere: count it as infinitely far.
        double excess = Double.isNaN(diff)
            ? Double.POSITIVE_INFINITY
            : diff / (absTol + relTol * Math.abs(expected[k]));
        if (worst < 0 || excess > worstExcess) {
          worst = k;
          worstExcess = excess;
        }
        failures++;
      }
      if (diff > maxAbs || Double.isNaN(diff)) {
        maxAbs = Double.isNaN(diff) ? Double.NaN : diff;
        maxIndex = k;
      }
      double tolerance = absTol + relTol * Math.abs(expected[k]);
      used = Math.max(used, tolerance > 0 ? diff / tolerance : diff > 0 ? 1 : 0);
      if (expected[k] != 0) {
        maxRel = Math.max(maxRel, diff / Math.abs(expected[k]));
      }
    }
    if (failures > 0) {
      fail(String.format(
          "%s: %d of %d values outside |diff| <= %.3g + %.3g*|expected|; worst at [%d]: "
              + "expected %s, actual %s, |diff| %.6g (%.3gx its tolerance); largest |diff| %.6g "
              + "at [%d]: expected %s, actual %s",
          what, failures, expected.length, absTol, relTol, worst, expected[worst], actual[worst],
          Math.abs(expected[worst] - actual[worst]), worstExcess, maxAbs, maxIndex,
          expected[maxIndex], actual[maxIndex]));
    }
    return new Diff(maxAbs, maxIndex, maxRel, used);
  }
}
