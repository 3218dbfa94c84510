package dev.lamina.augment;

import static dev.lamina.testing.NumericAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The value transforms against hand-computed outputs, and each vector kernel against its twin. */
class PixelsTest {
  @Test
  void scaleShiftIsAnAffineMapOfValues() {
    float[] a = values(37, 1);
    float[] expected = a.clone();
    for (int i = 0; i < expected.length; i++) {
      expected[i] = Math.fma(expected[i], 1.5f, -0.25f);
    }
    Pixels.scaleShift(a, 0, a.length, 1.5f, -0.25f);
    assertClose("x·1.5 − 0.25", expected, a, 0, 0);
  }

  @Test
  void brightnessAndContrastByHand() {
    // Brightness 2 then contrast 0.5 about the brightened mean: x ↦ 0.5·(2x − 2m) + 2m = x + m.
    float[] image = {0, 1, 2, 5};
    float mean = Pixels.mean(image, 0, 4, new float[Warp.LANES]);
    assertEquals(2f, mean);
    double b = 2;
    double c = 0.5;
    Pixels.scaleShift(image, 0, 4, (float) (c * b), (float) (b * mean * (1 - c)));
    assertArrayEquals(new float[] {2, 3, 4, 7}, image);
  }

  @Test
  void meanMatchesItsReferenceAndTheTrueMean() {
    for (int n : new int[] {1, 7, 16, 784, 3072, 1001}) {
      float[] a = values(n + 3, n);
      float vector = Pixels.mean(a, 3, n, new float[Warp.LANES]);
      assertEquals(Pixels.meanReference(a, 3, n), vector, "bits of the mean of " + n);
      double exact = 0;
      for (int i = 3; i < n + 3; i++) {
        exact += a[i];
      }
      assertClose("mean of " + n, exact / n, vector, 1e-6, 1e-5);
    }
  }

  @Test
  void clipBoundsEveryValue() {
    float[] a = {-2, -0.5f, 0, 0.3f, 1, 1.7f, 9, -1, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f,
        3, -3};
    Pixels.clip(a, 0, a.length, 0, 1);
    assertArrayEquals(new float[] {0, 0, 0, 0.3f, 1, 1, 1, 0, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f,
        0.5f, 0.5f, 1, 0}, a);
  }

  @Test
  void fillRectangleCoversExactlyTheRectangleInEveryChannel() {
    ImageShape shape = ImageShape.of(2, 3, 4);
    float[] a = new float[shape.size()];
    java.util.Arrays.fill(a, 1);
    Pixels.fillRectangle(a, 0, shape, 1, 3, 2, 4, 0);
    float[] channel = {
      1, 1, 1, 1,
      1, 1, 0, 0,
      1, 1, 0, 0};
    float[] expected = new float[24];
    System.arraycopy(channel, 0, expected, 0, 12);
    System.arraycopy(channel, 0, expected, 12, 12);
    assertArrayEquals(expected, a);
  }

  @Test
  void blendIsTheConvexCombination() {
    float[] a = values(50, 2);
    float[] b = values(50, 3);
    float[] out = new float[50];
    Pixels.blend(out, 0, a, 0, b, 0, 50, 0.75f);
    float[] expected = new float[50];
    for (int i = 0; i < 50; i++) {
      expected[i] = Math.fma(a[i], 0.75f, b[i] * 0.25f);
    }
    assertClose("0.75·a + 0.25·b, bits", expected, out, 0, 0);
    double[] exact = new double[50];
    for (int i = 0; i < 50; i++) {
      exact[i] = 0.75 * a[i] + 0.25 * b[i];
    }
    double[] got = new double[50];
    for (int i = 0; i < 50; i++) {
      got[i] = out[i];
    }
    assertClose("0.75·a + 0.25·b", exact, got, 1e-7, 1e-6);
  }

  private static float[] values(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) random.nextDouble(-1, 2);
    }
    return a;
  }
}
