package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.nn.Network;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The bench's ONNX Runtime peer runs the bench's own weights and gives Lamina's logits (so that
 * its rates are for the same work), its reused tensors survive repeated runs, and the check that
 * guards the timing refuses logits that differ, naming where and by how much.
 */
class OrtPeerTest {
  @Test
  void givesLaminasLogitsOnTheSameWeightsRunAfterRun() {
    Network network = new FashionMlpBnNet(LaminaMeter.SEED);
    float[] x = pixels(7 * 784);
    for (int threads : new int[] {1, 2}) {
      try (OrtPeer peer = new OrtPeer(network, threads)) {
        assertTrue(peer.check(network, x, 7) <= OrtPeer.TOLERANCE);
        assertTrue(peer.check(network, x, 1) <= OrtPeer.TOLERANCE);
        OrtPeer.Pass pass = peer.pass(x, 7);
        pass.run();
        float[] first = pass.logits();
        pass.run();
        float[] expected = network.forwardInfer(x, 7).clone();
        float[] again = pass.logits();
        double largest = 0;
        double spread = 0;
        for (int i = 0; i < expected.length; i++) {
          largest = Math.max(largest, Math.abs(again[i] - expected[i]));
          spread = Math.max(spread, Math.abs(expected[i] - expected[i % 10]));
          assertEquals(first[i], again[i], "the same input gives the same logits at " + i);
        }
        assertTrue(largest <= OrtPeer.TOLERANCE, "largest difference " + largest);
        assertTrue(spread > 1e-3, "samples' logits differ, so agreeing means something: " + spread);
      }
    }
  }

  @Test
  void checkRefusesLogitsThatDifferAndNamesTheLargest() {
    float[] expected = {1f, -2f, 40f, 0.5f};
    float[] close = {1f + 5e-5f, -2f, 40f * (1 + 5e-5f), 0.5f};
    double within = OrtPeer.compare(expected, close, 4); // 1e-4 scaled by max(1, |expected|)
    assertTrue(within > 4e-5 && within < 6e-5, "largest scaled difference " + within);

    float[] off = {1f, -2f + 1e-3f, 40f, 0.5f};
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> OrtPeer.compare(expected, off, 4));
    assertTrue(e.getMessage().contains("largest scaled difference 0.000500 at 1 (Lamina -2.0,"
        + " ONNX Runtime -1.999"), e.getMessage());
    assertTrue(e.getMessage().contains("tolerance 1e-04; the peer is not timed"), e.getMessage());

    float[] nan = {1f, -2f, Float.NaN, 0.5f};
    e = assertThrows(IllegalStateException.class, () -> OrtPeer.compare(expected, nan, 4));
    assertTrue(e.getMessage().contains("largest scaled difference Infinity at 2"), e.getMessage());
  }

  private static float[] pixels(int n) {
    SplittableRandom random = new SplittableRandom(3);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) random.nextDouble();
    }
    return x;
  }
}
