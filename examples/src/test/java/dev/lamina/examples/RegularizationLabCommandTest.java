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
 * {@code bin/lamina regularization-lab --json} on a small slice of the real Fashion-MNIST
 * (skipped without it), two regularizers for one epoch: the last line has the issue's keys in
 * order with a "none" row, the gap is train minus test accuracy, each row lists the strengths it
 * tried, and each row's curves are written.
 */
class RegularizationLabCommandTest {
  @TempDir Path dir;

  @Test
  void theLastLineIsTheIssuesJsonAndTheCurvesAreWritten() throws Exception {
    try {
      DataSource.standard().toBuilder().noDownload().build().locate();
    } catch (DatasetNotFoundException e) {
      assumeTrue(false, "Fashion-MNIST is not installed");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"regularization-lab", "--only", "none,early_stopping",
        "--epochs", "1", "--train", "300", "--validation", "100", "--threads", "2",
        "--out", dir.toString(), "--json"},
        new PrintStream(bytes, true, StandardCharsets.UTF_8), System.err);
    String output = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, output);
    String[] lines = output.strip().split("\n");
    String json = lines[lines.length - 1];
    String number = "([0-9.E-]+)";
    Pattern row = Pattern.compile("\\{\"regularizer\": \"(none|early_stopping)\", \"train_accuracy\": "
        + number + ", \"test_accuracy\": " + number + ", \"gap\": " + number + ", .*?\\}");
    assertTrue(json.startsWith("{\"rows\": [{\"regularizer\": \"none\", "), json);
    Matcher m = row.matcher(json);
    int rows = 0;
    while (m.find()) {
      double gap = Double.parseDouble(m.group(2)) - Double.parseDouble(m.group(3));
      assertEquals(gap, Double.parseDouble(m.group(4)), 1e-12, "gap of " + m.group(1));
      rows++;
    }
    assertEquals(2, rows, json);
    assertTrue(json.contains(", \"trials\": [{\"strength\": \"-\", \"validation_accuracy\": "),
        "the none row lists its one trial: " + json);
    for (String name : new String[] {"none", "early_stopping"}) {
      assertTrue(Files.size(dir.resolve(name + ".png")) > 1000, name + ".png");
      assertTrue(Files.readString(dir.resolve(name + ".csv")).startsWith("epoch,train_loss"), name + ".csv");
      assertTrue(Files.readString(dir.resolve(name + ".json")).contains("\"end\": {"), name + ".json");
    }
  }

  @Test
  void anUnknownRegularizerIsAUsageError() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"regularization-lab", "--only", "none,dropuot"},
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, status);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--only: unknown regularizer 'dropuot';"
        + " choose from none, l2, decoupled, l1, dropout"), err.toString(StandardCharsets.UTF_8));
  }
}
