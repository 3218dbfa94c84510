package dev.lamina.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Binning at the edges, values outside the range, and a chart written whole. */
class HistogramTest {
  @TempDir Path dir;

  @Test
  void binsCountEdgesAndOutsiders() {
    float[] values = {-1f, -0.5f, -0.25f, 0f, 0.49f, 0.5f, 1f, 1.5f, -2f, Float.NaN};
    Histogram h = Histogram.of(values, -1, 1, 4);
    // [-1, -0.5) [-0.5, 0) [0, 0.5) [0.5, 1], hi itself in the last bin.
    assertEquals(1, h.count(0));
    assertEquals(2, h.count(1));
    assertEquals(2, h.count(2));
    assertEquals(2, h.count(3));
    assertEquals(1, h.below());
    assertEquals(2, h.above(), "1.5 and NaN");
    assertEquals(values.length, h.total());
    assertEquals(2, h.peak());
  }

  @Test
  void badRangesAndBinsAreRefusedWithTheirValues() {
    var range = assertThrows(IllegalArgumentException.class,
        () -> Histogram.of(new float[0], 1, 1, 3));
    assertEquals("the range must be finite with lo < hi, got lo = 1.0, hi = 1.0",
        range.getMessage());
    var bins = assertThrows(IllegalArgumentException.class,
        () -> Histogram.of(new float[0], 0, 1, 0));
    assertEquals("bins must be > 0, got 0", bins.getMessage());
  }

  @Test
  void aRowAndAGridAreWrittenAsPngsAtomically() throws Exception {
    System.setProperty("java.awt.headless", "true");
    Histogram h = Histogram.of(new float[] {0.1f, 0.2f, 0.2f, 5f}, 0, 1, 10);
    var panel = new HistogramChart.Panel("layer 1", "std 0.1\nsat 0%", h);
    Path row = dir.resolve("charts/row.png");
    PngFiles.write(HistogramChart.row("title", List.of(panel, panel), 100, 90), row);
    BufferedImage image = ImageIO.read(row.toFile());
    assertEquals(2 * 16 + 2 * 100 + 18, image.getWidth());
    Path grid = dir.resolve("charts/grid.png");
    PngFiles.write(HistogramChart.grid("title", List.of("a"), List.of("x", "y"),
        List.of(List.of(List.of(panel), List.of(panel))), List.of(List.of("c1", "c2")), 22, 44),
        grid);
    assertTrue(ImageIO.read(grid.toFile()).getHeight() > 44);
    try (var files = Files.list(dir.resolve("charts"))) {
      assertEquals(List.of("grid.png", "row.png"),
          files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left");
    }
  }
}
