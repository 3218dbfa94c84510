package dev.lamina.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bin/lamina bench}'s peers that run in this JVM — ONNX Runtime for inference, DJL for
 * training — each measured in windows taken in turn with Lamina's on the same batch and threads
 * ({@link LaminaMeter#medianRates}), so that a slow spell of the machine falls on both sides of a
 * ratio; PyTorch's windows, served by its own processes ({@link PeerWindows}), go in the same
 * turns. A missing peer's figures are NaN (null in the JSON).
 */
final class InProcessPeers implements AutoCloseable {
  private final Map<Integer, OrtPeer> ort;
  private final Optional<TrainingPeer> djl;

  private InProcessPeers(Map<Integer, OrtPeer> ort, Optional<TrainingPeer> djl) {
    this.ort = ort;
    this.djl = djl;
  }

  /**
   * Opens an ONNX Runtime session per thread count of the bench's network ({@code lamina}'s
   * weights) when {@code withOrt}, and checks that each gives Lamina's logits at batch 512 and 1
   * before anything is timed; records the peers' settings in {@code json}.
   */
  static InProcessPeers start(LaminaMeter lamina, int[] threadCounts, boolean withOrt,
      Optional<TrainingPeer> djl, Map<String, Object> json, PrintStream out) {
    Map<Integer, OrtPeer> ort = new LinkedHashMap<>();
    double largest = 0;
    if (withOrt) {
      FashionMlpBnNet reference = new FashionMlpBnNet(LaminaMeter.SEED);
      for (int threads : threadCounts) {
        OrtPeer peer = new OrtPeer(reference, threads);
        ort.put(threads, peer);
        for (int rows : new int[] {512, 1}) {
          largest = Math.max(largest, peer.check(reference, lamina.features(rows), rows));
        }
      }
      json.putAll(OrtPeer.settings());
      json.put("ort_largest_logit_difference", largest);
      out.printf(Locale.ROOT, "ONNX Runtime %s: the same weights through Lamina's ONNX export; its"
          + " logits equal Lamina's within %.1e (batch 512 and 1; tolerance %.0e)%n",
          OrtPeer.settings().get("ort_version"), largest, OrtPeer.TOLERANCE);
    }
    djl.ifPresent(peer -> {
      Map<String, Object> settings = peer.settings();
      json.putAll(settings);
      out.println("DJL peer: " + settings);
    });
    return new InProcessPeers(ort, djl);
  }

  /**
   * Training samples/s of Lamina on each of {@code threadCounts}, then DJL's on each, then
   * PyTorch's on each (NaN for a peer that does not run), all their windows taken in turn.
   */
  double[] trainRates(LaminaMeter lamina, int batch, int[] threadCounts, double seconds,
      Map<Integer, PeerWindows> pytorch) {
    int n = threadCounts.length;
    List<LaminaMeter.Side> sides = new ArrayList<>();
    for (int threads : threadCounts) {
      sides.add(onOneCpu(threads, LaminaMeter.side(lamina.trainingStep(batch, threads), batch)));
    }
    djl.ifPresent(peer -> {
      for (int threads : threadCounts) {
        sides.add(onOneCpu(threads, LaminaMeter.side(
            peer.trainingStep(TrainingPeer.BenchModel.FASHION_MLP_BN, batch, threads), batch)));
      }
    });
    boolean torch = pytorch.keySet().containsAll(Arrays.stream(threadCounts).boxed().toList());
    if (torch) {
      for (int threads : threadCounts) {
        sides.add(pytorch.get(threads).side("train " + batch));
      }
    }
    double[] measured = LaminaMeter.medianRates(sides.toArray(LaminaMeter.Side[]::new), seconds);
    double[] rates = new double[3 * n];
    Arrays.fill(rates, Double.NaN);
    System.arraycopy(measured, 0, rates, 0, n);
    int next = n;
    if (djl.isPresent()) {
      System.arraycopy(measured, next, rates, n, n);
      next += n;
    }
    if (torch) {
      System.arraycopy(measured, next, rates, 2 * n, n);
    }
    return rates;
  }

  /**
   * Inference samples/s of Lamina's network, ONNX Runtime (NaN without it), on one thread
   * Lamina's float inference copy (NaN on more), and PyTorch (NaN without it), windows in turn.
   * These windows are not held to one CPU: with ONNX Runtime's sessions in this JVM, held
   * one-thread windows at batch 512 read 65–69% of peak, against 79–82% without them, a
   * contention not understood yet (docs/performance.md).
   */
  double[] inferRates(LaminaMeter lamina, int batch, int threads, double seconds,
      Optional<PeerWindows> pytorch) {
    List<LaminaMeter.Side> sides = new ArrayList<>(
        List.of(LaminaMeter.side(lamina.inference(batch, threads), batch)));
    int copy = -1;
    if (threads == 1) {
      copy = sides.size();
      sides.add(LaminaMeter.side(lamina.copyInference(batch), batch));
    }
    int onnx = -1;
    if (ort.containsKey(threads)) {
      onnx = sides.size();
      sides.add(LaminaMeter.side(ort.get(threads).pass(lamina.features(batch), batch), batch));
    }
    int torch = -1;
    if (pytorch.isPresent()) {
      torch = sides.size();
      sides.add(pytorch.get().side("infer " + batch));
    }
    double[] measured = LaminaMeter.medianRates(sides.toArray(LaminaMeter.Side[]::new), seconds);
    return new double[] {measured[0], onnx < 0 ? Double.NaN : measured[onnx],
        copy < 0 ? Double.NaN : measured[copy], torch < 0 ? Double.NaN : measured[torch]};
  }

  /**
   * Median single-sample microseconds of Lamina and ONNX Runtime (NaN without it), in turn; on one
   * thread, held to the first CPU as PyTorch's one-thread process is.
   */
  double[] latencyMicros(LaminaMeter lamina, int threads) {
    List<Runnable> calls = new ArrayList<>(List.of(lamina.singleSample(threads)));
    if (ort.containsKey(threads)) {
      calls.add(ort.get(threads).pass(lamina.features(1), 1));
    }
    Runnable[] works = calls.toArray(Runnable[]::new);
    double[] measured = threads == 1
        ? CpuAffinity.pinnedWhile(() -> LaminaMeter.medianMicros(works))
        : LaminaMeter.medianMicros(works);
    return new double[] {measured[0], measured.length > 1 ? measured[1] : Double.NaN};
  }

  /**
   * A one-thread side's windows taken on the first CPU, where PyTorch's one-thread process is held
   * too ({@link CpuAffinity}): a core slow for a spell then slows both sides of a ratio.
   */
  private static LaminaMeter.Side onOneCpu(int threads, LaminaMeter.Side side) {
    return threads == 1 ? CpuAffinity.pinned(side) : side;
  }

  /**
   * Prints and records the peers' rates beside Lamina's: {@code rates} holds, for each
   * "batch/threads", Lamina's training and inference, DJL's training, ONNX Runtime's inference,
   * and Lamina's float inference copy's (NaN on more than one thread).
   */
  void report(Map<String, double[]> rates, int[] batches, int[] threadCounts,
      Map<String, Object> json, PrintStream out) {
    if (!ort.isEmpty() || djl.isPresent()) {
      out.printf("%nPeers in this JVM, their windows taken in turn with Lamina's (samples/s)%n");
      out.println("  batch threads | train Lamina      DJL  ratio | infer Lamina      ORT  ratio");
    }
    for (int threads : threadCounts) {
      for (int batch : batches) {
        double[] r = rates.get(batch + "/" + threads);
        String key = "b" + batch + "_t" + threads;
        json.put("train_" + key + "_djl", r[2]);
        json.put("ratio_train_" + key + "_vs_djl", r[0] / r[2]);
        json.put("infer_" + key + "_ort", r[3]);
        json.put("ratio_infer_" + key + "_vs_ort", r[1] / r[3]);
        if (threads == 1) {
          json.put("ratio_infer_copy_" + key + "_vs_ort", r[4] / r[3]);
        }
        if (!ort.isEmpty() || djl.isPresent()) {
          out.printf(Locale.ROOT, "  %5d %7d | %12.0f %8.0f %6.2f | %12.0f %8.0f %6.2f%n", batch,
              threads, r[0], r[2], r[0] / r[2], r[1], r[3], r[1] / r[3]);
        }
      }
    }
  }

  /** Prints and records ONNX Runtime's single-sample latency beside Lamina's. */
  void reportLatency(double[] one, double[] two, Map<String, Object> json, PrintStream out) {
    if (!ort.isEmpty()) {
      out.printf(Locale.ROOT, "Single-sample inference, ONNX Runtime (calls in blocks, in turn with"
          + " Lamina's): %.1f µs on 1 thread, %.1f µs on 2%n", one[1], two[1]);
    }
    json.put("latency_us_ort", one[1]);
    json.put("latency_us_ort_t2", two[1]);
    json.put("ratio_latency_vs_ort", one[1] / one[0]);
    json.put("ratio_latency_t2_vs_ort", two[1] / two[0]);
  }

  @Override
  public void close() {
    ort.values().forEach(OrtPeer::close);
  }
}
