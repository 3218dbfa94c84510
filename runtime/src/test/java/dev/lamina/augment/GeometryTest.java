package dev.lamina.augment;

import static dev.lamina.testing.NumericAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Each geometric transform against hand-computed outputs on tiny images; every case also checks
 * that the vector kernel gives the scalar reference's bits.
 */
class GeometryTest {
  /** 1 channel, 3 rows, 4 columns: pixel (y, x) = 10·y + x + 1, so 0 can mark fill. */
  private static final ImageShape SHAPE = ImageShape.of(1, 3, 4);
  private static final float[] IMAGE = {
    1, 2, 3, 4,
    11, 12, 13, 14,
    21, 22, 23, 24};

  @Test
  void horizontalFlipMirrorsEveryRow() {
    float[] out = warp(SHAPE, IMAGE, geometry(SHAPE).flip(true, false), -1);
    assertArrayEquals(new float[] {
      4, 3, 2, 1,
      14, 13, 12, 11,
      24, 23, 22, 21}, out);
  }

  @Test
  void verticalFlipReversesTheRows() {
    float[] out = warp(SHAPE, IMAGE, geometry(SHAPE).flip(false, true), -1);
    assertArrayEquals(new float[] {
      21, 22, 23, 24,
      11, 12, 13, 14,
      1, 2, 3, 4}, out);
  }

  @Test
  void flipsApplyToEveryChannel() {
    ImageShape two = ImageShape.of(2, 1, 3);
    float[] out = warp(two, new float[] {1, 2, 3, 4, 5, 6}, geometry(two).flip(true, false), 0);
    assertArrayEquals(new float[] {3, 2, 1, 6, 5, 4}, out);
  }

