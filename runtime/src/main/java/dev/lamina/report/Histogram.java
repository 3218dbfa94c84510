package dev.lamina.report;

import java.util.Arrays;

/**
 * Counts of values in equal bins over [lo, hi], with what fell outside kept apart: a chart can
 * then say "97% above 4" instead of silently clipping. hi itself goes to the last bin.
 */
public final class Histogram {
  private final double lo;
  private final double hi;
  private final long[] counts;
  private final long below;
  private final long above;

  private Histogram(double lo, double hi, long[] counts, long below, long above) {
    this.lo = lo;
    this.hi = hi;
    this.counts = counts;
    this.below = below;
    this.above = above;
  }

  /**
   * Bins {@code values} into {@code bins} equal bins over [lo, hi]; NaNs count as above.
   *
   * @param values the values to count
   * @param lo the lower end of the range
   * @param hi the upper end, above {@code lo}; a value equal to it goes in the last bin
   * @param bins the number of bins, > 0
   * @return the counts
   * @throws IllegalArgumentException if the range is not finite with lo &lt; hi, or bins ≤ 0
   */
  public static Histogram of(float[] values, double lo, double hi, int bins) {
    if (!(lo < hi) || !Double.isFinite(hi - lo)) {
      throw new IllegalArgumentException(
          "the range must be finite with lo < hi, got lo = " + lo + ", hi = " + hi);
    }
    if (bins <= 0) {
      throw new IllegalArgumentException("bins must be > 0, got " + bins);
    }
    long[] counts = new long[bins];
    long below = 0;
    long above = 0;
    double scale = bins / (hi - lo);
    for (float v : values) {
      if (v < lo) {
        below++;
      } else if (v <= hi) {
        counts[Math.min(bins - 1, (int) ((v - lo) * scale))]++;
      } else {
        above++;
      }
    }
    return new Histogram(lo, hi, counts, below, above);
  }

  /** {@return the lower end of the binned range} */
  public double lo() {
    return lo;
  }

  /** {@return the upper end of the binned range} */
  public double hi() {
    return hi;
  }

  /** {@return the number of bins} */
  public int bins() {
    return counts.length;
  }

  /**
   * {@return the number of values in bin {@code bin}, which covers [lo + bin·w, lo + (bin + 1)·w)
   * with w = (hi − lo) / bins (the last bin also holds hi)}
   *
   * @param bin a bin, in [0, bins)
   */
  public long count(int bin) {
    return counts[bin];
  }

  /**
   * Values below lo.
   *
   * @return the count
   */
  public long below() {
    return below;
  }

  /**
   * Values above hi (and NaNs).
   *
   * @return the count
   */
  public long above() {
    return above;
  }

  /**
   * Every value counted, inside the range or not.
   *
   * @return the count
   */
  public long total() {
    return Arrays.stream(counts).sum() + below + above;
  }

  /**
   * The largest bin count.
   *
   * @return the count, 0 when every value fell outside the range
   */
  public long peak() {
    return Arrays.stream(counts).max().orElse(0);
  }
}
