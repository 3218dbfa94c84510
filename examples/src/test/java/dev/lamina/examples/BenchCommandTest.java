package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.internal.kernel.Gemm;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/lamina bench --no-pytorch} end to end, with very short windows: every figure the
 * JSON line promises is there, ONNX Runtime's (on by default) included, PyTorch's and DJL's as
 * null, and a training step allocates nothing.
 */
class BenchCommandTest {
  @Test
  void reportsEveryFigureAndZeroBytesPerStep() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"bench", "--no-pytorch", "--seconds", "0.05", "--json"},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
    String json = lines[lines.length - 1];
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("Targets (issue 20, one thread):"
        + " training ≥ 70% of peak at b128 and b512: "), out.toString(StandardCharsets.UTF_8));

    for (String key : new String[] {"fma_peak_gflops", "gemm_forward_gflops",
        "gemm_weight_gradient_gflops", "gemm_input_gradient_gflops", "gemm_peak_fraction",
        "train_b32_t1_lamina", "train_b128_t1_lamina", "train_b512_t1_lamina",
        "train_b128_t2_lamina", "infer_b128_t2_lamina", "speedup_train_b128_t2",
        "latency_us_lamina", "latency_us_lamina_t2", "latency_us_predictor",
        "latency_us_lamina_f32_copy", "latency_us_lamina_bf16", "latency_bf16_fraction",
        "latency_us_lamina_int8",
        "fit_samples_per_second", "fit_fraction_of_step", "fit_samples_per_second_t2",
        "fit_fraction_of_step_t2", "fit_validation_seconds_per_epoch",
        "infer_b32_t1_ort", "infer_b128_t1_ort", "infer_b512_t2_ort", "ratio_infer_b128_t1_vs_ort",
        "latency_us_ort", "latency_us_ort_t2", "ratio_latency_vs_ort",
        "infer_copy_b128_t1_lamina", "infer_copy_b512_t1_lamina", "ratio_infer_copy_b128_t1_vs_ort"}) {
      assertTrue(number(json, key) > 0, key + " in " + json);
    }
    for (String key : new String[] {"ratio_train_b32_t1", "ratio_train_b128_t1",
        "ratio_train_b128_t2", "latency_us_pytorch"}) {
      assertTrue(json.contains("\"" + key + "\": null"), key + " without PyTorch in " + json);
    }
    for (String key : new String[] {"train_b128_t1_djl", "ratio_train_b128_t1_vs_djl"}) {
      assertTrue(json.contains("\"" + key + "\": null"), key + " without --djl in " + json);
    }
    assertTrue(json.contains("\"ort_version\": \"1.29.0\""), json);
    assertTrue(json.contains("\"gemm_main_tile\": \"" + Gemm.mainTile() + "\""), json);
    assertTrue(json.contains("\"gemm_blocking\": \"" + Gemm.blocking() + "\""), json);
    assertTrue(number(json, "ort_largest_logit_difference") <= OrtPeer.TOLERANCE, json);
    for (String key : new String[] {"load_average_start", "load_average_end"}) {
      assertTrue(number(json, key) >= 0, key + " in " + json);
    }
    assertEquals(0, number(json, "alloc_bytes_per_step"), json);

    // Products per sample of 784-256-128-10: forward 2·(784·256 + 256·128 + 128·10); training
    // adds every weight gradient and the input gradients of the two layers after the first.
    assertEquals(469_504, number(json, "infer_flops_per_sample"), json);
    assertEquals(1_007_104, number(json, "train_flops_per_sample"), json);
    double peak = number(json, "fma_peak_gflops") * 1e9;
    // The peak counted is the highest of its measurements, the first one among them.
    assertTrue(number(json, "fma_peak_gflops") >= number(json, "fma_peak_gflops_first"), json);
    assertTrue(number(json, "fma_peak_gflops_first") > 0, json);
    for (String key : new String[] {"b32_t1", "b128_t1", "b512_t1", "b128_t2"}) {
      int threads = key.endsWith("t2") ? 2 : 1;
      assertEquals(number(json, "train_" + key + "_lamina") * 1_007_104 / (peak * threads),
          number(json, "train_peak_fraction_" + key), 1e-9, key);
      assertEquals(number(json, "infer_" + key + "_lamina") * 469_504 / (peak * threads),
          number(json, "infer_peak_fraction_" + key), 1e-9, key);
    }
    for (String key : new String[] {"b32_t1", "b128_t1", "b512_t1"}) {
      assertEquals(number(json, "infer_copy_" + key + "_lamina") * 469_504 / peak,
          number(json, "infer_copy_peak_fraction_" + key), 1e-9, key);
      assertEquals(number(json, "infer_copy_" + key + "_lamina") / number(json, "infer_" + key
          + "_ort"), number(json, "ratio_infer_copy_" + key + "_vs_ort"), 1e-9, key);
    }
    assertTrue(!json.contains("infer_copy_b128_t2"), "the copy runs on one thread: " + json);
  }

  private static double number(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\": ([-0-9.Ee]+)").matcher(json);
    assertTrue(m.find(), "no number for " + key + " in " + json);
    return Double.parseDouble(m.group(1));
  }
}
