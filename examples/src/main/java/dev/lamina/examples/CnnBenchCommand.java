package dev.lamina.examples;

import dev.lamina.data.Dataset;
import dev.lamina.internal.GeneratedNetwork;
import dev.lamina.internal.TrainingStep;
import dev.lamina.internal.kernel.FmaPeak;
import dev.lamina.train.Optimizer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * {@code bin/lamina cnn-bench}: {@link FashionCnn}'s training throughput (or, with {@code --model},
 * {@link FashionResNet}'s or {@link FashionPlain}'s) beside PyTorch's for the same network, batch
 * size and thread count (scripts/bench_cnn_pytorch.py, serving windows) and, with {@code --djl},
 * DJL's in this JVM, every side's windows taken in turn; the bytes a training step allocates, and
 * the convolution forward pass as im2col + tiled product, a direct loop and Winograd.
 */
final class CnnBenchCommand implements Command {
  private static final int SAMPLES = 4096;

  @Override
  public String name() {
    return "cnn-bench";
  }

  @Override
  public String summary() {
    return "FashionCnn training samples/s beside PyTorch's (and DJL's), and im2col vs direct vs Winograd"
        + " convolution";
  }

  @Override
  public String usage() {
    return """
          --batch N     mini-batch size (default 128)
          --threads N   the largest thread count to measure; 1 up to N (default 2)
          --seconds X   measuring time per configuration (default 10)
          --model M     cnn (FashionCnn, the default), resnet (FashionResNet) or plain (FashionPlain)
          --no-pytorch  leave out the PyTorch peer (a Python process)
          --djl         add the DJL peer (FashionCnn only; libtorch in this JVM; bin/lamina builds
                        peers/ for it: mvn -Ppeers, 110 MB from Maven Central once)""";
  }

