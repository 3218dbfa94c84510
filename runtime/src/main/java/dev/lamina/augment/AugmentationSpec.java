package dev.lamina.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Augmentations written as compact text, for command lines and reports: comma-separated items
 * {@code name=probability:arguments}, each the {@link AugmentationBuilder} method of that name.
 *
 * <pre>
 * hflip=P  vflip=P  translate=P:MAXX:MAXY  rotate=P:DEGREES  scale=P:MIN:MAX  stretch=P:AMOUNT
 * crop=P:HEIGHT:WIDTH:PADDING  cutout=P:HEIGHT:WIDTH[:VALUE]  noise=P:STD  brightness=P:DELTA
 * contrast=P:DELTA  mixup=P:ALPHA  fill=VALUE  clip=MIN:MAX  prefetch=BATCHES
 * </pre>
 *
 * e.g. {@code hflip=0.5,rotate=0.5:10,crop=1:28:28:2}. "none" (or an empty text) is no transform.
 */
public final class AugmentationSpec {
  private AugmentationSpec() {}

  /**
   * The augmentation {@code spec} describes, for images of {@code shape}.
   *
   * @param spec the text, as the class comment shows it; "none" or empty for no transform
   * @param shape the shape of the images
   * @return the augmentation
   * @throws IllegalArgumentException for an unknown name, a wrong number of arguments or a value
   *     out of range, naming the item
   */
  public static Augmentation parse(String spec, ImageShape shape) {
    AugmentationBuilder b = Augmentation.builder(shape);
    String text = spec.strip();
    if (text.isEmpty() || text.equals("none")) {
      return b.build();
    }
    for (String item : text.split(",")) {
      String[] nameValue = item.strip().split("=", 2);
      if (nameValue.length != 2) {
        throw new IllegalArgumentException("augmentation item '" + item.strip()
            + "' must be name=values, e.g. rotate=0.5:10");
      }
      String name = nameValue[0].strip();
      double[] v = numbers(item.strip(), nameValue[1]);
      switch (name) {
        case "hflip" -> b.horizontalFlip(arity(item, v, 1)[0]);
        case "vflip" -> b.verticalFlip(arity(item, v, 1)[0]);
        case "translate" -> b.translate(arity(item, v, 3)[0], v[1], v[2]);
        case "rotate" -> b.rotate(arity(item, v, 2)[0], v[1]);
        case "scale" -> b.scale(arity(item, v, 3)[0], v[1], v[2]);
        case "stretch" -> b.stretch(arity(item, v, 2)[0], v[1]);
        case "crop" -> b.crop(arity(item, v, 4)[0], integer(item, v[1]), integer(item, v[2]),
            integer(item, v[3]));
        case "cutout" -> {
          if (v.length == 3) {
            v = new double[] {v[0], v[1], v[2], 0};
          }
          b.cutout(arity(item, v, 4)[0], integer(item, v[1]), integer(item, v[2]), (float) v[3]);
        }
        case "noise" -> b.noise(arity(item, v, 2)[0], v[1]);
        case "brightness" -> b.brightness(arity(item, v, 2)[0], v[1]);
        case "contrast" -> b.contrast(arity(item, v, 2)[0], v[1]);
        case "mixup" -> b.mixup(arity(item, v, 2)[0], v[1]);
        case "fill" -> b.fill((float) arity(item, v, 1)[0]);
        case "clip" -> b.clip((float) arity(item, v, 2)[0], (float) v[1]);
        case "prefetch" -> b.prefetch(integer(item, arity(item, v, 1)[0]));
        default -> throw new IllegalArgumentException("unknown augmentation '" + name + "' in '"
            + item.strip() + "'; known: hflip, vflip, translate, rotate, scale, stretch, crop, "
            + "cutout, noise, brightness, contrast, mixup, fill, clip, prefetch");
      }
    }
    return b.build();
  }

  /**
   * The text {@link #parse} reads back as {@code a}'s settings ("none" if all are off).
   *
   * @param a an augmentation
   * @return the text, e.g. {@code hflip=0.5,rotate=0.5:10}
   */
  public static String of(Augmentation a) {
    List<String> items = new ArrayList<>();
    add(items, a.horizontalFlip, "hflip");
    add(items, a.verticalFlip, "vflip");
    add(items, a.translateP, "translate", a.translateX, a.translateY);
    add(items, a.rotateP, "rotate", a.rotateDegrees);
    add(items, a.scaleP, "scale", a.scaleMin, a.scaleMax);
    add(items, a.stretchP, "stretch", a.stretchAmount);
    add(items, a.cropP, "crop", a.cropHeight, a.cropWidth, a.cropPadding);
    add(items, a.cutoutP, "cutout", a.cutoutHeight, a.cutoutWidth, a.cutoutValue);
    add(items, a.noiseP, "noise", a.noiseStd);
    add(items, a.brightnessP, "brightness", a.brightnessDelta);
    add(items, a.contrastP, "contrast", a.contrastDelta);
    add(items, a.mixupP, "mixup", a.mixupAlpha);
    if (a.fill != 0) {
      items.add("fill=" + number(a.fill));
    }
    if (a.clip) {
      items.add("clip=" + number(a.clipMin) + ":" + number(a.clipMax));
    }
    return items.isEmpty() ? "none" : String.join(",", items);
  }

  private static void add(List<String> items, double p, String name, double... args) {
    if (p > 0) {
      StringBuilder s = new StringBuilder(name).append('=').append(number(p));
      for (double arg : args) {
        s.append(':').append(number(arg));
      }
      items.add(s.toString());
    }
  }

  private static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = Double.toString(v);
    return Float.toString((float) v).length() < s.length() && (double) (float) v == v
        ? Float.toString((float) v) : s.toLowerCase(Locale.ROOT);
  }

  private static double[] numbers(String item, String text) {
    String[] parts = text.split(":");
    double[] v = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("augmentation item '" + item + "': '" + parts[i].strip()
            + "' is not a number");
      }
    }
    return v;
  }

  private static double[] arity(String item, double[] v, int count) {
    if (v.length != count) {
      throw new IllegalArgumentException("augmentation item '" + item.strip() + "' must have "
          + count + " value" + (count == 1 ? "" : "s") + " separated by ':', got " + v.length);
    }
    return v;
  }

  private static int integer(String item, double v) {
    if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "augmentation item '" + item.strip() + "': " + v + " must be a whole number");
    }
    return (int) v;
  }
}
