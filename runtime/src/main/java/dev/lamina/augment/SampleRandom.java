package dev.lamina.augment;

import dev.lamina.nn.Seeds;

/**
 * A reusable SplitMix64 stream for one sample's random choices. {@link #reset} re-seeds it in
 * place, so drawing a sample's parameters allocates nothing. Transcendentals go through {@link
 * StrictMath}, whose results are specified bit for bit, so the same seed gives the same numbers
 * on every JVM and JIT tier.
 */
final class SampleRandom {
  private long state;

  SampleRandom reset(long seed) {
    state = seed;
    return this;
  }

  long nextLong() {
    state += 0x9E3779B97F4A7C15L;
    return Seeds.mix(state - 0x9E3779B97F4A7C15L);
  }

  /** Uniform in [0, 1), 53 random bits. */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [low, high); exactly {@code low} when the range is empty. */
  double uniform(double low, double high) {
    return low + (high - low) * nextDouble();
  }

  /** True with probability {@code p}; consumes one draw whatever {@code p} is. */
  boolean chance(double p) {
    return nextDouble() < p;
  }

  /** Uniform integer in [0, bound), bound > 0 (Lemire's multiply-shift; bias below 2^-32). */
  int nextInt(int bound) {
    return (int) (((nextLong() >>> 32) * bound) >>> 32);
  }

  /** Standard normal, by the Box–Muller transform. */
  double gaussian() {
    double u = 1 - nextDouble(); // (0, 1]: log(u) is finite
    double v = nextDouble();
    return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * v);
  }

  /** Gamma(shape, 1) by Marsaglia and Tsang's method; shape < 1 through the U^(1/shape) boost. */
  double gamma(double shape) {
    if (shape < 1) {
      double u = 1 - nextDouble();
      return gamma(shape + 1) * StrictMath.pow(u, 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / StrictMath.sqrt(9 * d);
    while (true) {
      double x = gaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = 1 - nextDouble();
      if (StrictMath.log(u) < 0.5 * x * x + d - d * v + d * StrictMath.log(v)) {
        return d * v;
      }
    }
  }

  /** Beta(a, a), symmetric around 1/2, as X / (X + Y) with X, Y ~ Gamma(a). */
  double symmetricBeta(double a) {
    double x = gamma(a);
    double y = gamma(a);
    double sum = x + y;
    return sum > 0 ? x / sum : 0.5;
  }
}
