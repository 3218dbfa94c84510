package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lamina.data.DataSource;
import dev.lamina.data.DatasetNotFoundException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/lamina bagging-lab --json} on a small slice of the real Fashion-MNIST (skipped
 * without it): the last line has the issue's keys, in order, and the plot is written. About 4 s
 * of CPU, most of it reading the data set.
 */
class BaggingLabCommandTest {
  @TempDir Path dir;

  @Test
  void theLastLineIsTheIssuesJson() throws Exception {
    try {
      DataSource.standard().toBuilder().noDownload().build().locate();
    } catch (DatasetNotFoundException e) {
      assumeTrue(false, "Fashion-MNIST is not installed");
    }
    Path plot = dir.resolve("lab.png");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"bagging-lab", "--members", "3", "--epochs", "1",
        "--train", "2000", "--threads", "2", "--plot", plot.toString(), "--json"},
        new PrintStream(bytes, true, StandardCharsets.UTF_8), System.err);
    String output = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, output);
    String[] lines = output.strip().split("\n");
    String json = lines[lines.length - 1];
    Pattern shape = Pattern.compile("\\{\"members\": \\[(\\{\"seed\": -?\\d+, \"test_accuracy\":"
        + " [0-9.E-]+\\}(, )?){3}\\], \"ensemble\": \\[(\\{\"k\": \\d, \"soft_vote_accuracy\":"
        + " [0-9.E-]+, \"hard_vote_accuracy\": [0-9.E-]+\\}(, )?){3}\\], \"v\": [0-9.E-]+,"
        + " \"c\": [0-9.E-]+, \"predicted_variance\": [0-9.E-]+, \"observed_variance\": [0-9.E-]+,"
        + " .*\\}");
    Matcher m = shape.matcher(json);
    assertTrue(m.matches(), json);
    assertTrue(Files.size(plot) > 1000, "plot " + plot);
  }
}
