package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.testing.Json;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/lamina init-lab --json}: the last line is exactly the rows the issue asks for, the
 * PNGs and table are written, and the numbers show what the chapter teaches.
 */
class InitLabTest {
  @TempDir Path dir;

  @Test
  void jsonRowsChartsAndTheLessons() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"init-lab", "--out", dir.toString(), "--json"},
        new PrintStream(bytes, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
    Map<?, ?> json = (Map<?, ?>) Json.parse(lines[lines.length - 1]);
    assertEquals(Set.of("rows"), json.keySet());
    List<?> rows = (List<?>) json.get("rows");
    assertEquals(120, rows.size());
    Set<String> seen = new HashSet<>();
    for (Object o : rows) {
      Map<?, ?> row = (Map<?, ?>) o;
      assertEquals(List.of("activation", "init", "layer", "mean", "std", "saturated_frac"),
          List.copyOf(row.keySet()));
      String activation = (String) row.get("activation");
      String init = (String) row.get("init");
      int layer = ((Json.Num) row.get("layer")).intValue();
      assertTrue(Set.of("tanh", "sigmoid", "relu").contains(activation), activation);
      assertTrue(InitLab.INITS.contains(init), init);
      assertTrue(layer >= 1 && layer <= 10, "layer " + layer);
      seen.add(activation + "/" + init + "/" + layer);
    }
    assertEquals(120, seen.size(), "every pair and layer exactly once");

    for (String activation : List.of("tanh", "sigmoid", "relu")) {
      for (String init : InitLab.INITS) {
        BufferedImage png = ImageIO.read(dir.resolve("init-lab-" + activation + "-" + init
            + ".png").toFile());
        assertTrue(png.getWidth() > 1000 && png.getHeight() > 150,
            activation + "/" + init + ": " + png.getWidth() + "×" + png.getHeight());
      }
    }
    assertTrue(ImageIO.read(dir.resolve("init-lab-overview.png").toFile()).getWidth() > 1000);
    assertEquals(121, Files.readAllLines(dir.resolve("init-lab-table.txt")).size());

    // The lessons, on layer 10: tiny weights collapse, large ones saturate, Xavier keeps tanh
    // alive, He keeps ReLU alive where Xavier fades.
    assertTrue(std(rows, "tanh", "normal_0.01") < 1e-8);
    assertTrue(saturated(rows, "tanh", "normal_1") > 0.5);
    assertTrue(std(rows, "tanh", "xavier") > 0.1 && saturated(rows, "tanh", "xavier") < 0.01);
    assertTrue(std(rows, "relu", "he") > 0.5 && std(rows, "relu", "xavier") < 0.1);
  }

  private static Map<?, ?> lastLayer(List<?> rows, String activation, String init) {
    return rows.stream().map(o -> (Map<?, ?>) o)
        .filter(r -> r.get("activation").equals(activation) && r.get("init").equals(init)
            && ((Json.Num) r.get("layer")).intValue() == 10)
        .findFirst().orElseThrow();
  }

  private static double std(List<?> rows, String activation, String init) {
    return ((Json.Num) lastLayer(rows, activation, init).get("std")).doubleValue();
  }

  private static double saturated(List<?> rows, String activation, String init) {
    return ((Json.Num) lastLayer(rows, activation, init).get("saturated_frac")).doubleValue();
  }
}
