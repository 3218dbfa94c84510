package dev.lamina.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Impossible settings are rejected with a message naming the transform, argument and value. */
class AugmentationValidationTest {
  private static final ImageShape SHAPE = ImageShape.of(1, 28, 28);

  private static AugmentationBuilder builder() {
    return Augmentation.builder(SHAPE);
  }

  @Test
  void probabilitiesOutsideZeroToOne() {
    rejects(() -> builder().horizontalFlip(1.5), "horizontalFlip: probability must be in [0, 1], got 1.5");
    rejects(() -> builder().verticalFlip(-0.1), "verticalFlip: probability must be in [0, 1], got -0.1");
    rejects(() -> builder().rotate(Double.NaN, 10), "rotate: probability must be in [0, 1], got NaN");
    rejects(() -> builder().noise(2, 0.1), "noise: probability must be in [0, 1], got 2.0");
    rejects(() -> builder().mixup(-1, 0.2), "mixup: probability must be in [0, 1], got -1.0");
  }

  @Test
  void cropOrCutoutLargerThanTheImage() {
    rejects(() -> builder().crop(0.5, 29, 28, 0),
        "crop: height must be in [1, 28] (the padded height 28 + 2 × 0), got 29");
    rejects(() -> builder().crop(0.5, 28, 33, 2),
        "crop: width must be in [1, 32] (the padded width 28 + 2 × 2), got 33");
    rejects(() -> builder().crop(0.5, 28, 28, -1), "crop: padding must be ≥ 0, got -1");
    rejects(() -> builder().cutout(0.5, 30, 8, 0), "cutout: height must be in [1, 28] (the image height), got 30");
    rejects(() -> builder().cutout(0.5, 8, 0, 0), "cutout: width must be in [1, 28] (the image width), got 0");
  }

  @Test
  void negativeOrImpossibleRanges() {
    rejects(() -> builder().rotate(0.5, -10), "rotate: maxDegrees must be in [0, 180], got -10.0");
    rejects(() -> builder().translate(0.5, -1, 2), "translate: maxX must be in [0, 28), got -1.0");
    rejects(() -> builder().translate(0.5, 2, 28), "translate: maxY must be in [0, 28), got 28.0");
    rejects(() -> builder().scale(0.5, 0, 1.1), "scale: min must be > 0, got 0.0");
    rejects(() -> builder().scale(0.5, 1.1, 0.9), "scale: max must be ≥ min (1.1), got 0.9");
    rejects(() -> builder().stretch(0.5, 1), "stretch: amount must be in [0, 1), got 1.0");
    rejects(() -> builder().noise(0.5, -0.1), "noise: std must be in [0, ∞], got -0.1");
    rejects(() -> builder().brightness(0.5, 1.5), "brightness: delta must be in [0, 1], got 1.5");
    rejects(() -> builder().contrast(0.5, -0.2), "contrast: delta must be in [0, 1], got -0.2");
    rejects(() -> builder().mixup(0.5, 0), "mixup: alpha must be > 0 and finite, got 0.0");
    rejects(() -> builder().clip(1, 0), "clip: min must be < max, got [1.0, 0.0]");
    rejects(() -> builder().fill(Float.NaN), "fill: value must be finite, got NaN");
    rejects(() -> builder().prefetch(0), "prefetch: batches must be > 0, got 0");
    rejects(() -> ImageShape.of(0, 28, 28), "channels must be > 0, got 0");
  }

  @Test
  void everyTransformIsOffByDefault() {
    Augmentation none = builder().build();
    assertTrue(none.isIdentity());
    assertFalse(none.mixes());
    assertEquals("none", none.toString());
    Augmentation some = builder().horizontalFlip(0.5).rotate(0.5, 10).mixup(0.5, 0.2).build();
    assertEquals("horizontal flip p=0.5, rotate ±10° p=0.5, mixup α=0.2 p=0.5", some.toString());
    assertEquals(some.toString(), some.toBuilder().build().toString());
    assertEquals("rotate ±120° p=0.25, noise σ=0.015 p=1",
        builder().rotate(0.25, 120.4).noise(1, 0.015).build().toString());
  }

  private static void rejects(Executable call, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().startsWith(message),
        "expected a message starting with\n  " + message + "\ngot\n  " + e.getMessage());
  }
}
