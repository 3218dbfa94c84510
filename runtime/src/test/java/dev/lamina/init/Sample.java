package dev.lamina.init;

/**
 * The moments of a large draw and the confidence limits a test holds them to. Limits are
 * {@link #Z} standard errors wide (a false alarm once in ~1.7 million checks); the standard error
 * of the variance comes from the sample's own fourth moment, so it is right for every shape.
 */
record Sample(int n, double mean, double variance, double m4, double min, double max) {
  static final double Z = 5;

  static Sample of(float[] values) {
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (float v : values) {
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double mean = sum / values.length;
    double m2 = 0;
    double m4 = 0;
    for (float v : values) {
      double d = v - mean;
      m2 += d * d;
      m4 += d * d * d * d;
    }
    return new Sample(values.length, mean, m2 / values.length, m4 / values.length, min, max);
  }

  double std() {
    return Math.sqrt(variance);
  }

  /** Fails unless the sample mean is within Z standard errors of {@code expected}. */
  void assertMean(double expected, double expectedStd, String what) {
    double limit = Z * expectedStd / Math.sqrt(n) + 1e-7 * Math.abs(expected);
    check(Math.abs(mean - expected) <= limit, what + ": mean " + mean + " is "
        + Math.abs(mean - expected) + " from " + expected + ", over the limit " + limit);
  }

  /** Fails unless the sample variance is within Z standard errors of {@code expectedStd}². */
  void assertStd(double expectedStd, String what) {
    double expected = expectedStd * expectedStd;
    double limit = Z * Math.sqrt((m4 - variance * variance) / n) + 1e-6 * expected;
    check(Math.abs(variance - expected) <= limit, what + ": variance " + variance + " (std "
        + std() + ") is " + Math.abs(variance - expected) + " from " + expected + " (std "
        + expectedStd + "), over the limit " + limit);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new AssertionError(message);
    }
  }

  /** The fraction of values whose distance from {@code center} exceeds {@code distance}. */
  static double fractionBeyond(float[] values, double center, double distance) {
    int count = 0;
    for (float v : values) {
      if (Math.abs(v - center) > distance) {
        count++;
      }
    }
    return (double) count / values.length;
  }

  /** Fails unless a proportion {@code p} of {@code n} draws is within Z standard errors of {@code expected}. */
  static void assertProportion(double p, double expected, int n, String what) {
    double limit = Z * Math.sqrt(expected * (1 - expected) / n);
    check(Math.abs(p - expected) <= limit, what + ": proportion " + p + " is "
        + Math.abs(p - expected) + " from " + expected + ", over the limit " + limit);
  }
}
