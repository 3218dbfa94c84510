package dev.lamina.augment;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What to do to each training image: a set of random transforms, each with the probability that
 * a sample gets it and the range its amount is drawn from. Every transform is off until it is
 * configured: whether a transform keeps the class is the user's call (a vertical flip of a shoe
 * is not a shoe; a half turn makes a 6 a 9).
 *
 * <p>A sample goes through, in this order: the geometric transforms (flips, rotation, scaling,
 * stretching, translation, crop), composed into one affine map and resampled once with bilinear
 * interpolation; brightness and contrast; Gaussian noise; clipping; cutout. Mixup then blends
 * whole samples of a batch and gives them soft labels. Everything a sample draws comes from
 * (seed, epoch, position in the epoch), so the same seed gives the same batches on any thread.
 *
 * <pre>{@code
 * Augmentation augmentation = Augmentation.builder(ImageShape.of(1, 28, 28))
 *     .horizontalFlip(0.5)
 *     .rotate(0.5, 10)
 *     .translate(0.5, 2, 2)
 *     .build();
 * }</pre>
 *
 * <p>An augmentation is a value: equal when its settings are, and serializable, so that an
 * ensemble member on a cluster augments exactly as one in this JVM does. The serialized form is
 * for JVMs running the same Lamina version (cluster members), not a format to keep.
 *
 * @serial exclude
 */
