package dev.lamina.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.lamina.DropoutMode;
import dev.lamina.Init;
import dev.lamina.Loss;
import dev.lamina.NormPlacement;
import dev.lamina.Nonlinearity;
import dev.lamina.RunningStats;
import dev.lamina.init.InitSpec;
import dev.lamina.nn.ImageSpec;
import dev.lamina.nn.InputScaling;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.NetworkSpec;
import dev.lamina.nn.NormSpec;
import dev.lamina.nn.Parameter;
import dev.lamina.nn.ReferenceNetwork;
import dev.lamina.nn.Shape;
import dev.lamina.nn.StateTensor;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exported models run in ONNX Runtime and give Lamina's logits: every layer kind, every
 * normalization in inference form, every activation, classic dropout's scaling, at batch 1 and
 * 128 from one file (the batch dimension is free). Parameters and running statistics are random,
 * so a γ, β or statistic read from the wrong place shows.
 */
class OnnxFileTest {
  private static final double TOLERANCE = 1e-5;

  @TempDir Path dir;

  @Test
  void denseLayersWithBatchAndLayerNormalizationAndEveryActivation() throws Exception {
    checkAgainstOnnxRuntime(TestSpecs.normalized("Mlp"), new long[] {6});
    // Layers named like the graph's input and output: their nodes must take other names.
    checkAgainstOnnxRuntime(new NetworkSpec("Sigmoid", Loss.SOFTMAX_CROSS_ENTROPY, 0, List.of(
        LayerSpec.input("input", 5, 1, DropoutMode.INVERTED),
        dense("h", 7, 5, Nonlinearity.SIGMOID, NormSpec.batch(NormPlacement.AFTER_ACTIVATION,
            1e-3, 0.1, RunningStats.CUMULATIVE)),
        dense("logits", 4, 7, Nonlinearity.IDENTITY, NormSpec.NONE))), new long[] {5});
  }

  @Test
  void inputScalingTravelsWithTheModel() throws Exception {
    for (InputScaling scaling : new InputScaling[] {InputScaling.STANDARDIZE, InputScaling.MIN_MAX}) {
      checkAgainstOnnxRuntime(new NetworkSpec("Scaled" + scaling, Loss.SOFTMAX_CROSS_ENTROPY, 0,
          List.of(LayerSpec.input("in", 5, 1, DropoutMode.INVERTED),
              dense("out", 3, 5, Nonlinearity.TANH, NormSpec.NONE)), scaling), new long[] {5});
    }
  }

  @Test
  void convolutionsPoolingAndBatchAndGroupNormalization() throws Exception {
    Shape in = new Shape(2, 10, 10);
    ImageSpec conv1 = ImageSpec.conv(in, 4, 3, 1, 1, 1);                  // (4, 10, 10)
    ImageSpec pool1 = ImageSpec.pool(conv1.out(), 2, 2);                  // (4, 5, 5)
    ImageSpec conv2 = ImageSpec.conv(pool1.out(), 6, 3, 1, 1, 1);         // (6, 5, 5)
    ImageSpec pool2 = ImageSpec.pool(conv2.out(), 2, 1);                  // (6, 4, 4)
    checkAgainstOnnxRuntime(new NetworkSpec("Cnn", Loss.SOFTMAX_CROSS_ENTROPY, 0, List.of(
        LayerSpec.input("image", in.size(), 0.9, DropoutMode.CLASSIC).withImage(ImageSpec.input(in)),
        conv("conv1", conv1, Nonlinearity.RELU, NormSpec.batch(NormPlacement.BEFORE_ACTIVATION,
            1e-5, 0.1, RunningStats.EXPONENTIAL)),
        LayerSpec.pool("pool1", LayerSpec.Type.MAX_POOL, pool1, 1, DropoutMode.INVERTED),
        conv("conv2", conv2, Nonlinearity.TANH, NormSpec.group(3, NormPlacement.AFTER_ACTIVATION,
            1e-5)),
        LayerSpec.pool("pool2", LayerSpec.Type.AVG_POOL, pool2, 0.75, DropoutMode.CLASSIC),
        dense("hidden", 8, pool2.out().size(), Nonlinearity.RELU,
            NormSpec.layer(NormPlacement.BEFORE_ACTIVATION, 1e-5)),
        dense("out", 3, 8, Nonlinearity.IDENTITY, NormSpec.NONE))), new long[] {2, 10, 10});
  }