  @Override
  public Map<String, Object> run(Options options, PrintStream out) throws Exception {
    int batch = options.integer("--batch", 128, 1, SAMPLES / 2);
    int maxThreads = options.integer("--threads", 2, 1);
    double seconds = options.number("--seconds", 10, 0);
    boolean withPeer = !options.flag("--no-pytorch");
    String model = options.string("--model", "cnn");
    LongFunction<GeneratedNetwork> factory = switch (model) {
      case "cnn" -> FashionCnnNet::new;
      case "resnet" -> FashionResNetNet::new;
      case "plain" -> FashionPlainNet::new;
      default -> throw new Options.UsageException("--model must be cnn, resnet or plain, got " + model);
    };
    boolean withDjl = options.flag("--djl");
    if (withDjl && !model.equals("cnn")) {
      throw new Options.UsageException("--djl trains FashionCnn only, got --model " + model
          + "; leave out --djl or use --model cnn");
    }
    String modelName = factory.apply(1).spec().name();
    long flops = ProductFlops.training(factory.apply(1).spec());
    options.requireAllUsed();
    Optional<TrainingPeer> djl = withDjl ? Optional.of(TrainingPeers.djl()) : Optional.empty();
    Map<String, Object> json = new LinkedHashMap<>();
    Optional<PeerEnvironment> peerEnvironment = PeerEnvironment.announce(withPeer, json, out);
    djl.ifPresent(peer -> {
      json.putAll(peer.settings());
      out.println("DJL peer: " + peer.settings());
    });
    double peak = FmaPeak.measureGflops(1000);
    out.printf(Locale.ROOT, "FMA peak: %.1f GFLOP/s on one core%n", peak);
    json.put("fma_peak_gflops_first", peak);
    out.printf("Load average now: %.1f on %d cores (timings are noisy when the machine is busy)%n",
        PeerEnvironment.loadAverage(), Runtime.getRuntime().availableProcessors());

    ConvChoice choice = new ConvChoice(32);
    double im2col = LaminaMeter.gflops(choice::im2colGemm, choice.flops(), seconds / 2);
    double direct = LaminaMeter.gflops(choice::direct, choice.flops(), seconds / 2);
    double winograd = LaminaMeter.gflops(choice::winograd, choice.flops(), seconds / 2);
    out.printf(Locale.ROOT, "%nConvolution forward, (32, 14, 14) → 64 filters 3×3, batch 32, one thread"
        + " (the direct convolution's FLOPs):%n  im2col + tiled product %6.1f GFLOP/s%n"
        + "  direct loop            %6.1f GFLOP/s%n  Winograd F(2×2, 3×3)   %6.1f GFLOP/s%n",
        im2col, direct, winograd);
    json.put("conv_forward_im2col_gflops", im2col);
    json.put("conv_forward_direct_gflops", direct);
    json.put("conv_forward_winograd_gflops", winograd);

    out.printf("%n%s training, batch %d (random 28×28 images, Adam):%n", modelName, batch);
    json.put("model", modelName);
    json.put("train_flops_per_sample", flops);
    out.println("  threads | Lamina samples/s | PyTorch samples/s | ratio | DJL samples/s | ratio");
    Path script = Path.of(System.getProperty("lamina.home", "."), "scripts", "bench_cnn_pytorch.py");
    for (int threads = 1; threads <= maxThreads; threads++) {
      // One thread: this thread (Lamina's and DJL's windows) and PyTorch's process on one CPU, so
      // that a core slow for a spell slows every side, not whichever the scheduler kept there.
      Optional<CpuAffinity> pin = threads == 1 ? CpuAffinity.pinToFirstCpu() : Optional.empty();
      if (threads == 1) {
        json.put("one_thread_cpu", pin.map(CpuAffinity::cpu).orElse(null));
      }
      double[] rates;
      try {
        Optional<PeerWindows> pytorch = peerEnvironment.isPresent()
            ? pytorch(script, peerEnvironment.get(), model, threads, batch,
                pin.map(CpuAffinity::cpu), out)
            : Optional.empty();
        try {
          rates = trainRates(factory, djl, pytorch, batch, threads, seconds);
        } finally {
          if (pytorch.isPresent()) {
            pytorch.get().close();
          }
        }
        // The peak again after each timing, the highest counting: this machine has slow
        // spells, and one during the first measurement would inflate every fraction.
        peak = Math.max(peak, FmaPeak.measureGflops(1000));
      } finally {
        pin.ifPresent(CpuAffinity::close);
      }
      double lamina = rates[0];
      double djlRate = rates[1];
      double torch = rates[2];
      out.printf(Locale.ROOT, "  %7d | %16.0f | %17.0f | %5.2f | %13.0f | %5.2f%n", threads,
          lamina, torch, lamina / torch, djlRate, lamina / djlRate);
      out.printf(Locale.ROOT, "          (Lamina: %.1f GFLOP/s of products)%n", lamina * flops / 1e9);
      json.put("train_t" + threads + "_lamina", lamina);
      json.put("train_gflops_t" + threads, lamina * flops / 1e9);
      json.put("train_t" + threads + "_pytorch", torch);
      json.put("ratio_train_t" + threads, lamina / torch);
      json.put("train_t" + threads + "_djl", djlRate);
      json.put("ratio_train_t" + threads + "_vs_djl", lamina / djlRate);
      // The best peer is the faster one that ran; with neither, the ratio is NaN.
      double best = Double.isNaN(torch) ? djlRate : Double.isNaN(djlRate) ? torch
          : Math.max(torch, djlRate);
      json.put("ratio_train_t" + threads + "_vs_best_peer", lamina / best);
    }
    long allocated = allocatedBytesPerStep(factory, batch, maxThreads);
    out.printf("%nAllocated per training step (batch %d, %d threads): %d bytes%n", batch, maxThreads,
        allocated);
    json.put("alloc_bytes_per_step", allocated);
    json.put("batch_size", batch);
    json.put("load_average_end", PeerEnvironment.loadAverage());
    // The step's products against the peak of the cores it runs on (see ProductFlops), the
    // highest measurement counting.
    out.printf(Locale.ROOT, "FMA peak: %.1f GFLOP/s on one core, the highest of %d measurements"
        + " (first and after each timing)%nProducts of a training step, of the peak of the cores"
        + " used:", peak, maxThreads + 1);
    json.put("fma_peak_gflops", peak);
    for (int threads = 1; threads <= maxThreads; threads++) {
      double fraction = (double) json.get("train_gflops_t" + threads) / (peak * threads);
      json.put("train_peak_fraction_t" + threads, fraction);
      out.printf(Locale.ROOT, "%s %d thread%s %.1f%%", threads == 1 ? "" : ",", threads,
          threads == 1 ? "" : "s", 100 * fraction);
    }
    out.println();
    StringBuilder peers = new StringBuilder();
    for (int threads = 1; threads <= maxThreads; threads++) {
      peers.append(String.format(Locale.ROOT, "%s%d thread%s %.2f×", threads == 1 ? "" : ", ",
          threads, threads == 1 ? "" : "s", (double) json.get("ratio_train_t" + threads
              + "_vs_best_peer")));
    }
    out.printf(Locale.ROOT, "Targets (issue 20, batch %d): one thread ≥ 70%% of peak: %.1f%%;"
        + " ≥ 2× the best peer: %s%n", batch, 100 * (double) json.get("train_peak_fraction_t1"),
        peers);
    return json;
  }

