package dev.lamina.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart is a readable PNG with the lines where the values put them. */
class EnsembleAccuracyChartTest {
  @TempDir Path dir;

  @Test
  void writesAPngWithTheSoftVoteLineDrawn() throws IOException {
    Path file = dir.resolve("chart.png");
    EnsembleAccuracyChart.of(List.of(0.87, 0.88, 0.885), List.of(0.87, 0.875, 0.884),
        List.of(0.87, 0.872, 0.869)).title("test").write(file);
    BufferedImage image = ImageIO.read(file.toFile());
    assertEquals(760, image.getWidth());
    assertEquals(460, image.getHeight());
    int blue = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        blue += image.getRGB(x, y) == (0xff000000 | 0x1f77b4) ? 1 : 0;
      }
    }
    assertNotEquals(0, blue, "no pixel of the soft-vote colour");
  }

  @Test
  void seriesOfDifferentLengthsAreRefused() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> EnsembleAccuracyChart.of(List.of(0.8), List.of(0.8, 0.9), List.of(0.8)));
    assertEquals("soft, hard and members must have one accuracy per member, got 1, 2 and 1",
        e.getMessage());
  }
}
