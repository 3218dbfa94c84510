package dev.lamina.augment;

import static dev.lamina.testing.NumericAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The public per-sample path: probabilities, ranges, determinism. */
class AugmenterTest {
  private static final ImageShape SHAPE = ImageShape.of(1, 28, 28);

  @Test
  void probabilityZeroIsTheIdentityWhateverTheRanges() {
    Augmentation off = Augmentation.builder(SHAPE)
        .horizontalFlip(0).verticalFlip(0).translate(0, 3, 3).rotate(0, 30).scale(0, 0.5, 2)
        .stretch(0, 0.3).crop(0, 20, 20, 4).cutout(0, 8, 8, 0).noise(0, 0.5)
        .brightness(0, 0.5).contrast(0, 0.5).mixup(0, 0.2).build();
    assertTrue(off.isIdentity());
    float[] image = image(SHAPE, 1);
    Augmenter augmenter = new Augmenter(off);
    for (long seed = 0; seed < 50; seed++) {
      assertArrayEquals(image, apply(augmenter, image, seed), "sample seed " + seed);
    }
  }

  @Test
  void horizontalFlipWithProbabilityOneFlipsEverySample() {
    Augmenter augmenter = new Augmenter(Augmentation.builder(SHAPE).horizontalFlip(1).build());
    float[] image = image(SHAPE, 2);
    float[] flipped = new float[image.length];
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        flipped[y * 28 + x] = image[y * 28 + 27 - x];
      }
    }
    for (long seed = 0; seed < 10; seed++) {
      assertArrayEquals(flipped, apply(augmenter, image, seed));
    }
  }

  @Test
  void aTransformIsAppliedWithItsProbability() {
    Augmenter augmenter = new Augmenter(Augmentation.builder(SHAPE).horizontalFlip(0.3).build());
    float[] image = image(SHAPE, 3);
    int flipped = 0;
    int n = 2000;
    for (long seed = 0; seed < n; seed++) {
      if (!Arrays.equals(image, apply(augmenter, image, seed))) {
        flipped++;
      }
    }
    // Binomial(2000, 0.3): standard deviation 20.5; 4σ ≈ 82.
    assertEquals(600, flipped, 82, "samples flipped out of " + n);
  }

  @Test
  void sameSampleSeedSameBitsAndOtherSeedsDiffer() {
    Augmentation everything = Augmentation.builder(SHAPE).horizontalFlip(0.5).translate(0.8, 2, 2)
        .rotate(0.8, 15).scale(0.8, 0.9, 1.1).stretch(0.5, 0.1).crop(0.5, 26, 26, 2)
        .brightness(0.8, 0.3).contrast(0.8, 0.3).noise(0.8, 0.05).cutout(0.5, 8, 8, 0)
        .clip(0, 1).build();
    float[] image = image(SHAPE, 4);
    float[] first = apply(new Augmenter(everything), image, 77);
    float[] again = apply(new Augmenter(everything), image, 77);
    assertArrayEquals(first, again);
    assertFalse(Arrays.equals(first, apply(new Augmenter(everything), image, 78)));
    for (float v : first) {
      assertTrue(v >= 0 && v <= 1, "clipped to [0, 1]: " + v);
    }
  }

  @Test
  void turningOneTransformOnLeavesTheOthersDrawsAlone() {
    // Each transform has its own random stream: adding noise must not change which samples flip.
    Augmentation flips = Augmentation.builder(SHAPE).horizontalFlip(0.5).build();
    Augmentation flipsAndCutout = flips.toBuilder().cutout(1, 1, 1, 0.5f).build();
    float[] image = image(SHAPE, 5);
    for (long seed = 0; seed < 30; seed++) {
      float[] a = apply(new Augmenter(flips), image, seed);
      float[] b = apply(new Augmenter(flipsAndCutout), image, seed);
      int differing = 0;
      for (int i = 0; i < a.length; i++) {
        differing += a[i] != b[i] ? 1 : 0;
      }
      assertTrue(differing <= 1, "only the one cutout pixel may differ; " + differing + " did");
    }
  }

  @Test
  void brightnessMultipliesByAFactorInItsRange() {
    Augmenter augmenter = new Augmenter(Augmentation.builder(SHAPE).brightness(1, 0.2).build());
    float[] image = image(SHAPE, 6);
    for (long seed = 0; seed < 20; seed++) {
      float[] out = apply(augmenter, image, seed);
      double factor = out[0] / (double) image[0];
      assertTrue(factor >= 0.8 && factor <= 1.2, "factor " + factor);
      double[] expected = new double[image.length];
      double[] actual = new double[image.length];
      for (int i = 0; i < image.length; i++) {
        expected[i] = factor * image[i];
        actual[i] = out[i];
      }
      assertClose("brightness ×" + factor, expected, actual, 1e-6, 1e-6);
    }
  }

  @Test
  void contrastKeepsTheMeanAndScalesTheSpread() {
    Augmenter augmenter = new Augmenter(Augmentation.builder(SHAPE).contrast(1, 0.5).build());
    float[] image = image(SHAPE, 7);
    for (long seed = 0; seed < 20; seed++) {
      float[] out = apply(augmenter, image, seed);
      assertClose("mean", mean(image), mean(out), 1e-6, 1e-5);
      double factor = (out[1] - out[0]) / (double) (image[1] - image[0]);
      assertTrue(factor >= 0.5 && factor <= 1.5, "factor " + factor);
      assertClose("spread", factor * std(image), std(out), 1e-6, 1e-4);
    }
  }

  @Test
  void noiseHasTheConfiguredStandardDeviation() {
    ImageShape big = ImageShape.of(3, 64, 64);
    Augmenter augmenter = new Augmenter(Augmentation.builder(big).noise(1, 0.1).build());
    float[] image = image(big, 8);
    float[] out = apply(augmenter, image, 1);
    float[] difference = new float[image.length];
    for (int i = 0; i < image.length; i++) {
      difference[i] = out[i] - image[i];
    }
    // 12,288 deviates: the standard error of the std is 0.1/√(2·12288) ≈ 6.4e-4.
    assertClose("noise std", 0.1, std(difference), 3e-3, 0);
    assertClose("noise mean", 0, mean(difference), 4e-3, 0);
  }

  @Test
  void cutoutErasesARectangleOfTheConfiguredSize() {
    Augmenter augmenter = new Augmenter(
        Augmentation.builder(SHAPE).cutout(1, 5, 7, -1).build());
    float[] image = image(SHAPE, 9);
    boolean sawWhole = false;
    for (long seed = 0; seed < 40; seed++) {
      float[] out = apply(augmenter, image, seed);
      int minY = 28;
      int maxY = -1;
      int minX = 28;
      int maxX = -1;
      int erased = 0;
      for (int i = 0; i < out.length; i++) {
        if (out[i] == -1) {
          erased++;
          minY = Math.min(minY, i / 28);
          maxY = Math.max(maxY, i / 28);
          minX = Math.min(minX, i % 28);
          maxX = Math.max(maxX, i % 28);
        } else {
          assertEquals(image[i], out[i], "pixels outside the rectangle are unchanged");
        }
      }
      int h = maxY - minY + 1;
      int w = maxX - minX + 1;
      assertEquals(h * w, erased, "the erased pixels form a rectangle");
      assertTrue(h <= 5 && w <= 7 && h >= 3 && w >= 4, h + "×" + w + ", clipped at most to half");
      sawWhole |= h == 5 && w == 7;
    }
    assertTrue(sawWhole, "some rectangle lies wholly inside the image");
  }

  @Test
  void geometricTransformsKeepTheImageWhenTheyAreIdentities() {
    // A crop the size of the image without padding can only land at (0, 0): the image itself.
    Augmenter augmenter = new Augmenter(Augmentation.builder(SHAPE).crop(1, 28, 28, 0).build());
    float[] image = image(SHAPE, 10);
    assertArrayEquals(image, apply(augmenter, image, 3));
  }

  @Test
  void cropWithPaddingIsAWholePixelShift() {
    Augmenter augmenter = new Augmenter(Augmentation.builder(SHAPE).crop(1, 28, 28, 2).build());
    float[] image = image(SHAPE, 11);
    for (long seed = 0; seed < 20; seed++) {
      float[] out = apply(augmenter, image, seed);
      boolean matched = false;
      for (int dy = -2; dy <= 2 && !matched; dy++) {
        for (int dx = -2; dx <= 2 && !matched; dx++) {
          matched = Arrays.equals(out, shifted(image, dy, dx));
        }
      }
      assertTrue(matched, "sample " + seed + " is the image shifted by at most 2 pixels");
    }
  }

  @Test
  void rejectsImagesThatDoNotFit() {
    Augmenter augmenter = new Augmenter(Augmentation.builder(SHAPE).build());
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
        () -> augmenter.apply(new float[784], 0, new float[784], 1, 1));
    assertTrue(e.getMessage().contains("inOffset 1"), e.getMessage());
  }

  /** out(y, x) = in(y − dy, x − dx), 0 where that is outside. */
  private static float[] shifted(float[] image, int dy, int dx) {
    float[] out = new float[image.length];
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        int sy = y - dy;
        int sx = x - dx;
        out[y * 28 + x] = sy >= 0 && sy < 28 && sx >= 0 && sx < 28 ? image[sy * 28 + sx] : 0;
      }
    }
    return out;
  }

  static float[] apply(Augmenter augmenter, float[] image, long seed) {
    float[] out = new float[image.length];
    augmenter.apply(out, 0, image, 0, seed);
    return out;
  }

  static float[] image(ImageShape shape, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] image = new float[shape.size()];
    for (int i = 0; i < image.length; i++) {
      image[i] = (float) random.nextDouble(0.05, 1);
    }
    return image;
  }

  private static double mean(float[] a) {
    double s = 0;
    for (float v : a) {
      s += v;
    }
    return s / a.length;
  }

  private static double std(float[] a) {
    double m = mean(a);
    double s = 0;
    for (float v : a) {
      s += (v - m) * (v - m);
    }
    return Math.sqrt(s / a.length);
  }
}
