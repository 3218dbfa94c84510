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

  /** Bins {@code values} into {@code bins} equal bins over [lo, hi]; NaNs count as above. */
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

  public double lo() {
    return lo;
  }

  public double hi() {
    return hi;
  }

  public int bins() {
    return counts.length;
  }

  public long count(int bin) {
    return counts[bin];
  }

  /** Values below lo. */
  public long below() {
    return below;
  }

  /** Values above hi (and NaNs). */
  public long above() {
    return above;
  }

  /** Every value counted, inside the range or not. */
  public long total() {
    return Arrays.stream(counts).sum() + below + above;
  }

  /** The largest bin count. */
  public long peak() {
    return Arrays.stream(counts).max().orElse(0);
  }
}
