package dev.lamina.examples;

import dev.lamina.internal.kernel.FmaPeak;
import dev.lamina.internal.kernel.Gemm;
import dev.lamina.nn.NetworkSpec;
import dev.lamina.nn.WeightPrecision;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bin/lamina bench}: Lamina and PyTorch side by side on the Fashion-MNIST MLP ({@link
 * FashionMlpBn}: 784-256-128-10, batch norm, ReLU, dropout, Adam), same batch sizes and thread
 * counts, after warm-up; ONNX Runtime's inference of the same weights ({@link OrtPeer}) and, with
 * {@code --djl}, DJL's training ({@link TrainingPeer}) in this JVM, their windows taken in turn
 * with Lamina's; plus the machine's FMA peak and each GEMM kernel as a fraction of it.
 */
final class BenchCommand implements Command {
  private static final int[] BATCHES = {32, 128, 512};
  private static final int[] THREADS = {1, 2};

  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String summary() {
    return "benchmark training and inference against PyTorch, ONNX Runtime and DJL, and the kernels"
        + " against the FMA peak";
  }

  @Override
  public String usage() {
    return """
          --seconds X   measuring time per configuration (default 2)
          --no-pytorch  leave out the PyTorch peer (a Python process)
          --no-ort      leave out the ONNX Runtime peer (inference, in this JVM)
          --djl         add the DJL peer (training, libtorch, in this JVM; bin/lamina builds
                        peers/ for it: mvn -Ppeers, 110 MB from Maven Central once)""";
  }

  @Override
  public Map<String, Object> run(Options options, PrintStream out) throws Exception {
    double seconds = options.number("--seconds", 2, 0);
    boolean withPeer = !options.flag("--no-pytorch");
    boolean withOrt = !options.flag("--no-ort");
    boolean withDjl = options.flag("--djl");
    options.requireAllUsed();
    Optional<TrainingPeer> djl = withDjl ? Optional.of(TrainingPeers.djl()) : Optional.empty();
    Map<String, Object> json = new LinkedHashMap<>();
    Optional<PeerEnvironment> peerEnvironment = PeerEnvironment.announce(withPeer, json, out);
    LaminaMeter lamina = new LaminaMeter();
    InProcessPeers inProcess = InProcessPeers.start(lamina, THREADS, withOrt, djl, json, out);

    double peak = FmaPeak.measureGflops(1000);
    out.printf(Locale.ROOT, "FMA peak: %.1f GFLOP/s on one core (%d cores)%n%n", peak,
        Runtime.getRuntime().availableProcessors());
    json.put("fma_peak_gflops", peak);
    out.println("GEMM kernels (main tile " + Gemm.mainTile() + "; " + Gemm.blocking() + ")");
    json.put("gemm_main_tile", Gemm.mainTile());
    json.put("gemm_blocking", Gemm.blocking());
    out.println("  one thread, 128×784×256               GFLOP/s   of peak");
    double forwardFraction = 0;
    for (String kernel : List.of("forward", "weight_gradient", "input_gradient")) {
      double gflops = LaminaMeter.gemmGflops(kernel, 128, 784, 256, seconds);
      out.printf(Locale.ROOT, "  %-36s %7.1f   %5.1f%%%n", kernel, gflops, 100 * gflops / peak);
      json.put("gemm_" + kernel + "_gflops", gflops);
      if (kernel.equals("forward")) {
        forwardFraction = gflops / peak;
      }
    }
    json.put("gemm_peak_fraction", forwardFraction);

    out.println("\nWarming up Lamina's code paths...");
    lamina.warmUp(Math.max(6, 3 * seconds));
    Map<Integer, PeerWindows> pytorch = new LinkedHashMap<>();
    try {
      if (peerEnvironment.isPresent()) {
        startPyTorch(peerEnvironment.get(), pytorch, json, out);
      }
      return measure(seconds, peak, forwardFraction, lamina, inProcess, pytorch, json, out);
    } finally {
      for (PeerWindows peer : pytorch.values()) {
        peer.close();
      }
      inProcess.close();
    }
  }

