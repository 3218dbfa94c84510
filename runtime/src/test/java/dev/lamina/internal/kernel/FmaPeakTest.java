package dev.lamina.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

class FmaPeakTest {
  private static final int LANES = FloatVector.SPECIES_PREFERRED.length();

  /** Chain i starts at i + 1 and runs a ← 0.999·a + 0.001 per round; the bursts sum every lane. */
  private static double expected(int chains, int rounds) {
    double sum = 0;
    for (int i = 0; i < chains; i++) {
      double a = i + 1;
      for (int r = 0; r < rounds; r++) {
        a = a * 0.999 + 1e-3;
      }
      sum += a;
    }
    return sum * LANES;
  }

  @Test
  void everyChainOfBothBurstsIsComputed() {
    for (int rounds : new int[] {0, 1, 7, 1000}) {
      assertEquals(expected(FmaPeak.CHAINS, rounds), FmaPeak.burst(rounds),
          1e-4 * expected(FmaPeak.CHAINS, rounds), "burst(" + rounds + ")");
      assertEquals(expected(FmaPeak.WIDE_CHAINS, rounds), FmaPeak.wideBurst(rounds),
          1e-4 * expected(FmaPeak.WIDE_CHAINS, rounds), "wideBurst(" + rounds + ")");
    }
  }

  @Test
  void flopsCountTwoPerLanePerFma() {
    assertEquals(2.0 * 10 * 12 * LANES, FmaPeak.flops(10));
    assertEquals(2.0 * 10 * 24 * LANES, FmaPeak.wideFlops(10));
  }

  @Test
  void measuringRefusesTooShortATime() {
    var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> FmaPeak.measureGflops(39));
    assertTrue(e.getMessage().contains("got 39"), e.getMessage());
  }
}
