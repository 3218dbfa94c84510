package dev.lamina.nn;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lamina.DropoutMode;
import dev.lamina.Init;
import dev.lamina.Nonlinearity;
import dev.lamina.NormPlacement;
import dev.lamina.init.InitSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks a hand-built layer gets at run time, as the processor gives annotated ones. */
class LayerSpecTest {
  private static final LayerSpec DENSE = LayerSpec.dense("hidden", 6, 4, true, InitSpec.of(Init.AUTO),
      InitSpec.zeros(), Nonlinearity.RELU, 0.01, 1, DropoutMode.INVERTED);
  /** Six 3×3 filters over a (2, 5, 5) image. */
  private static final LayerSpec CONV = LayerSpec.conv("conv",
      ImageSpec.conv(new Shape(2, 5, 5), 6, 3, 1, 1, 1), true, InitSpec.of(Init.AUTO),
      InitSpec.zeros(), Nonlinearity.RELU, 0.01, 1, DropoutMode.INVERTED);

  @Test
  void instanceAndGroupNormalizationNeedAConvolution() {
    for (NormSpec norm : new NormSpec[] {NormSpec.instance(NormPlacement.BEFORE_ACTIVATION, 1e-5),
        NormSpec.group(2, NormPlacement.BEFORE_ACTIVATION, 1e-5)}) {
      var e = assertThrows(IllegalArgumentException.class, () -> DENSE.withNorm(norm));
      assertEquals(norm.kind() + " normalization of hidden needs a convolution (it normalizes each"
          + " sample's channels over H×W), got a DENSE layer; use BATCH or LAYER normalization"
          + " there", e.getMessage());
      assertDoesNotThrow(() -> CONV.withNorm(norm));
    }
  }

  @Test
  void groupsMustTakeWholeChannels() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> CONV.withNorm(NormSpec.group(4, NormPlacement.BEFORE_ACTIVATION, 1e-5)));
    assertEquals("groups of conv's GROUP normalization must divide its 6 channels, got 4",
        e.getMessage());
    assertDoesNotThrow(() -> CONV.withNorm(NormSpec.group(3, NormPlacement.AFTER_ACTIVATION, 1e-5)));
  }

  @Test
  void imageLayersAndImageInputsAreAskedNotDerived() {
    LayerSpec gray = LayerSpec.input("in", 784, 1, DropoutMode.INVERTED)
        .withImage(ImageSpec.input(new Shape(1, 28, 28)));
    LayerSpec rgb = LayerSpec.input("in", 3 * 8 * 8, 1, DropoutMode.INVERTED)
        .withImage(ImageSpec.input(new Shape(3, 8, 8)));
    LayerSpec flat = LayerSpec.input("in", 784, 1, DropoutMode.INVERTED);
    assertEquals(List.of(true, false, false, false),
        List.of(CONV.isImageLayer(), gray.isImageLayer(), rgb.isImageLayer(), flat.isImageLayer()));
    assertEquals(List.of(false, false, true, false), List.of(CONV.isChannelMajorInput(),
        gray.isChannelMajorInput(), rgb.isChannelMajorInput(), flat.isChannelMajorInput()));
    assertEquals(List.of(true, false), List.of(CONV.hasWeights(), rgb.hasWeights()));
  }
}
