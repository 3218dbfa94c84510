package dev.lamina.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lamina.testing.Fixtures;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * bfloat16 rounding against a scalar reference that picks the nearer of the two neighbouring
 * bfloat16 values in double (ties to the even one), and against PyTorch's {@code
 * tensor.to(torch.bfloat16)} (scripts/bfloat16_fixtures.py); packing against its inverse.
 */
class BFloat16Test {
  @Test
  void roundsToNearestEvenLikeTheReference() {
    Random random = new Random(20);
    int checked = 0;
    for (int i = 0; i < 200_000; i++) {
      check(random.nextInt());
      checked++;
    }
    // Every tie and its neighbours, for every kept bit pattern.
    for (int high = 0; high < 65536; high++) {
      for (int low : new int[] {0x0000, 0x7FFF, 0x8000, 0x8001, 0xFFFF}) {
        check((high << 16) | low);
        checked++;
      }
    }
    System.out.println("bfloat16 rounding: " + checked + " floats equal to the reference");
  }

  @Test
  void matchesPyTorch() {
    Fixtures.Node fixture = Fixtures.load("bfloat16");
    int[] floats = fixture.ints("floatBits");
    int[] expected = fixture.ints("bfloat16Bits");
    int nans = 0;
    for (int i = 0; i < floats.length; i++) {
      float f = Float.intBitsToFloat(floats[i]);
      short got = BFloat16.fromFloat(f);
      if (Float.isNaN(f)) {
        // PyTorch's vectorized conversion writes 0xFFFF, c10's scalar one 0x7FC0: both NaN.
        assertTrue(Float.isNaN(BFloat16.toFloat((short) expected[i])), "PyTorch's NaN");
        assertTrue(Float.isNaN(BFloat16.toFloat(got)), "NaN stays NaN");
        nans++;
      } else if (got != (short) expected[i]) {
        fail(String.format("float bits %08x: PyTorch %04x, Lamina %04x", floats[i],
            expected[i] & 0xFFFF, got & 0xFFFF));
      }
    }
    System.out.println("bfloat16 vs PyTorch: " + (floats.length - nans)
        + " floats bit-identical, " + nans + " NaNs NaN");
  }

  @Test
  void packUnpackIsRoundingOnEveryPadding() {
    Random random = new Random(3);
    for (int n : new int[] {1, 7, 15, 16, 17, 31, 32, 33, 64, 100, 256, 273}) {
      int k = 5;
      float[] w = new float[k * n];
      for (int i = 0; i < w.length; i++) {
        w[i] = (float) random.nextGaussian();
      }
      short[] packed = BFloat16.pack(w, k, n);
      int padded = BFloat16.paddedColumns(n);
      assertEquals(k * padded, packed.length, "packed length for n = " + n);
      assertEquals(0, padded % (2 * jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length()));
      float[] back = BFloat16.unpack(packed, k, n);
      for (int i = 0; i < w.length; i++) {
        assertEquals(BFloat16.round(w[i]), back[i], 0f, "n = " + n + ", element " + i);
      }
    }
  }

  @Test
  void badSizesAreNamed() {
    var e = assertThrows(IllegalArgumentException.class, () -> BFloat16.paddedColumns(0));
    assertTrue(e.getMessage().contains("n must be > 0, got 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> BFloat16.pack(new float[5], 2, 3));
    assertTrue(e.getMessage().contains("2 × 3"), e.getMessage());
  }

  private static void check(int bits) {
    float f = Float.intBitsToFloat(bits);
    short got = BFloat16.fromFloat(f);
    short want = reference(f);
    if (got != want) {
      fail(String.format("float bits %08x (%s): reference %04x, got %04x", bits, f,
          want & 0xFFFF, got & 0xFFFF));
    }
  }

  /** The nearer of the bfloat16 values just below and just above |f| (ties: the even one). */
  private static short reference(float f) {
    if (Float.isNaN(f)) {
      return BFloat16.NAN;
    }
    if (Float.isInfinite(f)) {
      return (short) (Float.floatToRawIntBits(f) >>> 16);
    }
    int bits = Float.floatToRawIntBits(f);
    int truncated = bits & 0xFFFF0000; // towards zero
    double low = Math.abs((double) Float.intBitsToFloat(truncated));
    double spacing = (double) Math.ulp(Float.intBitsToFloat(truncated)) * 65536;
    double high = low + spacing; // 2^128 past the largest: rounding there means infinity
    double x = Math.abs((double) f);
    boolean up = x - low > high - x || (x - low == high - x && ((truncated >>> 16) & 1) == 1);
    return (short) ((up ? truncated + 0x10000 : truncated) >>> 16);
  }
}
