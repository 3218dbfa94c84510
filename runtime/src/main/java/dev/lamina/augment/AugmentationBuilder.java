package dev.lamina.augment;

/**
 * The settings of an {@link Augmentation}. Every transform starts off (probability 0); each
 * setter takes the probability that a sample gets the transform, then the range its amount is
 * drawn from, and rejects impossible values with a message naming the argument, the value and
 * the fix. Sensible ranges are given for 28×28 and 32×32 images with pixels in [0, 1].
 */
public final class AugmentationBuilder {
  final ImageShape shape;
  double horizontalFlip;
  double verticalFlip;
  double translateP;
  double translateX;
  double translateY;
  double rotateP;
  double rotateDegrees;
  double scaleP;
  double scaleMin = 1;
  double scaleMax = 1;
  double stretchP;
  double stretchAmount;
  double cropP;
  int cropHeight;
  int cropWidth;
  int cropPadding;
  double cutoutP;
  int cutoutHeight;
  int cutoutWidth;
  float cutoutValue;
  double noiseP;
  double noiseStd;
  double brightnessP;
  double brightnessDelta;
  double contrastP;
  double contrastDelta;
  double mixupP;
  double mixupAlpha;
  float fill;
  boolean clip;
  float clipMin;
  float clipMax;
  int prefetch = 4;

  AugmentationBuilder(ImageShape shape) {
    this.shape = shape;
    cropHeight = shape.height();
    cropWidth = shape.width();
  }

  AugmentationBuilder(Augmentation a) {
    shape = a.shape;
    horizontalFlip = a.horizontalFlip;
    verticalFlip = a.verticalFlip;
    translateP = a.translateP;
    translateX = a.translateX;
    translateY = a.translateY;
    rotateP = a.rotateP;
    rotateDegrees = a.rotateDegrees;
    scaleP = a.scaleP;
    scaleMin = a.scaleMin;
    scaleMax = a.scaleMax;
    stretchP = a.stretchP;
    stretchAmount = a.stretchAmount;
    cropP = a.cropP;
    cropHeight = a.cropHeight;
    cropWidth = a.cropWidth;
    cropPadding = a.cropPadding;
    cutoutP = a.cutoutP;
    cutoutHeight = a.cutoutHeight;
    cutoutWidth = a.cutoutWidth;
    cutoutValue = a.cutoutValue;
    noiseP = a.noiseP;
    noiseStd = a.noiseStd;
    brightnessP = a.brightnessP;
    brightnessDelta = a.brightnessDelta;
    contrastP = a.contrastP;
    contrastDelta = a.contrastDelta;
    mixupP = a.mixupP;
    mixupAlpha = a.mixupAlpha;
    fill = a.fill;
    clip = a.clip;
    clipMin = a.clipMin;
    clipMax = a.clipMax;
    prefetch = a.prefetch;
  }

  /**
   * Mirrors left and right with probability {@code p}. Sensible: 0.5 for clothing and natural
   * images; never for text and digits, whose mirror image is another symbol or none.
   *
   * @param p the probability of applying it to a sample, in [0, 1]
   * @return this builder
   */
  public AugmentationBuilder horizontalFlip(double p) {
    horizontalFlip = probability("horizontalFlip", p);
    return this;
  }

  /**
   * Turns upside down with probability {@code p}. Only for images without an up (satellite,
   * microscopy); a shoe or a 6 upside down is not the same class.
   *
   * @param p the probability of applying it to a sample, in [0, 1]
   * @return this builder
   */
  public AugmentationBuilder verticalFlip(double p) {
    verticalFlip = probability("verticalFlip", p);
    return this;
  }

  /**
   * Shifts by a uniform amount in [−maxX, maxX] × [−maxY, maxY] pixels (fractions are resampled
   * bilinearly); uncovered pixels take the {@link #fill}. Sensible: up to 10% of the size, 1–3
   * pixels on 28×28 (1 for an MLP, which is not translation-invariant).
   *
   * @param p the probability of applying it to a sample, in [0, 1]
   * @param maxX the largest horizontal shift, in pixels, ≥ 0
   * @param maxY the largest vertical shift, in pixels, ≥ 0
   * @return this builder
   */
  public AugmentationBuilder translate(double p, double maxX, double maxY) {
    translateP = probability("translate", p);
    translateX = range("translate", "maxX", maxX, 0, shape.width(), false,
        "a shift of the whole width leaves only fill; e.g. 2 on a " + shape.width() + "-pixel-wide image");
    translateY = range("translate", "maxY", maxY, 0, shape.height(), false,
        "a shift of the whole height leaves only fill; e.g. 2 on a " + shape.height() + "-pixel-high image");
    return this;
  }