  /** Bytes allocated per training step in steady state, by the caller and the team's threads. */
  private static long allocatedBytesPerStep(LongFunction<GeneratedNetwork> factory, int batch,
      int threads) {
    int[] order = new int[SAMPLES];
    Arrays.setAll(order, i -> i);
    GeneratedNetwork net = factory.apply(1);
    net.threads(threads);
    TrainingStep step = new TrainingStep(net, Optimizer.adam(1e-3), batch);
    Dataset data = BenchData.random(SAMPLES, 784, 0);
    // Warm-up by samples, not steps: until C2 compiles the step, vectors are boxed, and a small
    // batch's steps reach the JIT's thresholds later (batch 4 still allocated 60,928 bytes a
    // step after 300 steps, none after 3,000).
    int warmUp = Math.max(300, 12_000 / batch);
    return AllocationMeter.bytesPerStep(step, data, order, batch, warmUp, 50);
  }

  /**
   * Training samples per second of the real training step, of DJL's and of PyTorch's (NaN for a
   * peer that does not run), after warm-up, their windows taken in turn ({@link
   * LaminaMeter#medianRates(LaminaMeter.Side[], double)}).
   */
  private static double[] trainRates(LongFunction<GeneratedNetwork> factory,
      Optional<TrainingPeer> djl, Optional<PeerWindows> pytorch, int batch, int threads,
      double seconds) {
    Dataset data = BenchData.random(SAMPLES, 784, 0);
    int[] order = new int[SAMPLES];
    Arrays.setAll(order, i -> i);
    GeneratedNetwork net = factory.apply(1);
    net.threads(threads);
    TrainingStep step = new TrainingStep(net, Optimizer.adam(1e-3), batch);
    long[] count = {0};
    List<LaminaMeter.Side> sides = new ArrayList<>();
    sides.add(LaminaMeter.side(() -> step.run(data, order,
        (int) ((count[0] * batch) % (SAMPLES - batch)), batch, count[0]++), batch));
    djl.ifPresent(peer -> sides.add(LaminaMeter.side(
        peer.trainingStep(TrainingPeer.BenchModel.FASHION_CNN, batch, threads), batch)));
    pytorch.ifPresent(sides::add);
    double[] rates = LaminaMeter.medianRates(sides.toArray(LaminaMeter.Side[]::new), seconds);
    int next = 1;
    double djlRate = djl.isPresent() ? rates[next++] : Double.NaN;
    double torchRate = pytorch.isPresent() ? rates[next] : Double.NaN;
    return new double[] {rates[0], djlRate, torchRate};
  }

  /**
   * The PyTorch peer serving windows for this thread count, warmed up, held to {@code cpu} where
   * given; or empty with the reason printed when /usr/bin/python3 or torch is missing.
   */
  private static Optional<PeerWindows> pytorch(Path script, PeerEnvironment environment,
      String model, int threads, int batch, Optional<Integer> cpu, PrintStream log)
      throws IOException {
    Map<String, String> set = new java.util.HashMap<>(environment.set());
    set.put("OMP_NUM_THREADS", Integer.toString(threads));
    List<String> command = new java.util.ArrayList<>(List.of(PyTorchPeer.PYTHON, script.toString(),
        "--serve", "--threads", Integer.toString(threads), "--batch", Integer.toString(batch),
        "--model", model));
    cpu.ifPresent(c -> command.addAll(List.of("--cpu", Integer.toString(c))));
    Optional<PeerWindows> peer = PeerWindows.start(command, environment.unset(), set,
        why -> log.println("  (PyTorch skipped: " + why + ")"));
    peer.ifPresent(p -> log.println("  (PyTorch peer: " + p.ready() + ")"));
    return peer;
  }
}
