package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/lamina scaling} end to end on the narrowest width with very short windows: a row per
 * batch with positive rates and fractions, the JSON's rows, the PNG; a width it does not know is
 * refused naming the ones it does.
 */
class ScalingCommandTest {
  @Test
  void measuresEveryBatchAndDrawsTheChart(@TempDir Path dir) throws Exception {
    Path chart = dir.resolve("scaling.png");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"scaling", "--widths", "256", "--seconds", "0.01",
        "--chart", chart.toString(), "--json"}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    for (int batch = 1; batch <= 1024; batch *= 2) {
      assertTrue(text.contains("| 256 | 1.1 MB | " + batch + " | "), "row of batch " + batch
          + " in " + text);
    }
    String json = text.strip().substring(text.strip().lastIndexOf('\n') + 1);
    assertEquals(11, json.split("\"infer_peak_fraction\"").length - 1, json);
    assertTrue(json.contains("\"fma_peak_gflops\""), json);
    assertEquals(900, ImageIO.read(Files.newInputStream(chart)).getWidth());
  }

  @Test
  void anUnknownWidthIsRefused() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"scaling", "--widths", "512"},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains(
        "--widths must list widths among 256, 1024 and 4096"), err.toString());
  }
}
