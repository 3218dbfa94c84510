package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A peer process serving windows (what the PyTorch sides of cnn-bench and bench do), here a shell
 * script: its windows are taken in turn with the others', its rate read from its answer, and a
 * peer that cannot start is skipped with its own message.
 */
class PeerWindowsTest {
  @TempDir Path dir;

  @Test
  void aPeerProcessTakesItsWindowsInTurnWithTheOthers() throws Exception {
    Path script = dir.resolve("peer.sh");
    // Answers window n with rate 100·n: the warm-up is window 0, the median of windows 1–5 300.
    Files.writeString(script, """
        echo '{"torch": "fake", "threads": 1}'
        n=0
        while read request seconds; do
          echo "{\\"train_samples_per_second\\": $((n * 100))}"
          n=$((n + 1))
        done
        """);
    List<String> order = new ArrayList<>();
    Optional<PeerWindows> started = PeerWindows.start(List.of("/bin/sh", script.toString()),
        Set.of(), Map.of("LAMINA_TEST", "1"), why -> order.add("skipped: " + why));
    assertTrue(started.isPresent(), order.toString());
    try (PeerWindows peer = started.get()) {
      assertEquals("{\"torch\": \"fake\", \"threads\": 1}", peer.ready());
      LaminaMeter.Side here = seconds -> {
        order.add("here");
        return 7;
      };
      LaminaMeter.Side there = seconds -> {
        order.add("peer");
        return peer.rate(seconds);
      };
      double[] rates = LaminaMeter.medianRates(new LaminaMeter.Side[] {here, there}, 0.01);
      assertEquals(7, rates[0]);
      assertEquals(300, rates[1], "windows 1..5 answered 100..500; the median is 300");
      assertEquals(List.of("here", "peer", "here", "peer", "here", "peer", "here", "peer", "here",
          "peer", "here", "peer"), order, "warm-up, then five windows each, in turn");
    }
  }

  @Test
  void benchsPeerAnswersTrainInferAndLatencyRequests() throws Exception {
    Path script = dir.resolve("bench-peer.sh");
    // bench_pytorch.py's protocol: "train|infer BATCH SECONDS" and "latency"; rate = 10·batch.
    Files.writeString(script, """
        echo '{"torch": "fake", "blas": "libopenblas", "threads": 2}'
        while read what batch seconds; do
          if [ "$what" = latency ]; then echo '{"latency_us": 45.5}'
          else echo "{\\"${what}_samples_per_second\\": $((batch * 10))}"; fi
        done
        """);
    try (PeerWindows peer = PeerWindows.start(List.of("/bin/sh", script.toString()), Set.of(),
        Map.of(), why -> { }).orElseThrow()) {
      assertEquals(1280, peer.side("train 128").rate(0.01));
      assertEquals(5120, peer.side("infer 512").rate(0.01));
      assertEquals(45.5, peer.latencyMicros());
    }
  }

  @Test
  void aPeerThatEndsMidRunFailsTheWindowWithItsMessage() throws Exception {
    Path script = dir.resolve("dies.sh");
    Files.writeString(script, "echo '{\"torch\": \"fake\"}'\necho 'out of memory' >&2\n");
    try (PeerWindows peer = PeerWindows.start(List.of("/bin/sh", script.toString()), Set.of(),
        Map.of(), why -> { }).orElseThrow()) {
      var e = assertThrows(IllegalStateException.class, () -> peer.rate(0.01));
      assertEquals("the peer ended before answering a window: out of memory", e.getMessage());
    }
  }

  @Test
  void aPeerThatEndsBeforeItIsReadyIsSkippedWithItsMessage() throws Exception {
    Path script = dir.resolve("broken.sh");
    Files.writeString(script, "echo 'PyTorch is not installed for python3' >&2\nexit 3\n");
    List<String> skipped = new ArrayList<>();
    assertTrue(PeerWindows.start(List.of("/bin/sh", script.toString()), Set.of(), Map.of(),
        skipped::add).isEmpty());
    assertEquals(List.of("PyTorch is not installed for python3"), skipped);
    assertTrue(PeerWindows.start(List.of("/no/such/python3", "x.py"), Set.of(), Map.of(),
        skipped::add).isEmpty());
    assertTrue(skipped.get(1).startsWith("/no/such/python3 not found"), skipped.get(1));
  }
}
