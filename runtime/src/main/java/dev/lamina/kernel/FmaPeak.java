package dev.lamina.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Measures this core's FP32 fused multiply-add peak with the Vector API, so that benchmarks can
 * report kernels as a fraction of it. {@link #burst} runs {@value #CHAINS} independent FMA chains
 * (more than an FMA's latency × issue width, so the units never wait); each FMA is 2 FLOP per lane.
 */
public final class FmaPeak {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  /** Independent accumulator chains in {@link #burst}. */
  public static final int CHAINS = 12;
  /** FMAs per round of {@link #burst}'s loop, across all chains. */
  private static final int FMAS_PER_ROUND = CHAINS;
  /** Rounds per burst while measuring: ~0.1 ms, so the loop is compiled normally, not by OSR. */
  private static final int ROUNDS = 40_000;

  private FmaPeak() {}

  /**
   * Runs FMA bursts for about {@code millis} ms on the calling thread (the first third is warm-up,
   * not counted) and returns the measured rate in GFLOP/s.
   */
  public static double measureGflops(long millis) {
    if (millis <= 0) {
      throw new IllegalArgumentException("millis must be > 0, got " + millis);
    }
    long warmEnd = System.nanoTime() + millis * 1_000_000L / 3;
    float sink = 0;
    while (System.nanoTime() < warmEnd) {
      sink += burst(ROUNDS);
    }
    long bursts = 0;
    long start = System.nanoTime();
    long end = start + millis * 1_000_000L * 2 / 3;
    long now;
    do {
      sink += burst(ROUNDS);
      bursts++;
      now = System.nanoTime();
    } while (now < end);
    if (Float.isNaN(sink)) {
      throw new AssertionError("unreachable: the chains stay finite"); // keeps sink alive
    }
    return flops(bursts * ROUNDS) / (now - start);
  }

  /** FLOP done by {@code burst(rounds)}. */
  public static double flops(long rounds) {
    return 2.0 * rounds * FMAS_PER_ROUND * S.length();
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
}