  @Test
  void instanceAndImageLayerNormalizationStridesDilationAndGlobalPooling() throws Exception {
    Shape in = new Shape(1, 9, 9);
    ImageSpec conv1 = ImageSpec.conv(in, 4, 3, 2, 1, 1);                  // (4, 5, 5)
    ImageSpec conv2 = ImageSpec.conv(conv1.out(), 5, 3, 1, 2, 2);         // (5, 5, 5)
    ImageSpec global = ImageSpec.global(conv2.out());                     // (5, 1, 1)
    checkAgainstOnnxRuntime(new NetworkSpec("Norms", Loss.SOFTMAX_CROSS_ENTROPY, 0, List.of(
        LayerSpec.input("image", in.size(), 1, DropoutMode.INVERTED).withImage(ImageSpec.input(in)),
        conv("conv1", conv1, Nonlinearity.LEAKY_RELU,
            NormSpec.instance(NormPlacement.BEFORE_ACTIVATION, 1e-5)),
        conv("conv2", conv2, Nonlinearity.SIGMOID,
            NormSpec.layer(NormPlacement.AFTER_ACTIVATION, 1e-4)),
        LayerSpec.pool("global", LayerSpec.Type.GLOBAL_AVG_POOL, global, 1, DropoutMode.INVERTED),
        dense("out", 3, 5, Nonlinearity.IDENTITY, NormSpec.NONE))), new long[] {1, 9, 9});
  }

  @Test
  void upsamplingIsResizeToTheNearestPixel() throws Exception {
    Shape in = new Shape(3, 5, 4);
    ImageSpec conv1 = ImageSpec.conv(in, 4, 3, 2, 1, 1);                  // (4, 3, 2)
    ImageSpec up = new ImageSpec(conv1.out(), new Shape(4, 9, 6), 1, 1, 0, 1);
    ImageSpec conv2 = ImageSpec.conv(up.out(), 2, 3, 1, 0, 1);            // (2, 7, 4)
    checkAgainstOnnxRuntime(new NetworkSpec("Upsampler", Loss.SOFTMAX_CROSS_ENTROPY, 0, List.of(
        LayerSpec.input("image", in.size(), 1, DropoutMode.INVERTED).withImage(ImageSpec.input(in)),
        conv("conv1", conv1, Nonlinearity.RELU, NormSpec.NONE),
        LayerSpec.resample("up", LayerSpec.Type.UPSAMPLE, up, 0.8, DropoutMode.CLASSIC),
        conv("conv2", conv2, Nonlinearity.TANH, NormSpec.NONE),
        dense("out", 3, conv2.out().size(), Nonlinearity.IDENTITY, NormSpec.NONE))),
        new long[] {3, 5, 4});
  }

  @Test
  void aModelEndingInAnImageGivesItsRowsInLaminasOrder() throws Exception {
    Shape in = new Shape(2, 6, 6);
    ImageSpec conv = ImageSpec.conv(in, 3, 3, 1, 0, 1);                   // (3, 4, 4)
    checkAgainstOnnxRuntime(new NetworkSpec("Features", Loss.SOFTMAX_CROSS_ENTROPY, 0, List.of(
        LayerSpec.input("image", in.size(), 1, DropoutMode.INVERTED).withImage(ImageSpec.input(in)),
        conv("conv", conv, Nonlinearity.RELU, NormSpec.NONE))), new long[] {2, 6, 6});
  }

