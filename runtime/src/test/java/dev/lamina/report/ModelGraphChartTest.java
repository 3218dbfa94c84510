package dev.lamina.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.DropoutMode;
import dev.lamina.Init;
import dev.lamina.Loss;
import dev.lamina.Nonlinearity;
import dev.lamina.init.InitSpec;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.NetworkSpec;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The graph picture: a box per layer (380 pixels wide for these short labels), chains straight
 * down, skips on lanes that never overlap.
 */
class ModelGraphChartTest {
  private static final int SKIP = 0x1f6fb4;

  private static LayerSpec dense(String name, int units, int fanIn, String input) {
    return LayerSpec.dense(name, units, fanIn, true, InitSpec.of(Init.AUTO), InitSpec.zeros(),
        Nonlinearity.TANH, 0, 1, DropoutMode.INVERTED).withInputs(List.of(input));
  }

  /** in → a → b → sum(a, b)... with two skips whose spans overlap: in→c and a→sum. */
  private static NetworkSpec graph() {
    return new NetworkSpec("g", Loss.SOFTMAX_CROSS_ENTROPY, 0, List.of(
        LayerSpec.input("in", 4, 1, DropoutMode.INVERTED),
        dense("a", 5, 4, "in"),
        dense("b", 5, 5, "a"),
        LayerSpec.merge("sum", LayerSpec.Type.ADD, List.of("a", "b"), 5, null,
            Nonlinearity.RELU, 0, 1, DropoutMode.INVERTED),
        dense("c", 5, 4, "in"),
        LayerSpec.merge("both", LayerSpec.Type.CONCAT, List.of("sum", "c"), 10, null,
            Nonlinearity.IDENTITY, 0, 1, DropoutMode.INVERTED),
        dense("out", 3, 10, "both")));
  }

  @Test
  void skipsGetLanesOfTheirOwnWhereTheyOverlap() {
    BufferedImage image = ModelGraphChart.draw(graph());
    assertEquals(40 + 7 * 34 + 10, image.getHeight());
    // Three skips: a→sum (rows 1–3), in→c (rows 0–4) and sum→both (rows 3–5); a→sum and sum→both
    // only touch, so two lanes suffice: the picture is two lanes wider than the boxes.
    int firstLane = 20 + 380 + 14;
    int secondLane = firstLane + 14;
    assertEquals(secondLane + 14 + 20, image.getWidth());
    assertTrue(skipColored(image, firstLane, 40 + 2 * 34), "lane 1 carries a→sum past b");
    assertTrue(skipColored(image, secondLane, 40 + 2 * 34), "lane 2 carries in→c past b");
    assertFalse(skipColored(image, secondLane, 40 + 5 * 34 + 11), "in→c ends at c");
  }

  @Test
  void aChainHasNoLanes() {
    NetworkSpec chain = new NetworkSpec("chain", Loss.SOFTMAX_CROSS_ENTROPY, 0, List.of(
        LayerSpec.input("in", 4, 1, DropoutMode.INVERTED), dense("a", 5, 4, "in"),
        dense("out", 3, 5, "a")));
    BufferedImage image = ModelGraphChart.draw(chain);
    assertEquals(20 + 380 + 14 + 20, image.getWidth());
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        assertFalse((image.getRGB(x, y) & 0xffffff) == SKIP, "a skip's color at " + x + ", " + y);
      }
    }
  }

  /** Whether the pixels at column x around y are the skip's color (antialiasing blurs edges). */
  private static boolean skipColored(BufferedImage image, int x, int y) {
    for (int dx = -1; dx <= 1; dx++) {
      if ((image.getRGB(x + dx, y) & 0xffffff) == SKIP) {
        return true;
      }
    }
    return false;
  }
}
