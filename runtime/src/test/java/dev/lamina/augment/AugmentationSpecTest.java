package dev.lamina.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The text form of augmentations: every item parses to its builder call and prints back. */
class AugmentationSpecTest {
  private static final ImageShape SHAPE = ImageShape.of(1, 28, 28);

  @Test
  void everyItemRoundTrips() {
    String spec = "hflip=0.5,vflip=0.1,translate=0.5:2:1.5,rotate=0.3:10,scale=0.3:0.9:1.1,"
        + "stretch=0.2:0.1,crop=1:26:26:2,cutout=0.5:8:8:0.5,noise=0.5:0.05,brightness=0.5:0.2,"
        + "contrast=0.5:0.2,mixup=0.2:0.4,fill=0.25,clip=0:1";
    Augmentation a = AugmentationSpec.parse(spec, SHAPE);
    assertEquals(spec, AugmentationSpec.of(a));
    assertEquals(AugmentationSpec.of(a), AugmentationSpec.of(AugmentationSpec.parse(
        AugmentationSpec.of(a), SHAPE)));
    assertEquals(Augmentation.builder(SHAPE).horizontalFlip(0.5).rotate(0.3, 10).build().toString(),
        AugmentationSpec.parse(" hflip = 0.5 , rotate=0.3:10 ", SHAPE).toString());
    assertTrue(AugmentationSpec.parse("none", SHAPE).isIdentity());
    assertEquals("none", AugmentationSpec.of(AugmentationSpec.parse("", SHAPE)));
    assertEquals("cutout=1:4:4:0", AugmentationSpec.of(AugmentationSpec.parse("cutout=1:4:4", SHAPE)));
  }

  @Test
  void mistakesNameTheItem() {
    assertMessage("rotate=0.5", "augmentation item 'rotate=0.5' must have 2 values separated by ':', got 1");
    assertMessage("spin=0.5:3", "unknown augmentation 'spin' in 'spin=0.5:3'");
    assertMessage("hflip", "augmentation item 'hflip' must be name=values");
    assertMessage("hflip=half", "augmentation item 'hflip=half': 'half' is not a number");
    assertMessage("crop=1:27.5:28:0", "augmentation item 'crop=1:27.5:28:0': 27.5 must be a whole number");
    // The builder's own checks still apply.
    assertMessage("hflip=2", "horizontalFlip: probability must be in [0, 1], got 2.0");
  }

  private static void assertMessage(String spec, String start) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AugmentationSpec.parse(spec, SHAPE));
    assertTrue(e.getMessage().startsWith(start), "expected\n  " + start + "\ngot\n  " + e.getMessage());
  }
}
