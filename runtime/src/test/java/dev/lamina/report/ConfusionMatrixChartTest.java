package dev.lamina.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lamina.metrics.ConfusionMatrix;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PNG shades each cell by its share of the true class, read back from the file. */
class ConfusionMatrixChartTest {
  @TempDir Path dir;

  @Test
  void cellsAreShadedByTheShareOfTheirTrueClass() throws IOException {
    // class 0: 3 right, 1 as class 1; class 1: all 2 right; class 2: never seen.
    ConfusionMatrix m = ConfusionMatrix.of(new int[] {0, 0, 0, 0, 1, 1},
        new int[] {0, 0, 0, 1, 1, 1}, 3);
    Path file = dir.resolve("confusion.png");
    PngFiles.write(ConfusionMatrixChart.draw("test", m, List.of("cat", "dog", "bird")), file);
    BufferedImage image = ImageIO.read(file.toFile());
    assertEquals(ConfusionMatrixChart.LEFT + 3 * ConfusionMatrixChart.CELL + 20, image.getWidth());
    assertEquals(ConfusionMatrixChart.shade(0.75), cell(image, 0, 0));
    assertEquals(ConfusionMatrixChart.shade(0.25), cell(image, 0, 1));
    assertEquals(ConfusionMatrixChart.shade(1), cell(image, 1, 1));
    assertEquals(Color.WHITE, cell(image, 2, 2));
    assertEquals(Color.WHITE, ConfusionMatrixChart.shade(0));
  }

  @Test
  void classNamesMustMatchTheClasses() {
    ConfusionMatrix m = ConfusionMatrix.of(new int[] {0}, new int[] {1}, 2);
    assertEquals("classNames must have one name per class, 2, got 1",
        assertThrows(IllegalArgumentException.class,
            () -> ConfusionMatrixChart.draw("t", m, List.of("a"))).getMessage());
  }

  /** A pixel in a cell's corner, away from the count drawn in its middle. */
  private static Color cell(BufferedImage image, int truth, int predicted) {
    int x = ConfusionMatrixChart.LEFT + predicted * ConfusionMatrixChart.CELL + 4;
    int y = ConfusionMatrixChart.TOP + truth * ConfusionMatrixChart.CELL + 4;
    return new Color(image.getRGB(x, y));
  }
}