public final class Augmentation implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  final ImageShape shape;
  final double horizontalFlip;
  final double verticalFlip;
  final double translateP;
  final double translateX;
  final double translateY;
  final double rotateP;
  final double rotateDegrees;
  final double scaleP;
  final double scaleMin;
  final double scaleMax;
  final double stretchP;
  final double stretchAmount;
  final double cropP;
  final int cropHeight;
  final int cropWidth;
  final int cropPadding;
  final double cutoutP;
  final int cutoutHeight;
  final int cutoutWidth;
  final float cutoutValue;
  final double noiseP;
  final double noiseStd;
  final double brightnessP;
  final double brightnessDelta;
  final double contrastP;
  final double contrastDelta;
  final double mixupP;
  final double mixupAlpha;
  final float fill;
  final boolean clip;
  final float clipMin;
  final float clipMax;
  final int prefetch;

  Augmentation(AugmentationBuilder b) {
    shape = b.shape;
    horizontalFlip = b.horizontalFlip;
    verticalFlip = b.verticalFlip;
    translateP = b.translateP;
    translateX = b.translateX;
    translateY = b.translateY;
    rotateP = b.rotateP;
    rotateDegrees = b.rotateDegrees;
    scaleP = b.scaleP;
    scaleMin = b.scaleMin;
    scaleMax = b.scaleMax;
    stretchP = b.stretchP;
    stretchAmount = b.stretchAmount;
    cropP = b.cropP;
    cropHeight = b.cropHeight;
    cropWidth = b.cropWidth;
    cropPadding = b.cropPadding;
    cutoutP = b.cutoutP;
    cutoutHeight = b.cutoutHeight;
    cutoutWidth = b.cutoutWidth;
    cutoutValue = b.cutoutValue;
    noiseP = b.noiseP;
    noiseStd = b.noiseStd;
    brightnessP = b.brightnessP;
    brightnessDelta = b.brightnessDelta;
    contrastP = b.contrastP;
    contrastDelta = b.contrastDelta;
    mixupP = b.mixupP;
    mixupAlpha = b.mixupAlpha;
    fill = b.fill;
    clip = b.clip;
    clipMin = b.clipMin;
    clipMax = b.clipMax;
    prefetch = b.prefetch;
  }

  /**
   * A builder for images of {@code shape} with every transform off.
   *
   * @param shape the shape of every sample the augmentation receives
   * @return the builder
   */
  public static AugmentationBuilder builder(ImageShape shape) {
    if (shape == null) {
      throw new IllegalArgumentException("shape must not be null; e.g. ImageShape.of(1, 28, 28)");
    }
    return new AugmentationBuilder(shape);
  }

  /**
   * A builder holding these settings, to change some of them.
   *
   * @return a builder with these settings
   */
  public AugmentationBuilder toBuilder() {
    return new AugmentationBuilder(this);
  }

  /** {@return the shape of the images it augments} */
  public ImageShape shape() {
    return shape;
  }

  /** Whether any transform may move pixels (flip, translate, rotate, scale, stretch, crop). */
  boolean geometric() {
    return horizontalFlip > 0 || verticalFlip > 0 || translateP > 0 || rotateP > 0 || scaleP > 0
        || stretchP > 0 || cropP > 0;
  }

  /**
   * Whether mixup may blend samples, so that a batch may carry soft labels.
   *
   * @return true when mixup's probability is above 0
   */
  public boolean mixes() {
    return mixupP > 0;
  }

  /**
   * Whether every transform is off: augmented batches are then the plain samples.
   *
   * @return true when no transform can change a sample
   */
  public boolean isIdentity() {
    return !geometric() && cutoutP == 0 && noiseP == 0 && brightnessP == 0 && contrastP == 0
        && mixupP == 0 && !clip;
  }

  /**
   * Batches prepared ahead of the training step.
   *
   * @return the number of batches, > 0
   */
  public int prefetch() {
    return prefetch;
  }

  /**
   * The seed of one sample's random choices: a function of (seed, epoch, position) only.
   *
   * @param seed the run's augmentation seed
   * @param epoch the epoch, from 1
   * @param position the sample's position in the epoch's order, from 0
   * @return the seed of that sample's draws
   */
  public static long sampleSeed(long seed, int epoch, long position) {
    return dev.lamina.nn.Seeds.derive(dev.lamina.nn.Seeds.derive(seed, epoch), position);
  }

  /** Two augmentations are equal when every setting is. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Augmentation a && Arrays.equals(settings(), a.settings());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(settings());
  }

  private Object[] settings() {
    return new Object[] {
      shape, horizontalFlip, verticalFlip, translateP, translateX, translateY, rotateP,
      rotateDegrees, scaleP, scaleMin, scaleMax, stretchP, stretchAmount, cropP, cropHeight,
      cropWidth, cropPadding, cutoutP, cutoutHeight, cutoutWidth, cutoutValue, noiseP, noiseStd,
      brightnessP, brightnessDelta, contrastP, contrastDelta, mixupP, mixupAlpha, fill, clip,
      clipMin, clipMax, prefetch
    };
  }

  /** The configured transforms, e.g. {@code "horizontal flip p=0.5, rotate ±10° p=0.5"}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    add(parts, horizontalFlip, "horizontal flip");
    add(parts, verticalFlip, "vertical flip");
    add(parts, translateP, f("translate ±%s×±%s px", translateX, translateY));
    add(parts, rotateP, f("rotate ±%s°", rotateDegrees));
    add(parts, scaleP, f("scale %s–%s", scaleMin, scaleMax));
    add(parts, stretchP, f("stretch ±%s", stretchAmount));
    add(parts, cropP, f("crop %d×%d of padded +%d", cropHeight, cropWidth, cropPadding));
    add(parts, brightnessP, f("brightness ×(1±%s)", brightnessDelta));
    add(parts, contrastP, f("contrast ×(1±%s)", contrastDelta));
    add(parts, noiseP, f("noise σ=%s", noiseStd));
    add(parts, cutoutP, f("cutout %d×%d", cutoutHeight, cutoutWidth));
    add(parts, mixupP, f("mixup α=%s", mixupAlpha));
    if (clip) {
      parts.add(f("clip [%s, %s]", clipMin, clipMax));
    }
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  private static void add(List<String> parts, double p, String what) {
    if (p > 0) {
      parts.add(what + f(" p=%s", p));
    }
  }

  private static String f(String format, Object... args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i] instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e9) {
        args[i] = Long.toString(d.longValue());
      } else if (args[i] instanceof Number n && !(args[i] instanceof Integer)) {
        String text = String.format(Locale.ROOT, "%.3g", n.doubleValue());
        args[i] = text.contains(".") && !text.contains("e") ? text.replaceAll("\\.?0+$", "") : text;
      }
    }
    return String.format(Locale.ROOT, format.replace("%d", "%s"), args);
  }
}
