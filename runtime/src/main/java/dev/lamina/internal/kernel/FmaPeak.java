package dev.lamina.internal.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Measures this core's FP32 fused multiply-add peak with the Vector API, so that benchmarks can
 * report kernels as a fraction of it. The FMA units never wait when there are more independent
 * chains than an FMA's latency × the FMAs issued per cycle: 12 covered a double-pumped AVX-512
 * core, but a core with two full-width 512-bit units reached only 181 of its 211 GFLOP/s with 12.
 * So both {@link #burst} ({@value #CHAINS} chains) and {@link #wideBurst} ({@value #WIDE_CHAINS})
 * are measured and the faster counts. Each FMA is 2 FLOP per lane.
 */
public final class FmaPeak {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  /** Independent accumulator chains in {@link #burst}. */
  public static final int CHAINS = 12;
  /** Independent accumulator chains in {@link #wideBurst}. */
  public static final int WIDE_CHAINS = 24;
  /** Rounds per burst once warm: ~0.1 ms, so the loop is compiled normally, not by OSR. */
  private static final int ROUNDS = 40_000;
  /** The length of one measured window. */
  private static final long WINDOW_MILLIS = 20;

  private FmaPeak() {}

  /**
   * Runs FMA bursts on the calling thread in passes of about {@code millis} ms, half of each pass
   * with each chain count, until the rate settles (at most 8 passes), and returns the fastest rate
   * of any {@value #WINDOW_MILLIS} ms window in GFLOP/s: a peak is the best the core does, and the
   * windows before the JIT's code runs, or while another process takes the core, only fall below.
   */
  public static double measureGflops(long millis) {
    if (millis < 2 * WINDOW_MILLIS) {
      throw new IllegalArgumentException(
          "millis must be >= " + 2 * WINDOW_MILLIS + ", got " + millis);
    }
    // Passes of both counts in turn until a pass no longer beats the best by 2%: the first ones
    // may run code the JIT has not compiled yet (seconds on a busy machine). At most 8 passes.
    double best = 0;
    for (int pass = 0; pass < 8; pass++) {
      double rate = Math.max(fastestWindow(millis / 2, false), fastestWindow(millis / 2, true));
      boolean settled = pass >= 1 && rate < best * 1.02;
      best = Math.max(best, rate);
      if (settled) {
        break;
      }
    }
    return best;
  }

  private static double fastestWindow(long millis, boolean wide) {
    long end = System.nanoTime() + millis * 1_000_000L;
    double best = 0;
    float sink = 0;
    // Short bursts first: interpreted, one long burst would take seconds before the JIT's code
    // could run; many short calls get the method compiled as a whole.
    int rounds = 64;
    while (System.nanoTime() < end) {
      long bursts = 0;
      long start = System.nanoTime();
      long windowEnd = start + WINDOW_MILLIS * 1_000_000L;
      long now;
      do {
        sink += wide ? wideBurst(rounds) : burst(rounds);
        bursts++;
        now = System.nanoTime();
      } while (now < windowEnd);
      double flops = wide ? wideFlops(bursts * rounds) : flops(bursts * rounds);
      best = Math.max(best, flops / (now - start));
      rounds = Math.min(2 * rounds, ROUNDS);
    }
    if (Float.isNaN(sink)) {
      throw new AssertionError("unreachable: the chains stay finite"); // keeps sink alive
    }
    return best;
  }

  /** FLOP done by {@code burst(rounds)}. */
  public static double flops(long rounds) {
    return 2.0 * rounds * CHAINS * S.length();
  }

  /** FLOP done by {@code wideBurst(rounds)}. */
  public static double wideFlops(long rounds) {
    return 2.0 * rounds * WIDE_CHAINS * S.length();
  }

  /**
   * Runs {@code rounds} × {@value #CHAINS} vector FMAs ({@code acc = acc·m + d}, which stays finite
   * and normal) and returns a value depending on all of them, so none can be removed.
   */
  public static float burst(int rounds) {
    FloatVector m = FloatVector.broadcast(S, 0.999f);
    FloatVector d = FloatVector.broadcast(S, 1e-3f);
    FloatVector a0 = FloatVector.broadcast(S, 1f), a1 = a0.add(1), a2 = a1.add(1);
    FloatVector a3 = a2.add(1), a4 = a3.add(1), a5 = a4.add(1), a6 = a5.add(1);
    FloatVector a7 = a6.add(1), a8 = a7.add(1), a9 = a8.add(1), a10 = a9.add(1);
    FloatVector a11 = a10.add(1);
    for (int r = 0; r < rounds; r++) {
      a0 = a0.fma(m, d);
      a1 = a1.fma(m, d);
      a2 = a2.fma(m, d);
      a3 = a3.fma(m, d);
      a4 = a4.fma(m, d);
      a5 = a5.fma(m, d);
      a6 = a6.fma(m, d);
      a7 = a7.fma(m, d);
      a8 = a8.fma(m, d);
      a9 = a9.fma(m, d);
      a10 = a10.fma(m, d);
      a11 = a11.fma(m, d);
    }
    FloatVector s = a0.add(a1).add(a2).add(a3).add(a4).add(a5)
        .add(a6).add(a7).add(a8).add(a9).add(a10).add(a11);
    return s.reduceLanes(VectorOperators.ADD);
  }

  /**
   * {@link #burst} with {@value #WIDE_CHAINS} chains: enough for a core with two full-width FMA
   * units of latency 4 and more (24 accumulators and two operands fit AVX-512's 32 registers; on
   * AVX2's 16 they spill, which {@link #burst} does not).
   */
  public static float wideBurst(int rounds) {
    FloatVector m = FloatVector.broadcast(S, 0.999f);
    FloatVector d = FloatVector.broadcast(S, 1e-3f);
    FloatVector a0 = FloatVector.broadcast(S, 1f);
    FloatVector a1 = a0.add(1);
    FloatVector a2 = a1.add(1);
    FloatVector a3 = a2.add(1);
    FloatVector a4 = a3.add(1);
    FloatVector a5 = a4.add(1);
    FloatVector a6 = a5.add(1);
    FloatVector a7 = a6.add(1);
    FloatVector a8 = a7.add(1);
    FloatVector a9 = a8.add(1);
    FloatVector a10 = a9.add(1);
    FloatVector a11 = a10.add(1);
    FloatVector a12 = a11.add(1);
    FloatVector a13 = a12.add(1);
    FloatVector a14 = a13.add(1);
    FloatVector a15 = a14.add(1);
    FloatVector a16 = a15.add(1);
    FloatVector a17 = a16.add(1);
    FloatVector a18 = a17.add(1);
    FloatVector a19 = a18.add(1);
    FloatVector a20 = a19.add(1);
    FloatVector a21 = a20.add(1);
    FloatVector a22 = a21.add(1);
    FloatVector a23 = a22.add(1);
    for (int r = 0; r < rounds; r++) {
      a0 = a0.fma(m, d);
      a1 = a1.fma(m, d);
      a2 = a2.fma(m, d);
      a3 = a3.fma(m, d);
      a4 = a4.fma(m, d);
      a5 = a5.fma(m, d);
      a6 = a6.fma(m, d);
      a7 = a7.fma(m, d);
      a8 = a8.fma(m, d);
      a9 = a9.fma(m, d);
      a10 = a10.fma(m, d);
      a11 = a11.fma(m, d);
      a12 = a12.fma(m, d);
      a13 = a13.fma(m, d);
      a14 = a14.fma(m, d);
      a15 = a15.fma(m, d);
      a16 = a16.fma(m, d);
      a17 = a17.fma(m, d);
      a18 = a18.fma(m, d);
      a19 = a19.fma(m, d);
      a20 = a20.fma(m, d);
      a21 = a21.fma(m, d);
      a22 = a22.fma(m, d);
      a23 = a23.fma(m, d);
    }
    FloatVector s = a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8)
        .add(a9).add(a10).add(a11).add(a12).add(a13).add(a14).add(a15).add(a16)
        .add(a17).add(a18).add(a19).add(a20).add(a21).add(a22).add(a23);
    return s.reduceLanes(VectorOperators.ADD);
  }
}
