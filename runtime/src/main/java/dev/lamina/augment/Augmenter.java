package dev.lamina.augment;

import dev.lamina.nn.Seeds;

/**
 * Applies an {@link Augmentation} to one image at a time. What a sample gets is decided by its
 * sample seed alone ({@link Augmentation#sampleSeed}), and each transform draws from its own
 * stream of that seed, so turning one transform on or off never changes what another does.
 * Holds its scratch buffers: not thread-safe, and allocates nothing per image.
 */
public final class Augmenter {
  // The stream of each transform within a sample's seed; fixed forever (they define the output).
  static final int HORIZONTAL_FLIP = 1;
  static final int VERTICAL_FLIP = 2;
  static final int TRANSLATE = 3;
  static final int ROTATE = 4;
  static final int SCALE = 5;
  static final int STRETCH = 6;
  static final int CROP = 7;
  static final int BRIGHTNESS = 8;
  static final int CONTRAST = 9;
  static final int NOISE = 10;
  static final int CUTOUT = 11;
  static final int MIXUP = 12;

  private final Augmentation augmentation;
  private final ImageShape shape;
  private final Warp warp;
  private final Geometry geometry;
  private final SampleRandom random = new SampleRandom();
  private final float[] map = new float[6];
  private final float[] lanes = new float[Warp.LANES];
  private final int[] indices = new int[Warp.LANES];

  /**
   * An augmenter with its own scratch buffers: one per thread, as it is not thread-safe.
   *
   * @param augmentation what to do to each image
   */
  public Augmenter(Augmentation augmentation) {
    this.augmentation = augmentation;
    this.shape = augmentation.shape();
    this.warp = new Warp(shape);
    this.geometry = new Geometry(shape);
  }

  /** {@return what it does to each image} */
  public Augmentation augmentation() {
    return augmentation;
  }

  /**
   * Writes the augmented version of the image at {@code in[inOffset ..]} to {@code out[outOffset
   * ..]}, as decided by {@code sampleSeed}. The two places must not overlap. Mixup is not applied
   * here: it blends samples of a batch ({@link BatchAugmenter}).
   *
   * @param out where the augmented image goes
   * @param outOffset its first index in {@code out}
   * @param in the image to augment, {@code shape().size()} floats
   * @param inOffset its first index in {@code in}
   * @param sampleSeed the sample's seed ({@link Augmentation#sampleSeed})
   */
  public void apply(float[] out, int outOffset, float[] in, int inOffset, long sampleSeed) {
    int size = shape.size();
    if (outOffset < 0 || outOffset > out.length - size || inOffset < 0
        || inOffset > in.length - size) {
      throw new IndexOutOfBoundsException("an image of " + shape + " = " + size + " floats must fit"
          + " at inOffset " + inOffset + " of " + in.length + " and outOffset " + outOffset
          + " of " + out.length);
    }
    Augmentation a = augmentation;
    if (a.geometric() && drawGeometry(sampleSeed)) {
      geometry.coefficients(map);
      warp.apply(out, outOffset, in, inOffset, map, a.fill);
    } else {
      System.arraycopy(in, inOffset, out, outOffset, size);
    }
    double brightness = 1;
    double contrast = 1;
    if (a.brightnessP > 0 && stream(sampleSeed, BRIGHTNESS).chance(a.brightnessP)) {
      brightness = random.uniform(1 - a.brightnessDelta, 1 + a.brightnessDelta);
    }
    if (a.contrastP > 0 && stream(sampleSeed, CONTRAST).chance(a.contrastP)) {
      contrast = random.uniform(1 - a.contrastDelta, 1 + a.contrastDelta);
    }
    if (brightness != 1 || contrast != 1) {
      // Brightness b then contrast c about the brightened mean b·m: x ↦ c·b·x + b·m·(1 − c).
      double mean = contrast != 1 ? Pixels.mean(out, outOffset, size, lanes) : 0;
      Pixels.scaleShift(out, outOffset, size, (float) (contrast * brightness),
          (float) (brightness * mean * (1 - contrast)));
    }
    if (a.noiseP > 0 && stream(sampleSeed, NOISE).chance(a.noiseP)) {
      PixelNoise.add(out, outOffset, size, (int) random.nextLong(), (float) a.noiseStd, indices);
    }
    if (a.clip) {
      Pixels.clip(out, outOffset, size, a.clipMin, a.clipMax);
    }
    if (a.cutoutP > 0 && stream(sampleSeed, CUTOUT).chance(a.cutoutP)) {
      int top = random.nextInt(shape.height()) - a.cutoutHeight / 2;
      int left = random.nextInt(shape.width()) - a.cutoutWidth / 2;
      Pixels.fillRectangle(out, outOffset, shape, Math.max(0, top),
          Math.min(shape.height(), top + a.cutoutHeight), Math.max(0, left),
          Math.min(shape.width(), left + a.cutoutWidth), a.cutoutValue);
    }
  }

  /** Draws the sample's geometric transforms into {@link #geometry}; false if it got none. */
  private boolean drawGeometry(long sampleSeed) {
    Augmentation a = augmentation;
    geometry.reset();
    if (a.cropP > 0 && stream(sampleSeed, CROP).chance(a.cropP)) {
      int top = -a.cropPadding
          + random.nextInt(shape.height() + 2 * a.cropPadding - a.cropHeight + 1);
      int left = -a.cropPadding
          + random.nextInt(shape.width() + 2 * a.cropPadding - a.cropWidth + 1);
      geometry.crop(top, left, a.cropHeight, a.cropWidth);
    }
    double radians = 0;
    double scale = 1;
    double stretchX = 1;
    double stretchY = 1;
    double shiftX = 0;
    double shiftY = 0;
    if (a.rotateP > 0 && stream(sampleSeed, ROTATE).chance(a.rotateP)) {
      radians = Math.toRadians(random.uniform(-a.rotateDegrees, a.rotateDegrees));
    }
    if (a.scaleP > 0 && stream(sampleSeed, SCALE).chance(a.scaleP)) {
      scale = random.uniform(a.scaleMin, a.scaleMax);
    }
    if (a.stretchP > 0 && stream(sampleSeed, STRETCH).chance(a.stretchP)) {
      stretchX = random.uniform(1 - a.stretchAmount, 1 + a.stretchAmount);
      stretchY = random.uniform(1 - a.stretchAmount, 1 + a.stretchAmount);
    }
    if (a.translateP > 0 && stream(sampleSeed, TRANSLATE).chance(a.translateP)) {
      shiftX = random.uniform(-a.translateX, a.translateX);
      shiftY = random.uniform(-a.translateY, a.translateY);
    }
    if (radians != 0 || scale != 1 || stretchX != 1 || stretchY != 1 || shiftX != 0
        || shiftY != 0) {
      geometry.affine(radians, scale * stretchX, scale * stretchY, shiftX, shiftY);
    }
    boolean horizontal = a.horizontalFlip > 0
        && stream(sampleSeed, HORIZONTAL_FLIP).chance(a.horizontalFlip);
    boolean vertical = a.verticalFlip > 0
        && stream(sampleSeed, VERTICAL_FLIP).chance(a.verticalFlip);
    if (horizontal || vertical) {
      geometry.flip(horizontal, vertical);
    }
    return !geometry.isIdentity();
  }

  /** The shared random stream, reset to transform {@code id}'s stream of the sample. */
  private SampleRandom stream(long sampleSeed, int id) {
    return random.reset(Seeds.derive(sampleSeed, id));
  }
}
