package dev.lamina.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.data.Dataset;
import dev.lamina.train.EarlyStopping;
import dev.lamina.train.History;
import dev.lamina.train.Metric;
import dev.lamina.train.Trainer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learning-curve PNG and the history files: what they contain, and that writes are whole. */
class LearningCurveChartTest {
  /** A real run that early stopping ends at epoch 6 with epoch 2 best (a scripted metric). */
  static History stoppedHistory() {
    double[] script = {5, 1, 2, 3, 4, 5, 6, 7};
    Dataset data = ChartData.data();
    return Trainer.builder(ChartData::network).epochs(8).batchSize(16).threads(1)
        .earlyStopping(EarlyStopping.on(Metric.minimize("scripted",
            (s, n) -> script[s.epoch() - 1])).patience(4))
        .build().fit(data, data).history();
  }

  @Test
  void drawsBothCurvesAndMarksTheBestEpochAndTheStop() {
    History history = stoppedHistory();
    LearningCurveChart chart = LearningCurveChart.of(history).title("test");
    BufferedImage image = chart.render();
    assertEquals(1000, image.getWidth());
    assertEquals(420, image.getHeight());
    assertTrue(count(image, LearningCurveChart.TRAIN) > 100, "training curve drawn");
    assertTrue(count(image, LearningCurveChart.VALIDATION) > 100, "validation curve drawn");
    assertTrue(count(image, new Color(0x2ca02c)) > 50, "best-epoch line drawn");
    assertTrue(count(image, new Color(0xd62728)) > 30, "stop line drawn");
    assertEquals("best epoch 2 by scripted, ended at epoch 6 (early stopped)", chart.caption());
  }

  @Test
  void writesAReadablePngAtomically(@TempDir Path dir) throws Exception {
    History history = stoppedHistory();
    Path png = dir.resolve("curves/run.png");
    LearningCurveChart.of(history).size(640, 300).write(png);
    BufferedImage read = ImageIO.read(png.toFile());
    assertEquals(640, read.getWidth());
    assertEquals(300, read.getHeight());
    HistoryFiles.writeCsv(history, dir.resolve("curves/run.csv"));
    HistoryFiles.writeJson(history, dir.resolve("curves/run.json"));
    assertEquals(history.toCsv(), Files.readString(dir.resolve("curves/run.csv")));
    assertEquals(history.toJson(), Files.readString(dir.resolve("curves/run.json")));
    try (Stream<Path> files = Files.list(dir.resolve("curves"))) {
      assertEquals(3, files.count(), "no temporary files left behind");
    }
  }

  @Test
  void badArgumentsAreNamed() {
    assertEquals("history has no epochs to draw; train for at least one",
        assertThrows(IllegalArgumentException.class, () -> LearningCurveChart.of(new History()))
            .getMessage());
    var e = assertThrows(IllegalArgumentException.class,
        () -> LearningCurveChart.of(stoppedHistory()).size(100, 100));
    assertEquals("size must be at least 400 × 240 pixels, got 100 × 100", e.getMessage());
  }

  @Test
  void axesUseRoundTicks() {
    ChartAxis loss = ChartAxis.of(0.1873, 0.9412, false);
    assertEquals(0.2, loss.step(), 1e-12);
    assertEquals(0.0, loss.min(), 1e-12);
    assertEquals(1.0, loss.max(), 1e-12);
    assertEquals("0.4", loss.format(0.4));
    ChartAxis epochs = ChartAxis.of(1, 7, true);
    assertEquals(2, epochs.step(), 1e-12);
    assertEquals("6", epochs.format(6));
    ChartAxis flat = ChartAxis.of(0.5, 0.5, false);
    assertTrue(flat.min() < 0.5 && flat.max() > 0.5, "a constant series still gets a range");
    ChartAxis none = ChartAxis.ofValues(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    assertEquals(0.0, none.min(), 1e-12, "no finite value: 0..1");
    assertEquals(1.0, none.max(), 1e-12);
  }

  private static int count(BufferedImage image, Color color) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        n += (image.getRGB(x, y) & 0xFFFFFF) == (color.getRGB() & 0xFFFFFF) ? 1 : 0;
      }
    }
    return n;
  }
}