  /**
   * Turns about the centre by a uniform angle in [−maxDegrees, maxDegrees]. Sensible: 10–15°;
   * large angles change classes that depend on orientation (6 and 9).
   *
   * @param p the probability of applying it to a sample, in [0, 1]
   * @param maxDegrees the largest angle, in degrees, ≥ 0
   * @return this builder
   */
  public AugmentationBuilder rotate(double p, double maxDegrees) {
    rotateP = probability("rotate", p);
    rotateDegrees = range("rotate", "maxDegrees", maxDegrees, 0, 180, true, "e.g. 10");
    return this;
  }

  /**
   * Zooms about the centre by a uniform factor in [min, max]. Sensible: 0.9–1.1.
   *
   * @param p the probability of applying it to a sample, in [0, 1]
   * @param min the smallest factor, > 0
   * @param max the largest factor, ≥ {@code min}
   * @return this builder
   */
  public AugmentationBuilder scale(double p, double min, double max) {
    scaleP = probability("scale", p);
    scaleMin = range("scale", "min", min, 0, 10, true, "a factor; e.g. 0.9");
    if (!(min > 0)) {
      throw new IllegalArgumentException(
          "scale: min must be > 0, got " + min + "; it is a zoom factor, e.g. 0.9");
    }
    scaleMax = range("scale", "max", max, 0, 10, true, "a factor; e.g. 1.1");
    if (max < min) {
      throw new IllegalArgumentException("scale: max must be ≥ min (" + min + "), got " + max
          + "; the factor is drawn from [min, max], e.g. [0.9, 1.1]");
    }
    return this;
  }

  /**
   * Changes width and height independently, each by a factor in [1 − amount, 1 + amount], so the
   * aspect ratio changes. Sensible: 0.05–0.15.
   *
   * @param p the probability of applying it to a sample, in [0, 1]
   * @param amount the largest relative change of each side, in [0, 1)
   * @return this builder
   */
  public AugmentationBuilder stretch(double p, double amount) {
    stretchP = probability("stretch", p);
    stretchAmount = range("stretch", "amount", amount, 0, 1, false, "e.g. 0.1");
    return this;
  }

  /**
   * Pads the image by {@code padding} pixels of {@link #fill} on every side and cuts out a
   * {@code height × width} window at a uniformly random place, resized back to the image's size
   * (exactly a shift when the window has the image's size). Sensible: the image's size with
   * padding 4 on 32×32 and 1–3 on 28×28, or a window of 80–90% of the image and no padding.
   *
   * @param p the probability of applying it to a sample, in [0, 1]
   * @param height the window's height in pixels, in [1, image height + 2·padding]
   * @param width the window's width in pixels, in [1, image width + 2·padding]
   * @param padding the pixels added on every side, ≥ 0
   * @return this builder
   */
  public AugmentationBuilder crop(double p, int height, int width, int padding) {
    cropP = probability("crop", p);
    if (padding < 0) {
      throw new IllegalArgumentException(
          "crop: padding must be ≥ 0, got " + padding + "; e.g. 4 on 32×32 images");
    }
    cropHeight = window("crop", "height", height, shape.height() + 2 * padding,
        "the padded height " + shape.height() + " + 2 × " + padding);
    cropWidth = window("crop", "width", width, shape.width() + 2 * padding,
        "the padded width " + shape.width() + " + 2 × " + padding);
    cropPadding = padding;
    return this;
  }

  /**
   * Sets a {@code height × width} rectangle, centred at a uniformly random pixel and clipped at
   * the border, to {@code value} in every channel (cutout, random erasing). Sensible: about a
   * quarter of each side, 8×8 on 28×28 and 32×32, value 0 (or the data's mean).
   *
   * @param p the probability of applying it to a sample, in [0, 1]
   * @param height the rectangle's height in pixels, > 0
   * @param width the rectangle's width in pixels, > 0
   * @param value the value written, in the data's units
   * @return this builder
   */
  public AugmentationBuilder cutout(double p, int height, int width, float value) {
    cutoutP = probability("cutout", p);
    cutoutHeight = window("cutout", "height", height, shape.height(), "the image height");
    cutoutWidth = window("cutout", "width", width, shape.width(), "the image width");
    cutoutValue = finite("cutout", "value", value);
    return this;
  }

  /**
   * Adds independent Gaussian noise of standard deviation {@code std} to every pixel. Sensible
   * for pixels in [0, 1]: 0.01–0.1.
   *
   * @param p the probability of applying it to a sample, in [0, 1]
   * @param std the noise's standard deviation, in the data's units, ≥ 0
   * @return this builder
   */
  public AugmentationBuilder noise(double p, double std) {
    noiseP = probability("noise", p);
    noiseStd = range("noise", "std", std, 0, Double.MAX_VALUE, true, "e.g. 0.05 for pixels in [0, 1]");
    return this;
  }

