package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.data.Dataset;
import dev.lamina.nn.Network;
import dev.lamina.nn.Parameter;
import dev.lamina.nn.StateTensor;
import dev.lamina.train.EarlyStopping;
import dev.lamina.train.Metric;
import dev.lamina.train.Optimizer;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Pins, bit for bit, the weights that the {@code fashion-mlp} and {@code fashion-cnn} models and
 * their commands' trainer settings give with seed 42: at initialization, and after a short fixed
 * training run on fixed synthetic images. A refactor of the processor, the generated code or the
 * runtime that changes one bit fails here. If a change of the numbers is intended, say why in the
 * commit and paste the new hashes that the failure prints.
 */
class WeightsGuardTest {
  private static final long SEED = 42;

  /** Fashion-MNIST-like data: pixels in [0, 1), the label the brightest of ten image bands. */
  static Dataset images(int rows, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[rows * 784];
    int[] y = new int[rows];
    for (int r = 0; r < rows; r++) {
      double[] bands = new double[10];
      for (int p = 0; p < 784; p++) {
        float v = (float) random.nextDouble();
        x[r * 784 + p] = v;
        bands[Math.min(9, p / 28 / 3)] += v;
      }
      for (int c = 1; c < 10; c++) {
        y[r] = bands[c] > bands[y[r]] ? c : y[r];
      }
    }
    return Dataset.of(x, y, 784, 10);
  }

  @Test
  void fashionMlpInitialWeights() {
    assertHash("fashion-mlp initial",
        "b386bc9aafbd7eeee950bceb7f1ce212096189d3efa469dfb5e2b2fc0289a9e2", new FashionMlpNet(SEED));
  }

  @Test
  void fashionMlpTrainedWeights() {
    Dataset.Split split = images(300, 7).split(1.0 / 12, SEED);
    // FashionMlpCommand's settings, for one short epoch on two threads.
    var result = FashionMlpNet.trainer().optimizer(Optimizer.adam(1e-3)).epochs(1).batchSize(128)
        .seed(SEED).threads(2).build().fit(split.train(), split.validation());
    assertHash("fashion-mlp trained",
        "0754f962dd7a4f1ccbfa0987230b5aeda50f368cac71b2b0fe5e7c82274095c9", result.network());
  }

  @Test
  void fashionCnnInitialWeights() {
    assertHash("fashion-cnn initial",
        "818813cbb8223877858a2a10c5faa91050cf682fddbfb4cdf173eaf4cb4dd946", new FashionCnnNet(SEED));
  }

  @Test
  void fashionCnnTrainedWeights() {
    Dataset.Split split = images(140, 8).split(1.0 / 12, SEED);
    // FashionCnnCommand's settings (augmentation, early stopping on validation accuracy).
    var result = FashionCnnNet.trainer().optimizer(Optimizer.adam(1e-3)).epochs(1).batchSize(128)
        .seed(SEED).threads(2)
        .earlyStopping(EarlyStopping.on(Metric.VALIDATION_ACCURACY).patience(1))
        .augmentation(FashionAugmentation.parse(FashionCnnCommand.AUGMENTATION))
        .build().fit(split.train(), split.validation());
    assertHash("fashion-cnn trained",
        "8e4574a9311fd617f4519fdd1e1aa8bbffba06a2da45eae86e2f38f92f5aeaa0", result.network());
  }

  /**
   * SHA-256 of every parameter's and state tensor's float bits (big-endian), in the network's
   * order; names are left out, so only the numbers and their order are pinned.
   */
  static String hash(Network network) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
    for (Parameter p : network.parameters()) {
      update(digest, p.values());
    }
    for (StateTensor s : network.state()) {
      update(digest, s.values());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void update(MessageDigest digest, float[] values) {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES);
    for (float v : values) {
      bytes.putInt(Float.floatToRawIntBits(v));
    }
    digest.update(bytes.array());
  }

  private static void assertHash(String what, String expected, Network network) {
    assertEquals(expected, hash(network), what + ": the weights changed (SHA-256 of "
        + network.parameters().list().size() + " parameters and " + network.state().size()
        + " state tensors)");
  }
}