  @Test
  void savesAtomicallyWithTheModelsNameInTheMetadata() throws Exception {
    ReferenceNetwork network = randomized(TestSpecs.normalized("Saved"), 3);
    Path file = dir.resolve("model.onnx");
    OnnxFile.save(network, file);
    assertArrayEquals(OnnxFile.toBytes(network), Files.readAllBytes(file));
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession session = env.createSession(file.toString(), new OrtSession.SessionOptions())) {
      assertEquals("Saved", session.getMetadata().getCustomMetadata().get("lamina.model"));
      assertEquals("Lamina", session.getMetadata().getProducerName());
    }
  }

  private void checkAgainstOnnxRuntime(NetworkSpec spec, long[] sampleShape) throws OrtException {
    ReferenceNetwork network = randomized(spec, 7);
    byte[] model = OnnxFile.toBytes(network);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      try (OrtSession session = env.createSession(model, options)) {
        NodeInfo input = session.getInputInfo().get(OnnxFile.INPUT);
        long[] shape = ((TensorInfo) input.getInfo()).getShape();
        assertEquals(-1, shape[0], "the batch dimension is free");
        for (int rows : new int[] {1, 128}) {
          float[] x = random(rows * spec.inputSize(), new SplittableRandom(rows));
          float[] expected = network.forwardInfer(x, rows).clone();
          if (rows > 1) {
            assertVaries(spec.name() + " at batch " + rows, expected, rows, spec.outputSize());
          }
          float[] actual = run(env, session, x, rows, sampleShape);
          assertClose(spec.name() + " at batch " + rows, expected, actual,
              rows * spec.outputSize());
        }
      }
    }
  }

  private static float[] run(OrtEnvironment env, OrtSession session, float[] x, int rows,
      long[] sampleShape) throws OrtException {
    long[] shape = new long[sampleShape.length + 1];
    shape[0] = rows;
    System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
    try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), shape);
        OrtSession.Result result = session.run(Map.of(OnnxFile.INPUT, tensor))) {
      OnnxTensor logits = (OnnxTensor) result.get(OnnxFile.OUTPUT).orElseThrow();
      FloatBuffer values = logits.getFloatBuffer();
      float[] out = new float[values.remaining()];
      values.get(out);
      return out;
    }
  }

  /** Logits that differ from sample to sample, so that agreeing on them means something. */
  private static void assertVaries(String what, float[] logits, int rows, int outputs) {
    double spread = 0;
    for (int i = outputs; i < rows * outputs; i++) {
      spread = Math.max(spread, Math.abs(logits[i] - logits[i % outputs]));
    }
    assertTrue(spread > 1e-3, what + ": every sample has the same logits (spread " + spread + ")");
  }

  /** |ONNX − Lamina| ≤ 1e-5 · max(1, |Lamina|): float32 spacing grows with the logit. */
  private static void assertClose(String what, float[] expected, float[] actual, int count) {
    assertEquals(count, actual.length, what + ": output size");
    double worst = 0;
    int at = 0;
    for (int i = 0; i < count; i++) {
      double scaled = Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i]));
      if (scaled > worst || Double.isNaN(scaled)) {
        worst = Double.isNaN(scaled) ? Double.POSITIVE_INFINITY : scaled;
        at = i;
      }
    }
    double largest = worst;
    int where = at;
    assertTrue(largest <= TOLERANCE, () -> what + ": largest difference " + largest + " at " + where
        + " (Lamina " + expected[where] + ", ONNX Runtime " + actual[where] + "), tolerance "
        + TOLERANCE);
    System.out.printf("ONNX %s: max scaled |diff| %.2e over %d logits%n", what, largest, count);
  }

  /** A network whose every parameter and statistic is random (running variances positive). */
  private static ReferenceNetwork randomized(NetworkSpec spec, long seed) {
    ReferenceNetwork network = new ReferenceNetwork(spec, seed);
    SplittableRandom random = new SplittableRandom(seed);
    for (Parameter p : network.parameters()) {
      float[] v = p.values();
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) random.nextDouble(-1, 1);
      }
    }
    for (StateTensor s : network.state()) {
      float[] v = s.values();
      for (int i = 0; i < v.length; i++) {
        // Variances positive; an input statistic's count 1 (fitted), some spreads ≤ 0 (divisor 1).
        v[i] = s.name().endsWith("running_var") ? (float) random.nextDouble(0.2, 2)
            : s.name().endsWith(".count") ? 1 : (float) random.nextDouble(-0.5, 1.5);
      }
    }
    return network;
  }

  private static float[] random(int n, SplittableRandom random) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) random.nextDouble(-1, 1);
    }
    return x;
  }

  private static LayerSpec dense(String name, int units, int fanIn, Nonlinearity activation,
      NormSpec norm) {
    return LayerSpec.dense(name, units, fanIn, true, Init.XAVIER, 0, activation, 0.1, 1,
        DropoutMode.INVERTED).withNorm(norm);
  }

  private static LayerSpec conv(String name, ImageSpec image, Nonlinearity activation,
      NormSpec norm) {
    return LayerSpec.conv(name, image, true, InitSpec.of(Init.AUTO), InitSpec.zeros(), activation,
        0.2, 1, DropoutMode.INVERTED).withNorm(norm);
  }
}