  /**
   * Multiplies every pixel by a factor in [1 − delta, 1 + delta]. Sensible: 0.1–0.3.
   *
   * @param p the probability of applying it to a sample, in [0, 1]
   * @param delta the largest relative change, in [0, 1]
   * @return this builder
   */
  public AugmentationBuilder brightness(double p, double delta) {
    brightnessP = probability("brightness", p);
    brightnessDelta = range("brightness", "delta", delta, 0, 1, true, "e.g. 0.2");
    return this;
  }

  /**
   * Scales every pixel's distance from the image's mean by a factor in [1 − delta, 1 + delta].
   * Sensible: 0.1–0.3.
   *
   * @param p the probability of applying it to a sample, in [0, 1]
   * @param delta the largest relative change, in [0, 1]
   * @return this builder
   */
  public AugmentationBuilder contrast(double p, double delta) {
    contrastP = probability("contrast", p);
    contrastDelta = range("contrast", "delta", delta, 0, 1, true, "e.g. 0.2");
    return this;
  }

  /**
   * Mixup (Zhang et al., 2018): blends a sample with another sample of its batch, λ·x + (1 − λ)·x′
   * with λ ~ Beta(alpha, alpha), and trains it on the blended labels λ·y + (1 − λ)·y′ (λ ≥ 1/2: the
   * sample's own class dominates). Sensible: alpha 0.2–0.4. Batches with blended samples carry
   * soft labels; the loss receives them through {@link AugmentedBatch#targets()}.
   *
   * @param p the probability that a sample is blended, in [0, 1]
   * @param alpha the Beta distribution's parameter, > 0; small values keep λ near 1
   * @return this builder
   */
  public AugmentationBuilder mixup(double p, double alpha) {
    mixupP = probability("mixup", p);
    if (!(alpha > 0 && alpha < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "mixup: alpha must be > 0 and finite, got " + alpha + "; e.g. 0.2");
    }
    mixupAlpha = alpha;
    return this;
  }

  /**
   * The value of pixels uncovered by a geometric transform or crop padding. Default: 0.
   *
   * @param value the value, in the data's units
   * @return this builder
   */
  public AugmentationBuilder fill(float value) {
    fill = finite("fill", "value", value);
    return this;
  }

  /**
   * Clips every pixel to [min, max] after brightness, contrast and noise (the data's range, e.g.
   * [0, 1]). Default: no clipping.
   *
   * @param min the lowest value kept
   * @param max the highest value kept, above {@code min}
   * @return this builder
   */
  public AugmentationBuilder clip(float min, float max) {
    finite("clip", "min", min);
    finite("clip", "max", max);
    if (!(min < max)) {
      throw new IllegalArgumentException(
          "clip: min must be < max, got [" + min + ", " + max + "]; e.g. clip(0, 1)");
    }
    clip = true;
    clipMin = min;
    clipMax = max;
    return this;
  }

  /**
   * Batches prepared ahead of the training step, on another thread. Default: 4.
   *
   * @param batches how many batches, > 0
   * @return this builder
   */
  public AugmentationBuilder prefetch(int batches) {
    if (batches <= 0) {
      throw new IllegalArgumentException(
          "prefetch: batches must be > 0, got " + batches + "; e.g. 4");
    }
    prefetch = batches;
    return this;
  }

  /** {@return the augmentation with these settings} */
  public Augmentation build() {
    return new Augmentation(this);
  }

  private static double probability(String transform, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(transform + ": probability must be in [0, 1], got " + p
          + "; it is the chance that a sample gets the transform, e.g. 0.5 (0 turns it off)");
    }
    return p;
  }

  /** A value in [low, high] ({@code closed}) or [low, high). */
  private static double range(String transform, String name, double value, double low,
      double high, boolean closed, String hint) {
    boolean ok = value >= low && (closed ? value <= high : value < high);
    if (!ok) {
      String interval = "[" + fmt(low) + ", " + (high == Double.MAX_VALUE ? "∞" : fmt(high))
          + (closed ? "]" : ")");
      throw new IllegalArgumentException(transform + ": " + name + " must be in " + interval
          + ", got " + value + "; " + hint);
    }
    return value;
  }

  private static int window(String transform, String name, int value, int max, String what) {
    if (value <= 0 || value > max) {
      throw new IllegalArgumentException(transform + ": " + name + " must be in [1, " + max
          + "] (" + what + "), got " + value + "; it cannot be larger than the image");
    }
    return value;
  }

  private static float finite(String transform, String name, float value) {
    if (!Float.isFinite(value)) {
      throw new IllegalArgumentException(
          transform + ": " + name + " must be finite, got " + value + "; e.g. 0");
    }
    return value;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
