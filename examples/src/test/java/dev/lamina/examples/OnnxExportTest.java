package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.lamina.io.OnnxFile;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.Network;
import dev.lamina.nn.Parameter;
import dev.lamina.nn.StateTensor;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated networks' ONNX export runs in ONNX Runtime and gives their logits within 1e-5
 * (scaled by max(1, |logit|)), at batch 1 and 128 from one file: the commands' MLP and CNN, and
 * convolutional test models with every pooling, the four normalizations, classic dropout and
 * noise, and graph models: a residual CNN (identity and projection shortcuts summed, a pooled
 * branch concatenated along channels), convolutions and the input concatenated before a dense
 * layer, flat graphs (features and the input concatenated, residual sums with dropout or leaky
 * ReLU), and a two-channel input read by a convolution and by a dense layer. Parameters and
 * batch-normalization statistics are random, as after training.
 */
class OnnxExportTest {
  private static final double TOLERANCE = 1e-5;

  record Case(String name, LongFunction<Network> factory) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> networks() {
    return Stream.of(
        new Case("FashionMlp", FashionMlpNet::new),
        new Case("FashionCnn", FashionCnnNet::new),
        new Case("Modern", TestModels_ModernNet::new),
        new Case("ImageMix", ConvTestModels_ImageMixNet::new),
        new Case("ImageNoise", ConvTestModels_ImageNoiseNet::new),
        new Case("LayerSigmoidGlobal", ConvTestModels_LayerSigmoidGlobalNet::new),
        new Case("InstanceReluOverlappingMax", ConvTestModels_InstanceReluOverlappingMaxNet::new),
        new Case("GroupAfterLeaky", ConvTestModels_GroupAfterLeakyNet::new),
        new Case("BatchReluMax", ConvTestModels_BatchReluMaxNet::new),
        new Case("Residual", GraphTestModels_ResidualNet::new),
        new Case("DenseBranches", GraphTestModels_DenseBranchesNet::new),
        new Case("ConcatHead", GraphTestModels_ConcatHeadNet::new),
        new Case("FlatGraph", GraphTestModels_FlatGraphNet::new),
        new Case("InputReaders", GraphTestModels_InputReadersNet::new));
  }

  @ParameterizedTest
  @MethodSource("networks")
  void onnxRuntimeGivesLaminasLogits(Case c) throws OrtException {
    Network network = randomized(c.factory().apply(5), 5);
    LayerSpec input = network.spec().layers().getFirst();
    long[] sample = input.isImage()
        ? new long[] {input.image().out().channels(), input.image().out().height(),
            input.image().out().width()}
        : new long[] {input.units()};
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      try (OrtSession session = env.createSession(OnnxFile.toBytes(network), options)) {
        long[] declared = ((TensorInfo) session.getInputInfo().get(OnnxFile.INPUT).getInfo())
            .getShape();
        assertEquals(-1, declared[0], "the batch dimension is free");
        for (int rows : new int[] {1, 128}) {
          float[] x = pixels(rows * network.inputSize(), new SplittableRandom(rows));
          float[] expected = network.forwardInfer(x, rows).clone();
          if (rows > 1) {
            assertVaries(c + " at batch " + rows, expected, rows, network.outputSize());
          }
          long[] shape = new long[sample.length + 1];
          shape[0] = rows;
          System.arraycopy(sample, 0, shape, 1, sample.length);
          float[] actual;
          try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), shape);
              OrtSession.Result result = session.run(Map.of(OnnxFile.INPUT, tensor))) {
            FloatBuffer values = ((OnnxTensor) result.get(OnnxFile.OUTPUT).orElseThrow())
                .getFloatBuffer();
            actual = new float[values.remaining()];
            values.get(actual);
          }
          assertClose(c + " at batch " + rows, expected, actual, rows * network.outputSize());
        }
      }
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

  private static void assertClose(String what, float[] expected, float[] actual, int count) {
    assertEquals(count, actual.length, what + ": output size");
    double worst = 0;
    int at = 0;
    for (int i = 0; i < count; i++) {
      double scaled = Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i]));
      if (!(scaled <= worst)) {
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

  private static Network randomized(Network network, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (Parameter p : network.parameters()) {
      float[] v = p.values();
      double scale = p.values().length > 1000 ? 0.1 : 1;   // keeps wide layers' sums moderate
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) (scale * random.nextDouble(-1, 1));
      }
    }
    for (StateTensor s : network.state()) {
      float[] v = s.values();
      for (int i = 0; i < v.length; i++) {
        v[i] = s.name().endsWith("running_var") ? (float) random.nextDouble(0.2, 2)
            : (float) random.nextDouble(-0.5, 0.5);
      }
    }
    return network;
  }

  /** Values in [0, 1], as pixels / 255 are. */
  private static float[] pixels(int n, SplittableRandom random) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) random.nextDouble();
    }
    return x;
  }
}
