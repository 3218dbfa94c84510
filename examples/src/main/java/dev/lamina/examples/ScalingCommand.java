package dev.lamina.examples;

import dev.lamina.data.Dataset;
import dev.lamina.internal.TrainingStep;
import dev.lamina.internal.kernel.FmaPeak;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.Network;
import dev.lamina.report.LineChart;
import dev.lamina.train.Optimizer;
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
 * {@code bin/lamina scaling}: how the cost grows with the width of an MLP and the batch, on one
 * thread. For widths 256, 1024 and 4096 ({@link ScalingModels}) and batches 1 to 1024, the
 * training step's and inference's samples per second and the fraction of the FMA peak their
 * products reach; optionally a PNG of the fractions.
 */
final class ScalingCommand implements Command {
  private static final int[] BATCHES = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024};

  private record Width(int units, LongFunction<Network> factory) {}

  private static final List<Width> WIDTHS = List.of(
      new Width(256, ScalingModels_Mlp256Net::new),
      new Width(1024, ScalingModels_Mlp1024Net::new),
      new Width(4096, ScalingModels_Mlp4096Net::new));

  @Override
  public String name() {
    return "scaling";
  }

  @Override
  public String summary() {
    return "samples/s and fraction of peak of MLPs of width 256, 1024, 4096 at batches 1 to 1024";
  }

  @Override
  public String usage() {
    return """
          --seconds X   measuring time per point (default 0.3)
          --widths W,.. which of the widths 256, 1024, 4096 to measure (default all)
          --chart FILE  write the fractions of peak as a PNG""";
  }

  @Override
  public Map<String, Object> run(Options options, PrintStream out) throws Exception {
    double seconds = options.number("--seconds", 0.3, 0);
    Optional<Path> chart = options.path("--chart");
    List<Width> widths = widths(options.string("--widths", "256,1024,4096"));
    options.requireAllUsed();
    chart.ifPresent(file -> Outputs.checkFile("--chart", file));
    double peak = FmaPeak.measureGflops(1000);
    out.printf(Locale.ROOT, "FMA peak: %.1f GFLOP/s on one core; one thread; 784-W-W-10 ReLU MLP,"
        + " Adam for training%n%n", peak);
    out.println("| width | weights | batch | train samples/s | of peak | infer samples/s | of peak |");
    out.println("| --- | --- | --- | --- | --- | --- | --- |");
    Dataset data = BenchData.random(2048, 784, 0);
    int[] order = new int[data.size()];
    Arrays.setAll(order, i -> i);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("fma_peak_gflops", peak);
    List<Map<String, Object>> rows = new ArrayList<>();
    LineChart picture = LineChart.titled("Fraction of the FMA peak, one thread (784-W-W-10 MLP)")
        .axes("log2(batch)", "fraction of peak", true);
    for (Width width : widths) {
      Network net = width.factory().apply(1);
      long[] flops = flops(net);
      warmUp(width, data, order);
      double megabytes = 4.0 * net.parameters().count() / 1e6;
      double[] x = new double[BATCHES.length];
      double[] train = new double[BATCHES.length];
      double[] infer = new double[BATCHES.length];
      for (int b = 0; b < BATCHES.length; b++) {
        int batch = BATCHES[b];
        double trainRate = trainRate(width.factory().apply(1), data, order, batch, seconds);
        float[] input = new float[batch * 784];
        for (int r = 0; r < batch; r++) {
          data.copyFeatures(r, input, r * 784);
        }
        double inferRate = rate(() -> net.forwardInfer(input, batch), batch, seconds);
        x[b] = b;
        train[b] = trainRate * flops[1] / (peak * 1e9);
        infer[b] = inferRate * flops[0] / (peak * 1e9);
        out.printf(Locale.ROOT, "| %d | %.1f MB | %d | %,.0f | %.0f%% | %,.0f | %.0f%% |%n",
            width.units(), megabytes, batch, trainRate, 100 * train[b], inferRate,
            100 * infer[b]);
        rows.add(Map.of("width", width.units(), "batch", batch, "train_samples_per_second",
            trainRate, "train_peak_fraction", train[b], "infer_samples_per_second", inferRate,
            "infer_peak_fraction", infer[b], "weights_mb", megabytes));
      }
      picture.series("train, width " + width.units(), x, train);
      picture.series("infer, width " + width.units(), x, infer);
    }
    json.put("rows", rows);
    if (chart.isPresent()) {
      Outputs.write("the chart", chart.get(), file -> picture.write(file, 900, 520));
      out.println("\nWrote " + chart.get());
      json.put("chart", chart.get().toString());
    }
    return json;
  }

  /** The widths {@code --widths} names, in its order. */
  private static List<Width> widths(String list) {
    List<Width> chosen = new ArrayList<>();
    for (String name : list.split(",")) {
      chosen.add(WIDTHS.stream().filter(w -> Integer.toString(w.units()).equals(name.strip()))
          .findFirst().orElseThrow(() -> new Options.UsageException("--widths must list widths"
              + " among 256, 1024 and 4096, separated by commas; got '" + list + "'")));
    }
    return chosen;
  }

  /** Samples per second of the training step (gather, forward, loss, backward, Adam). */
  private static double trainRate(Network net, Dataset data, int[] order, int batch,
      double seconds) {
    return rate(trainingStep(net, data, order, batch), batch, seconds);
  }

  private static Runnable trainingStep(Network net, Dataset data, int[] order, int batch) {
    TrainingStep step = new TrainingStep(net, Optimizer.adam(1e-3), batch);
    long[] counter = {0};
    return () -> {
      int first = (int) ((counter[0] * batch) % (data.size() - batch + 1));
      step.run(data, order, first, batch, counter[0]++);
    };
  }

  /**
   * Runs a width's training and inference at small batches until C2 has compiled them (the
   * products' kernels are shared, the generated passes are the width's own), so that no point of
   * the table is measured in the interpreter.
   */
  private static void warmUp(Width width, Dataset data, int[] order) {
    Network net = width.factory().apply(1);
    int calls = width.units() >= 4096 ? 150 : 1500;
    for (int batch : new int[] {1, 2, 3, 16}) {
      Runnable step = trainingStep(width.factory().apply(1), data, order, batch);
      float[] input = new float[batch * 784];
      for (int i = 0; i < calls; i++) {
        step.run();
        net.forwardInfer(input, batch);
      }
    }
  }

  /**
   * Samples per second of {@code work} ({@code samples} per call): after one call and {@code
   * seconds / 2} of warm-up, the median of three windows of {@code seconds / 3}, each of at least
   * one call (a training step of the widest model at batch 1024 takes seconds).
   */
  private static double rate(Runnable work, int samples, double seconds) {
    LaminaMeter.Side side = LaminaMeter.side(work, samples);
    side.rate(seconds / 2);
    double[] rates = new double[3];
    for (int w = 0; w < rates.length; w++) {
      rates[w] = side.rate(seconds / 3);
    }
    Arrays.sort(rates);
    return rates[1];
  }

  /**
   * Floating-point operations per sample of the products: {inference, training}. Inference is
   * 2·in·out per dense layer; training adds the weight gradient (2·in·out) and, past the first
   * layer, the input gradient (2·in·out). Activations, the loss and Adam are left out.
   */
  private static long[] flops(Network net) {
    long forward = 0;
    long training = 0;
    List<LayerSpec> layers = net.spec().layers();
    for (int l = 1; l < layers.size(); l++) {
      long products = 2L * layers.get(l).fanIn() * layers.get(l).units();
      forward += products;
      training += (l == 1 ? 2 : 3) * products;
    }
    return new long[] {forward, training};
  }
}
