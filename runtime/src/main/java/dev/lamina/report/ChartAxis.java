package dev.lamina.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An axis range widened to round numbers, with ticks 1, 2 or 5 × 10ⁿ apart (about five of them),
 * so that labels read 0.2, 0.4, 0.6 rather than 0.1873, 0.3746.
 *
 * @param integers whether only whole-number ticks make sense (epochs)
 */
record ChartAxis(double min, double max, double step, boolean integers) {
  private static final int TICKS = 5;

  /** An axis covering {@code lo..hi}; a single value gets a small range around it. */
  static ChartAxis of(double lo, double hi, boolean integers) {
    if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
      double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
      lo -= pad;
      hi += pad;
    }
    double step = niceStep((hi - lo) / TICKS);
    if (integers) {
      step = Math.max(1, Math.round(step));
    }
    return new ChartAxis(Math.floor(lo / step) * step, Math.ceil(hi / step) * step, step, integers);
  }

  /**
   * A value axis over {@code lo..hi}, the least and the greatest finite value of the series;
   * 0..1 when they had none ({@code lo > hi}).
   */
  static ChartAxis ofValues(double lo, double hi) {
    return lo > hi ? of(0, 1, false) : of(lo, hi, false);
  }

  /** 1, 2 or 5 × 10ⁿ, the smallest at least {@code raw}. */
  static double niceStep(double raw) {
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * power >= raw * (1 - 1e-9)) {
        return m * power;
      }
    }
    return 10 * power;
  }

  double span() {
    return max - min;
  }

  List<Double> ticks() {
    List<Double> ticks = new ArrayList<>();
    long count = Math.round(span() / step);
    for (long k = 0; k <= count; k++) {
      ticks.add(min + k * step);
    }
    return ticks;
  }

  /** A tick's label with as many decimals as the step needs. */
  String format(double value) {
    if (integers || step >= 1) {
      return String.format(Locale.ROOT, "%d", Math.round(value));
    }
    int decimals = (int) Math.ceil(-Math.log10(step) - 1e-9);
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
