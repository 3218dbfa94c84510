package dev.lamina.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.lamina.examples.TrainingPeer;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The DJL peer is found the way the benches look for it, loads the libtorch of Maven Central's
 * jar without the network (ai.djl.offline), reports the versions and oneDNN the docs state, and
 * trains both bench models on one and two threads, interleaved as the benches interleave them:
 * softmax cross-entropy over ten classes (about ln 10 from a fresh model), and no arrays left
 * behind by a step. Runs only with {@code mvn -Ppeers}.
 */
class DjlPeerTest {
  @Test
  void foundOfflineWithTheDocumentedSettings() {
    TrainingPeer peer = ServiceLoader.load(TrainingPeer.class).stream()
        .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("djl")).findFirst()
        .orElseThrow(() -> new AssertionError("no djl TrainingPeer registered"));
    Map<String, Object> settings = peer.settings();
    assertEquals("0.36.0", settings.get("djl_version"), settings.toString());
    assertEquals("2.7.1", settings.get("djl_libtorch_version"), settings.toString());
    assertEquals(true, settings.get("djl_mkldnn"), settings.toString());
    assertEquals("true", System.getProperty("ai.djl.offline"));
  }

  @Test
  void trainsBothModelsInTurnAndLeavesNoArraysBehind() {
    DjlPeer peer = new DjlPeer();
    for (TrainingPeer.BenchModel model : TrainingPeer.BenchModel.values()) {
      DjlPeer.Step one = peer.trainingStep(model, 16, 1);
      DjlPeer.Step two = peer.trainingStep(model, 16, 2);
      float first = one.runAndReadLoss();
      assertTrue(first > 1.5 && first < 4, model + ": first loss " + first + ", ln 10 = 2.30");
      two.run();
      int arrays = liveArrays();
      for (int i = 0; i < 5; i++) {
        assertTrue(Float.isFinite(one.runAndReadLoss()), model + " step " + i);
        two.run();
      }
      assertEquals(arrays, liveArrays(),
          model + ": arrays alive after 5 more steps of each");
    }
  }

  /** Every array DJL's PyTorch engine holds, counted from its root manager. */
  private static int liveArrays() {
    try (NDManager probe = NDManager.newBaseManager("PyTorch")) {
      return probe.getParentManager().getManagedArrays().size();
    }
  }
}