  /**
   * Starts scripts/bench_pytorch.py once per thread count (one torch thread, OpenBLAS given the
   * thread count: the fastest on this machine), each warmed up and waiting for requests, so that
   * its windows are taken in turn with Lamina's; records its version and BLAS library.
   */
  private static void startPyTorch(PeerEnvironment environment, Map<Integer, PeerWindows> pytorch,
      Map<String, Object> json, PrintStream out) throws java.io.IOException {
    Path script = Path.of(System.getProperty("lamina.home", "."), "scripts", "bench_pytorch.py");
    String batches = String.join(",", java.util.Arrays.stream(BATCHES).mapToObj(Integer::toString).toList());
    for (int threads : THREADS) {
      Map<String, String> set = new java.util.HashMap<>(environment.set());
      set.put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
      set.put("OMP_NUM_THREADS", "1");
      List<String> command = new ArrayList<>(List.of(PyTorchPeer.PYTHON, script.toString(),
          "--threads", "1", "--batches", batches));
      if (threads == 1) { // on the CPU that Lamina's one-thread windows are held to
        CpuAffinity.firstCpu().ifPresent(c -> command.addAll(List.of("--cpu", Integer.toString(c))));
      }
      Optional<PeerWindows> peer = PeerWindows.start(command, environment.unset(), set,
          why -> out.println("PyTorch peer skipped: " + why));
      if (peer.isEmpty()) { // both thread counts, or neither
        for (PeerWindows started : pytorch.values()) {
          started.close();
        }
        pytorch.clear();
        return;
      }
      pytorch.put(threads, peer.get());
    }
    String ready = pytorch.get(THREADS[0]).ready();
    String torch = PyTorchPeer.string(ready, "torch");
    String blas = PyTorchPeer.string(ready, "blas");
    out.printf("%nPyTorch %s with %s (one torch thread; OpenBLAS given the thread count; its windows"
        + " taken in turn with Lamina's)%n", torch, blas);
    if (!blas.contains("openblas")) {
      out.println("warning: PyTorch runs on " + blas + ", not OpenBLAS; it is about ten times"
          + " slower than its real speed (apt-get install libopenblas0-pthread)");
    }
    json.put("pytorch_version", torch);
    json.put("pytorch_blas", blas);
  }

