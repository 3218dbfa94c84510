package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.lamina.data.DataSource;
import dev.lamina.data.Dataset;
import dev.lamina.data.FashionMnist;
import dev.lamina.io.OnnxFile;
import dev.lamina.io.SafeTensors;
import dev.lamina.io.SafeTensorsFile;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks the ONNX file of a real {@code bin/lamina fashion-mlp} run against the logits that run
 * computed in Lamina, over the whole Fashion-MNIST test set, in ONNX Runtime: every sample alone
 * (batch 1), in batches of 128, and all 10,000 in one batch, each logit within 1e-5 ×
 * max(1, |logit|), and the predicted classes equal. It needs the files of a training run, so it is
 * not part of {@code mvn verify} (its name does not end in Test); docs/deploy.md shows the run and
 * this check:
 *
 * <pre>
 * bin/lamina fashion-mlp --epochs 1 --onnx /tmp/fashion-mlp.onnx \
 *     --save-logits /tmp/fashion-mlp-logits.safetensors
 * mvn -B -pl examples -am test -Dtest=OnnxCommandCheck -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dlamina.onnx=/tmp/fashion-mlp.onnx -Dlamina.logits=/tmp/fashion-mlp-logits.safetensors
 * </pre>
 */
class OnnxCommandCheck {
  private static final double TOLERANCE = 1e-5;

  @Test
  void onnxRuntimeGivesTheCommandsTestLogits() throws Exception {
    Path onnx = Path.of(required("lamina.onnx"));
    SafeTensorsFile saved = SafeTensors.read(Path.of(required("lamina.logits")));
    float[] expected = saved.floats("logits", null);
    int classes = saved.entry("logits").shape()[1];
    Dataset test = FashionMnist.load(DataSource.standard().toBuilder().noDownload().build()).test();
    int n = test.size();
    assertEquals(n * classes, expected.length, "the logits file holds one row per test sample");
    float[] pixels = test.features();
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      try (OrtSession session = env.createSession(onnx.toString(), options)) {
        for (int batch : new int[] {1, 128, n}) {
          float[] actual = new float[n * classes];
          for (int start = 0; start < n; start += batch) {
            int rows = Math.min(batch, n - start);
            float[] logits = run(env, session, pixels, start, rows, test.featureSize());
            System.arraycopy(logits, 0, actual, start * classes, rows * classes);
          }
          compare("batch " + batch, expected, actual, test.labels(), classes);
        }
      }
    }
  }

  private static float[] run(OrtEnvironment env, OrtSession session, float[] pixels, int start,
      int rows, int features) throws OrtException {
    FloatBuffer input = FloatBuffer.wrap(
        Arrays.copyOfRange(pixels, start * features, (start + rows) * features));
    try (OnnxTensor tensor = OnnxTensor.createTensor(env, input, new long[] {rows, features});
        OrtSession.Result result = session.run(Map.of(OnnxFile.INPUT, tensor))) {
      FloatBuffer values = ((OnnxTensor) result.get(OnnxFile.OUTPUT).orElseThrow())
          .getFloatBuffer();
      float[] logits = new float[values.remaining()];
      values.get(logits);
      return logits;
    }
  }

  /** Prints the largest scaled difference, the class agreement and both accuracies. */
  private static void compare(String what, float[] expected, float[] actual, int[] labels,
      int classes) {
    double worst = 0;
    int at = 0;
    for (int i = 0; i < expected.length; i++) {
      double scaled = Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i]));
      if (!(scaled <= worst)) {
        worst = Double.isNaN(scaled) ? Double.POSITIVE_INFINITY : scaled;
        at = i;
      }
    }
    int disagree = 0;
    int laminaRight = 0;
    int onnxRight = 0;
    for (int s = 0; s < labels.length; s++) {
      int lamina = argmax(expected, s * classes, classes);
      int ort = argmax(actual, s * classes, classes);
      disagree += lamina == ort ? 0 : 1;
      laminaRight += lamina == labels[s] ? 1 : 0;
      onnxRight += ort == labels[s] ? 1 : 0;
    }
    System.out.printf(Locale.ROOT, "ONNX Runtime vs Lamina, %s: max scaled |diff| %.2e over %d"
        + " logits; %d of %d predicted classes differ; test accuracy Lamina %.4f, ONNX Runtime"
        + " %.4f%n", what, worst, expected.length, disagree, labels.length,
        (double) laminaRight / labels.length, (double) onnxRight / labels.length);
    double largest = worst;
    int where = at;
    assertTrue(largest <= TOLERANCE, () -> what + ": largest difference " + largest + " at "
        + where + " (Lamina " + expected[where] + ", ONNX Runtime " + actual[where]
        + "), tolerance " + TOLERANCE);
    assertEquals(0, disagree, what + ": predicted classes that differ");
  }

  private static int argmax(float[] values, int offset, int count) {
    int best = 0;
    for (int i = 1; i < count; i++) {
      if (values[offset + i] > values[offset + best]) {
        best = i;
      }
    }
    return best;
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("-D" + property + " is not set: give the file that"
          + " bin/lamina fashion-mlp wrote (see this class's comment)");
    }
    return value;
  }
}
