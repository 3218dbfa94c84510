package dev.lamina.examples;

import dev.lamina.augment.Augmentation;
import dev.lamina.augment.AugmentationSpec;
import dev.lamina.augment.ImageShape;

/**
 * The augmentation the examples use on Fashion-MNIST, and the {@code --augment SPEC} option that
 * chooses another. The preset keeps a garment's class: a mirrored shirt is a shirt and a shoe
 * pointing the other way is a shoe; a shift by a pixel leaves it what it was. It was chosen on
 * validation accuracy (never the test set) among flips, shifts of 1–2 pixels, small turns and
 * zooms, and cutout, training the MLP on 2,000 and 4,000 samples (docs/augmentation.md): stronger
 * settings held the MLP back more than they helped it.
 */
final class FashionAugmentation {
  static final ImageShape SHAPE = ImageShape.of(1, 28, 28);
  /** The preset, as {@link AugmentationSpec} text. */
  static final String PRESET = "hflip=0.5,crop=0.5:28:28:1";

  private FashionAugmentation() {}

  static Augmentation preset() {
    return AugmentationSpec.parse(PRESET, SHAPE);
  }

  /** "fashion" is the preset, "none" nothing; anything else is an {@link AugmentationSpec}. */
  static Augmentation parse(String spec) {
    try {
      return spec.equals("fashion") ? preset() : AugmentationSpec.parse(spec, SHAPE);
    } catch (IllegalArgumentException e) {
      throw new Options.UsageException("--augment: " + e.getMessage());
    }
  }

  static String usage(String defaultValue) {
    return "  --augment SPEC  augmentation (default " + defaultValue + "): 'fashion' is the preset "
        + PRESET + "; 'none'; or items such as hflip=P, rotate=P:DEG, crop=P:H:W:PAD, "
        + "translate=P:DX:DY, scale=P:MIN:MAX, cutout=P:H:W, noise=P:STD, brightness=P:D, "
        + "contrast=P:D, mixup=P:ALPHA (docs/augmentation.md)";
  }
}