  /**
   * The timings, with the PyTorch peers started (none where it is missing or left out); {@code
   * peak} is the first FMA peak measured, {@code forwardFraction} the forward GEMM's share of it.
   */
  private static Map<String, Object> measure(double seconds, double peak, double forwardFraction,
      LaminaMeter lamina,
      InProcessPeers inProcess, Map<Integer, PeerWindows> pytorch, Map<String, Object> json,
      PrintStream out) {
    List<Map<String, Object>> rows = new ArrayList<>();

    // The products of a training step and of an inference pass per sample (see ProductFlops).
    NetworkSpec spec = new FashionMlpBnNet(LaminaMeter.SEED).spec();
    long trainFlops = ProductFlops.training(spec);
    long inferFlops = ProductFlops.forward(spec);
    json.put("train_flops_per_sample", trainFlops);
    json.put("infer_flops_per_sample", inferFlops);
    Optional<Integer> cpu = CpuAffinity.firstCpu();
    json.put("one_thread_cpu", cpu.orElse(null));
    out.printf("%nSamples/s, 784-256-128-10 MLP (batch norm, ReLU, dropout, Adam)%s%n", cpu
        .map(c -> "; every side's one-thread windows on CPU " + c).orElse(""));
    out.println("  batch threads | train Lamina  PyTorch  ratio | infer Lamina  PyTorch  ratio");
    // Each batch size's training on 1 and 2 threads (and the in-process peers' on the same
    // counts) in alternating windows, so that the two-thread speed-up and the ratios compare
    // figures taken side by side, not half a minute apart.
    Map<String, double[]> rates = new LinkedHashMap<>();
    int n = THREADS.length;
    for (int batch : BATCHES) {
      double[] train = inProcess.trainRates(lamina, batch, THREADS, seconds, pytorch);
      for (int t = 0; t < n; t++) {
        double[] infer = inProcess.inferRates(lamina, batch, THREADS[t], seconds / 2,
            Optional.ofNullable(pytorch.get(THREADS[t])));
        // Lamina's training and inference, DJL's training, ONNX Runtime's inference, Lamina's
        // float inference copy, then PyTorch's training and inference.
        rates.put(batch + "/" + THREADS[t], new double[] {train[t], infer[0], train[n + t],
            infer[1], infer[2], train[2 * n + t], infer[3]});
      }
    }
    // The peak again after the timings, the higher counting: this machine has slow spells, and
    // one during the first measurement would inflate every fraction.
    double firstPeak = peak;
    peak = Math.max(peak, FmaPeak.measureGflops(1000));
    out.printf(Locale.ROOT, "%nFMA peak measured again after the timings: the higher of the two,"
        + " %.1f GFLOP/s, counts below%n", peak);
    json.put("fma_peak_gflops_first", firstPeak);
    json.put("fma_peak_gflops", peak);
    json.put("gemm_peak_fraction", forwardFraction * firstPeak / peak);
    Map<Integer, Double> oneThreadTrain = new LinkedHashMap<>();
    for (int threads : THREADS) {
      for (int batch : BATCHES) {
        double train = rates.get(batch + "/" + threads)[0];
        double infer = rates.get(batch + "/" + threads)[1];
        double peerTrain = rates.get(batch + "/" + threads)[5];
        double peerInfer = rates.get(batch + "/" + threads)[6];
        out.printf(Locale.ROOT, "  %5d %7d | %12.0f %8.0f %6.2f | %12.0f %8.0f %6.2f%n", batch,
            threads, train, peerTrain, train / peerTrain, infer, peerInfer, infer / peerInfer);
        String key = "b" + batch + "_t" + threads;
        json.put("train_" + key + "_lamina", train);
        json.put("train_" + key + "_pytorch", peerTrain);
        json.put("ratio_train_" + key, train / peerTrain);
        json.put("infer_" + key + "_lamina", infer);
        json.put("infer_" + key + "_pytorch", peerInfer);
        json.put("ratio_infer_" + key, infer / peerInfer);
        json.put("train_peak_fraction_" + key, train * trainFlops / (peak * 1e9 * threads));
        json.put("infer_peak_fraction_" + key, infer * inferFlops / (peak * 1e9 * threads));
        if (threads == 1) {
          oneThreadTrain.put(batch, train);
          double copy = rates.get(batch + "/" + threads)[4];
          json.put("infer_copy_" + key + "_lamina", copy);
          json.put("infer_copy_peak_fraction_" + key, copy * inferFlops / (peak * 1e9));
        } else {
          json.put("speedup_train_" + key, train / oneThreadTrain.get(batch));
        }
        rows.add(Map.of("batch", batch, "threads", threads, "train_lamina", train,
            "train_pytorch", peerTrain, "infer_lamina", infer, "infer_pytorch", peerInfer));
      }
    }
    out.printf(Locale.ROOT, "%nOf the FMA peak of the cores used (products only: %,d FLOP per"
        + " training sample, %,d per inference)%n", trainFlops, inferFlops);
    out.println("  batch threads |  train  infer  float inference copy (one thread)");
    for (int threads : THREADS) {
      for (int batch : BATCHES) {
        String key = "b" + batch + "_t" + threads;
        out.printf(Locale.ROOT, "  %5d %7d | %5.1f%% %5.1f%%  %s%n", batch, threads,
            100 * (double) json.get("train_peak_fraction_" + key),
            100 * (double) json.get("infer_peak_fraction_" + key), threads > 1 ? "" : String.format(
                Locale.ROOT, "%5.1f%% (%,.0f samples/s)",
                100 * number(json, "infer_copy_peak_fraction_" + key),
                number(json, "infer_copy_" + key + "_lamina")));
      }
    }
    inProcess.report(rates, BATCHES, THREADS, json, out);
    out.printf("%nTrainer.fit at batch 128 (55,000 random samples shuffled every epoch; the"
        + " median epoch after the first; validation timed on its own)%n");
    int fitEpochs = 3 + (int) Math.round(seconds);
    for (int threads : THREADS) {
      LaminaMeter.FitRate fit = lamina.fitRate(128, threads, fitEpochs);
      double step = rates.get("128/" + threads)[0];
      out.printf(Locale.ROOT, "  %d thread%s: %,.0f samples/s, %.0f%% of the bench's step rate"
          + " (%,.0f); validation pass and epoch end %.0f ms per epoch%n", threads,
          threads == 1 ? "" : "s", fit.samplesPerSecond(), 100 * fit.samplesPerSecond() / step,
          step, 1e3 * fit.validationSeconds());
      String suffix = threads == 1 ? "" : "_t" + threads;
      json.put("fit_samples_per_second" + suffix, fit.samplesPerSecond());
      json.put("fit_fraction_of_step" + suffix, fit.samplesPerSecond() / step);
      json.put("fit_validation_seconds_per_epoch" + suffix, fit.validationSeconds());
    }

    double[] latencies = inProcess.latencyMicros(lamina, 1);
    double[] latenciesTwo = inProcess.latencyMicros(lamina, 2);
    double latency = latencies[0];
    double latencyTwo = latenciesTwo[0];
    double peerLatency = pytorch.containsKey(1) ? pytorch.get(1).latencyMicros() : Double.NaN;
    double peerLatencyTwo = pytorch.containsKey(2) ? pytorch.get(2).latencyMicros() : Double.NaN;
    out.printf(Locale.ROOT, "%nSingle-sample inference (median, calls back to back): Lamina %.1f µs,"
        + " PyTorch %.1f µs on 1 thread; Lamina %.1f µs, PyTorch %.1f µs on 2%n", latency,
        peerLatency, latencyTwo, peerLatencyTwo);
    double predictorLatency = lamina.predictorLatencyMicros();
    out.printf(Locale.ROOT, "Single-sample Predictor.classOf (thread-safe, the caller's thread):"
        + " Lamina %.1f µs%n", predictorLatency);
    json.put("latency_us_predictor", predictorLatency);
    double copyLatency = lamina.copyLatencyMicros(WeightPrecision.FLOAT32);
    double bf16Latency = lamina.copyLatencyMicros(WeightPrecision.BFLOAT16);
    double int8Latency = lamina.copyLatencyMicros(WeightPrecision.INT8);
    out.printf(Locale.ROOT, "Single-sample inference copy (network.inferenceCopy, one thread):"
        + " float weights %.1f µs, bfloat16 %.1f µs (%.2f× the float copy's), int8 %.1f µs"
        + " (%.2f×)%n", copyLatency, bf16Latency, bf16Latency / copyLatency, int8Latency,
        int8Latency / copyLatency);
    json.put("latency_us_lamina_f32_copy", copyLatency);
    json.put("latency_us_lamina_bf16", bf16Latency);
    json.put("latency_bf16_fraction", bf16Latency / copyLatency);
    json.put("latency_us_lamina_int8", int8Latency);
    long allocated = lamina.allocatedBytesPerStep(128, 2, 500);
    out.printf("Allocated per training step (batch 128, 2 threads): %d bytes%n", allocated);
    json.put("latency_us_lamina", latency);
    json.put("latency_us_pytorch", peerLatency);
    json.put("latency_us_lamina_t2", latencyTwo);
    json.put("latency_us_pytorch_t2", peerLatencyTwo);
    inProcess.reportLatency(latencies, latenciesTwo, json, out);
    json.put("alloc_bytes_per_step", allocated);
    json.put("rows", rows);
    json.put("load_average_end", PeerEnvironment.loadAverage());

    out.printf(Locale.ROOT, "%nTargets (issue 20, one thread): training ≥ 70%% of peak at b128 and"
        + " b512: %.1f%%, %.1f%%; inference ≥ 80%%: %.1f%%, %.1f%% (float inference copy %.1f%%,"
        + " %.1f%%), and ≥ ONNX Runtime: %.2f×, %.2f× (copy %.2f×, %.2f×); single sample ≥ 3×"
        + " PyTorch: %.1f×; fit ≥ 80%% of the step: %.0f%%; bfloat16 ≤ 0.6× float: %.2f×; 0 bytes"
        + " per step: %d%n",
        100 * number(json, "train_peak_fraction_b128_t1"),
        100 * number(json, "train_peak_fraction_b512_t1"),
        100 * number(json, "infer_peak_fraction_b128_t1"),
        100 * number(json, "infer_peak_fraction_b512_t1"),
        100 * number(json, "infer_copy_peak_fraction_b128_t1"),
        100 * number(json, "infer_copy_peak_fraction_b512_t1"),
        number(json, "ratio_infer_b128_t1_vs_ort"), number(json, "ratio_infer_b512_t1_vs_ort"),
        number(json, "ratio_infer_copy_b128_t1_vs_ort"),
        number(json, "ratio_infer_copy_b512_t1_vs_ort"),
        peerLatency / latency, 100 * number(json, "fit_fraction_of_step"),
        bf16Latency / copyLatency, allocated);
    return json;
  }

  /** A figure of the run, NaN where its peer did not run. */
  private static double number(Map<String, Object> json, String key) {
    return json.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
  }
}
