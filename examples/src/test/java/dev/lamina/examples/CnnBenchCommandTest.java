package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A short {@code cnn-bench --json} without peers: the products per sample, the fraction of the
 * peak they make, the ratios to peers that did not run as null, the targets line, and a training
 * step that allocates nothing even at a small batch.
 */
class CnnBenchCommandTest {
  @Test
  void reportsTheFractionOfPeakAndZeroBytesPerStep() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"cnn-bench", "--no-pytorch", "--seconds", "0.05", "--batch",
        "4", "--threads", "2", "--json"}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8).strip();
    String[] lines = text.split("\n");
    String json = lines[lines.length - 1];

    // FashionCnn: conv1, conv2 and the dense layers' forward products, their weight gradients,
    // and the input gradients of every layer but conv1 (see ProductFlops).
    assertEquals(24_995_328, number(json, "train_flops_per_sample"), json);
    double peak = number(json, "fma_peak_gflops") * 1e9;
    // The peak counted is the highest of its measurements, the first one among them.
    assertTrue(number(json, "fma_peak_gflops") >= number(json, "fma_peak_gflops_first"), json);
    assertTrue(number(json, "fma_peak_gflops_first") > 0, json);
    for (int threads = 1; threads <= 2; threads++) {
      assertEquals(number(json, "train_t" + threads + "_lamina") * 24_995_328 / (peak * threads),
          number(json, "train_peak_fraction_t" + threads), 1e-9, json);
      assertTrue(json.contains("\"ratio_train_t" + threads + "_vs_best_peer\": null"), json);
    }
    assertTrue(text.contains("Targets (issue 20, batch 4): one thread ≥ 70% of peak: "), text);
    assertEquals(0, number(json, "alloc_bytes_per_step"), json);
  }

  private static double number(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\": ([-0-9.Ee]+)").matcher(json);
    assertTrue(m.find(), "no number for " + key + " in " + json);
    return Double.parseDouble(m.group(1));
  }
}
