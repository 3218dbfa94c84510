package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lamina.data.DataSource;
import dev.lamina.data.FashionMnist;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** augment-preview and augmentation-lab end to end, on the real data (skipped without it). */
class AugmentCommandsTest {
  private static final String DATA = DataSource.SYSTEM_DIRECTORY.toString();
  @TempDir Path directory;

  @BeforeAll
  static void needsTheData() {
    assumeTrue(FashionMnist.FILE_NAMES.stream().allMatch(name -> Files.exists(
        DataSource.SYSTEM_DIRECTORY.resolve(name + ".gz"))
        || Files.exists(DataSource.SYSTEM_DIRECTORY.resolve(name))),
        "skipped: Fashion-MNIST is not in " + DATA + "; apt-get install dataset-fashion-mnist");
  }

  @Test
  void previewWritesTheGridOfOriginalsAndVersions() throws Exception {
    Path png = directory.resolve("nested/preview.png");
    String last = lastLine(run(0, "augment-preview", "--data", DATA, "--out", png.toString(),
        "--samples", "3", "--versions", "2", "--zoom", "1", "--json"));
    BufferedImage image = ImageIO.read(png.toFile());
    // 3 columns of 28 + 2 gap, 2 before the first and 6 more after the originals; 3 rows.
    assertEquals(2 + 3 * 30 + 6, image.getWidth());
    assertEquals(2 + 3 * 30, image.getHeight());
    assertTrue(last.startsWith("{\"path\": \"" + png.toAbsolutePath() + "\""), last);
    assertTrue(last.contains("\"augmentation\": \"" + FashionAugmentation.PRESET + "\""), last);
    try (var files = Files.list(png.getParent())) {
      assertEquals(1, files.count(), "no temporary file is left beside the PNG");
    }
  }

  @Test
  void aBadAugmentationIsAUsageError() throws Exception {
    String err = run(2, "augment-preview", "--data", DATA, "--augment", "rotate=2:10");
    assertTrue(err.contains("--augment: rotate: probability must be in [0, 1], got 2.0"), err);
  }

  @Test
  void labReportsARowPerRun() throws Exception {
    String last = lastLine(run(0, "augmentation-lab", "--data", DATA, "--train-size", "600",
        "--subset", "150", "--epochs", "1", "--subset-epochs", "1", "--threads", "1", "--json"));
    Matcher row = Pattern.compile("\\{\"augmentation\": (true|false), \"train_size\": (\\d+), "
        + "\"epochs\": \\d+, \"train_accuracy\": ([0-9.E-]+), \"validation_accuracy\": [0-9.E-]+, "
        + "\"test_accuracy\": ([0-9.E-]+), \"gap\": ([0-9.E-]+)").matcher(last);
    String[] expected = {"false 600", "true 600", "false 150", "true 150"};
    for (String want : expected) {
      assertTrue(row.find(), "a row for " + want + " in " + last);
      assertEquals(want, row.group(1) + " " + row.group(2));
      double gap = Double.parseDouble(row.group(3)) - Double.parseDouble(row.group(4));
      assertEquals(gap, Double.parseDouble(row.group(5)), 1e-12, "gap = train − test");
    }
    assertTrue(last.startsWith("{\"augmentation_spec\": "), last);
  }

  /** Runs bin/lamina's Main; checks the exit code; returns stdout (0) or stderr (otherwise). */
  private static String run(int exitCode, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertEquals(exitCode, code, stderr);
    return exitCode == 0 ? out.toString(StandardCharsets.UTF_8) : stderr;
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    return lines[lines.length - 1];
  }
}