  @Test
  void quarterTurnIsTheTransposeWithRowsReversed() {
    ImageShape square = ImageShape.of(1, 4, 4);
    float[] image = new float[16];
    for (int i = 0; i < 16; i++) {
      image[i] = i + 1;
    }
    // Clockwise on screen (y down): out(y, x) = in(3 − x, y), i.e. the transpose with each row
    // reversed — the first row of the result is the first column read bottom to top.
    float[] expected = new float[16];
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 4; x++) {
        expected[y * 4 + x] = image[(3 - x) * 4 + y];
      }
    }
    float[] out = warp(square, image, geometry(square).affine(Math.PI / 2, 1, 1, 0, 0), 0);
    assertClose("90° rotation", expected, out, 1e-5, 0);
    // A quarter turn the other way is the transpose with the columns reversed; a half turn is
    // both flips.
    float[] back = warp(square, image, geometry(square).affine(-Math.PI / 2, 1, 1, 0, 0), 0);
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 4; x++) {
        expected[y * 4 + x] = image[x * 4 + (3 - y)];
      }
    }
    assertClose("−90° rotation", expected, back, 1e-5, 0);
    float[] half = warp(square, image, geometry(square).affine(Math.PI, 1, 1, 0, 0), 0);
    float[] flipped = warp(square, image, geometry(square).flip(true, true), 0);
    assertClose("180° rotation", flipped, half, 1e-5, 0);
  }

  @Test
  void wholePixelTranslationShiftsAndFills() {
    // Right by 1, up by 1: the left column and the bottom row are uncovered.
    float[] out = warp(SHAPE, IMAGE, geometry(SHAPE).affine(0, 1, 1, 1, -1), -7);
    assertArrayEquals(new float[] {
      -7, 11, 12, 13,
      -7, 21, 22, 23,
      -7, -7, -7, -7}, out);
    // Left by 2: the two right columns are fill.
    float[] left = warp(SHAPE, IMAGE, geometry(SHAPE).affine(0, 1, 1, -2, 0), 0);
    assertArrayEquals(new float[] {
      3, 4, 0, 0,
      13, 14, 0, 0,
      23, 24, 0, 0}, left);
  }

  @Test
  void halfPixelTranslationInterpolatesWithTheFill() {
    // Right by 0.5: each pixel is the mean of itself and its left neighbour; the first column
    // blends the fill (0) with the pixel.
    float[] out = warp(SHAPE, IMAGE, geometry(SHAPE).affine(0, 1, 1, 0.5, 0), 0);
    assertClose("half-pixel shift", new float[] {
      0.5f, 1.5f, 2.5f, 3.5f,
      5.5f, 11.5f, 12.5f, 13.5f,
      10.5f, 21.5f, 22.5f, 23.5f}, out, 1e-6, 0);
  }

  @Test
  void scalingAboutTheCentreInterpolatesBilinearly() {
    // A 1×4 row stretched ×2 about its centre 1.5: output x samples 1.5 + (x − 1.5)/2, i.e.
    // 0.75, 1.25, 1.75, 2.25 → 1.75, 2.25, 2.75, 3.25 for the row 1, 2, 3, 4.
    ImageShape row = ImageShape.of(1, 1, 4);
    float[] out = warp(row, new float[] {1, 2, 3, 4}, geometry(row).affine(0, 2, 1, 0, 0), 0);
    assertClose("×2", new float[] {1.75f, 2.25f, 2.75f, 3.25f}, out, 1e-6, 0);
    // Shrunk ×0.5: x samples 1.5 + 2(x − 1.5) = −1.5, 0.5, 2.5, 4.5; the ends fall outside
    // (−1.5 blends fill with fill, 4.5 likewise), the middle two are the means 1.5 and 3.5.
    float[] small = warp(row, new float[] {1, 2, 3, 4}, geometry(row).affine(0, 0.5, 1, 0, 0), 0);
    assertClose("×0.5", new float[] {0, 1.5f, 3.5f, 0}, small, 1e-6, 0);
  }

  @Test
  void cropOfTheImageSizeIsAShiftIntoThePadding() {
    // Pad by 1, take the 3×4 window at (top −1, left 1): row −1 is padding.
    float[] out = warp(SHAPE, IMAGE, geometry(SHAPE).crop(-1, 1, 3, 4), 9);
    assertArrayEquals(new float[] {
      9, 9, 9, 9,
      2, 3, 4, 9,
      12, 13, 14, 9}, out);
  }

  @Test
  void smallerCropIsResizedToTheImage() {
    // The 1×2 window at (0, 1) of a 1×4 row (values 2, 3), resized to 4 wide: output x samples
    // 1 + (x + 0.5)·0.5 − 0.5 = 0.75, 1.25, 1.75, 2.25 → 1.75, 2.25, 2.75, 3.25.
    ImageShape row = ImageShape.of(1, 1, 4);
    float[] out = warp(row, new float[] {1, 2, 3, 4}, geometry(row).crop(0, 1, 1, 2), 0);
    assertClose("crop 1×2 resized", new float[] {1.75f, 2.25f, 2.75f, 3.25f}, out, 1e-6, 0);
  }

  @Test
  void transformsComposeInTheImagesOrder() {
    // Flip first, then shift right by 1: the flipped row 4 3 2 1 becomes fill 4 3 2.
    ImageShape row = ImageShape.of(1, 1, 4);
    float[] out = warp(row, new float[] {1, 2, 3, 4},
        geometry(row).affine(0, 1, 1, 1, 0).flip(true, false), 0);
    assertArrayEquals(new float[] {0, 4, 3, 2}, out);
  }

  @Test
  void vectorKernelMatchesTheScalarReferenceBitForBit() {
    SplittableRandom random = new SplittableRandom(3);
    for (ImageShape shape : new ImageShape[] {ImageShape.of(1, 28, 28), ImageShape.of(3, 32, 32),
        ImageShape.of(2, 5, 7), ImageShape.of(1, 1, 1)}) {
      float[] image = new float[shape.size()];
      for (int i = 0; i < image.length; i++) {
        image[i] = (float) random.nextDouble();
      }
      for (int trial = 0; trial < 20; trial++) {
        Geometry g = geometry(shape)
            .crop(random.nextInt(-2, 3), random.nextInt(-2, 3), shape.height(), shape.width())
            .affine(random.nextDouble(-1, 1), random.nextDouble(0.5, 1.5),
                random.nextDouble(0.5, 1.5), random.nextDouble(-3, 3), random.nextDouble(-3, 3))
            .flip(random.nextBoolean(), random.nextBoolean());
        warp(shape, image, g, (float) random.nextDouble());
      }
    }
  }

  @Test
  void wholePixelShortcutMatchesTheInterpolation() {
    // Flips and whole-pixel crops copy rows instead of interpolating; shifts up to beyond the
    // image, in every combination, must give what the interpolation gives.
    SplittableRandom random = new SplittableRandom(4);
    for (ImageShape shape : new ImageShape[] {ImageShape.of(1, 28, 28), ImageShape.of(3, 5, 7)}) {
      float[] image = new float[shape.size()];
      for (int i = 0; i < image.length; i++) {
        image[i] = (float) random.nextDouble(0.1, 1);
      }
      for (int trial = 0; trial < 60; trial++) {
        int top = random.nextInt(-shape.height() - 2, shape.height() + 3);
        int left = random.nextInt(-shape.width() - 2, shape.width() + 3);
        Geometry g = geometry(shape).crop(top, left, shape.height(), shape.width())
            .flip(random.nextBoolean(), random.nextBoolean());
        warp(shape, image, g, 0.5f);
      }
    }
  }

  @Test
  void identityMapIsRecognized() {
    assertTrue(geometry(SHAPE).isIdentity());
    assertTrue(geometry(SHAPE).crop(0, 0, 3, 4).isIdentity());
    assertTrue(geometry(SHAPE).flip(true, false).flip(true, false).isIdentity());
  }

  private static Geometry geometry(ImageShape shape) {
    return new Geometry(shape);
  }

  /** Warps with the vector kernel, checks the scalar reference gives the same bits, returns it. */
  static float[] warp(ImageShape shape, float[] image, Geometry g, float fill) {
    float[] map = new float[6];
    g.coefficients(map);
    float[] vector = new float[shape.size() + 3];
    float[] scalar = new float[shape.size() + 3];
    float[] input = new float[shape.size() + 5];
    System.arraycopy(image, 0, input, 5, shape.size());
    new Warp(shape).apply(vector, 3, input, 5, map, fill);
    Warp.reference(scalar, 3, input, 5, shape, map, fill);
    assertClose("vector kernel vs scalar reference, " + shape, scalar, vector, 0, 0);
    return java.util.Arrays.copyOfRange(vector, 3, vector.length);
  }
}
