package dev.lamina.examples;

import dev.lamina.data.Dataset;
import dev.lamina.internal.TrainingStep;
import dev.lamina.internal.kernel.Gemm;
import dev.lamina.nn.Network;
import dev.lamina.nn.Predictor;
import dev.lamina.nn.WeightPrecision;
import dev.lamina.train.EpochStats;
import dev.lamina.train.History;
import dev.lamina.train.Optimizer;
import dev.lamina.train.Trainer;
import java.util.Arrays;

/** Lamina's side of {@code bin/lamina bench}: training, inference, latency, kernels, allocation. */
final class LaminaMeter {
  private static final int SAMPLES = 8192;
  /** The seed of every network here: the same weights in every measurement and every peer. */
  static final long SEED = 1;
  private final Dataset data;
  private final int[] order;
  private Dataset fitData;
  private Dataset fitValidation;

  LaminaMeter() {
    data = BenchData.random(SAMPLES, 784, 0);
    order = new int[SAMPLES];
    Arrays.setAll(order, i -> i);
  }

  /** Runs every path long enough for the JIT to compile it, so the first measurement is fair. */
  void warmUp(double seconds) {
    for (int batch : new int[] {32, 128, 512}) {
      trainRate(batch, 1, seconds / 6);
      inferRate(batch, 1, seconds / 12);
    }
    trainRate(128, 2, seconds / 6);
    latencyMicros(1);
    latencyMicros(2);
    predictorLatencyMicros();
    copyLatencyMicros(WeightPrecision.FLOAT32);
    copyLatencyMicros(WeightPrecision.BFLOAT16);
    copyLatencyMicros(WeightPrecision.INT8);
  }

  /**
   * Training samples per second of the real training step (gather, forward, loss, backward, Adam)
   * on each of {@code threadCounts}, their windows taken in turn ({@link #medianRates}).
   */
  double[] trainRates(int batch, int[] threadCounts, double seconds) {
    Runnable[] steps = new Runnable[threadCounts.length];
    for (int i = 0; i < steps.length; i++) {
      steps[i] = trainingStep(batch, threadCounts[i]);
    }
    return medianRates(steps, batch, seconds);
  }

  double trainRate(int batch, int threads, double seconds) {
    return trainRates(batch, new int[] {threads}, seconds)[0];
  }

  /** One training step of a fresh network on {@code threads} threads, a new batch each call. */
  Runnable trainingStep(int batch, int threads) {
    FashionMlpBnNet net = new FashionMlpBnNet(SEED);
    net.threads(threads);
    TrainingStep step = new TrainingStep(net, Optimizer.adam(1e-3), batch);
    long[] counter = {0};
    return () -> {
      int first = (int) ((counter[0] * batch) % (SAMPLES - batch));
      step.run(data, order, first, batch, counter[0]++);
    };
  }

  /** What {@link #fitRate} measured: the training rate and the validation pass's time. */
  record FitRate(double samplesPerSecond, double validationSeconds, int epochs) {}

  /**
   * {@code Trainer.fit} of the bench's model (Adam, {@code batch}, {@code threads}) on random data
   * the size of Fashion-MNIST's training split (55,000 samples, shuffled every epoch) with a
   * 5,000-sample validation set: the median of the epochs' training rates after the first
   * (warm-up), validation excluded, and the seconds each epoch's validation pass and the work
   * between epochs took, timed on their own (wall time less the epochs' training time).
   */
  FitRate fitRate(int batch, int threads, int epochs) {
    Trainer<FashionMlpBnNet> trainer = FashionMlpBnNet.trainer().optimizer(Optimizer.adam(1e-3))
        .batchSize(batch).epochs(epochs).seed(1).threads(threads).build();
    Dataset train = fitData();
    Dataset validation = fitValidation();
    long start = System.nanoTime();
    History history = trainer.fit(train, validation).history();
    double wall = (System.nanoTime() - start) / 1e9;
    double[] rates = history.epochs().stream().skip(1)
        .mapToDouble(EpochStats::samplesPerSecond).sorted().toArray();
    return new FitRate(rates[rates.length / 2], (wall - history.trainSeconds()) / epochs, epochs);
  }

  private Dataset fitData() {
    if (fitData == null) {
      fitData = BenchData.random(55_000, 784, 1);
    }
    return fitData;
  }

  private Dataset fitValidation() {
    if (fitValidation == null) {
      fitValidation = BenchData.random(5_000, 784, 2);
    }
    return fitValidation;
  }

  /** Bytes allocated per training step in steady state, by the caller and the team's threads. */
  long allocatedBytesPerStep(int batch, int threads, int steps) {
    FashionMlpBnNet net = new FashionMlpBnNet(SEED);
    net.threads(threads);
    TrainingStep step = new TrainingStep(net, Optimizer.adam(1e-3), batch);
    return AllocationMeter.bytesPerStep(step, data, order, batch, 3_000, steps);
  }

  double inferRate(int batch, int threads, double seconds) {
    return medianRate(inference(batch, threads), batch, seconds);
  }

  /**
   * One inference pass of a fresh network (the same weights as every network here) on
   * {@code threads} threads over the first {@code batch} rows of {@link #features}.
   */
  Runnable inference(int batch, int threads) {
    Network net = new FashionMlpBnNet(SEED);
    net.threads(threads);
    float[] x = features(batch);
    return () -> net.forwardInfer(x, batch);
  }

  /**
   * One batch pass of a float inference copy ({@link Network#inferenceCopy}) of the same
   * network, whose weights are laid out once for the products; it runs on the calling thread.
   */
  Runnable copyInference(int batch) {
    Network copy = new FashionMlpBnNet(SEED).inferenceCopy(WeightPrecision.FLOAT32);
    float[] x = features(batch);
    return () -> copy.forwardInfer(x, batch);
  }

  /** The first {@code rows} samples of the bench's data, row after row. */
  float[] features(int rows) {
    float[] x = new float[rows * 784];
    data.copyFeatures(0, x, 0);
    return x;
  }

  /**
   * Median microseconds of one single-sample inference pass, calls back to back; on more than one
   * thread the team shares each product's columns.
   */
  double latencyMicros(int threads) {
    return medianMicros(singleSample(threads));
  }

  /** One single-sample inference pass of a fresh network on {@code threads} threads. */
  Runnable singleSample(int threads) {
    Network net = new FashionMlpBnNet(SEED);
    net.threads(threads);
    float[] x = features(1);
    return () -> net.forwardInfer(x, 1);
  }

  /**
   * Median microseconds of {@link Predictor#classOf} on one sample, calls back to back: the
   * thread-safe path a server takes (the thread's own copy of the network, one thread).
   */
  double predictorLatencyMicros() {
    Predictor predictor = Predictor.of(new FashionMlpBnNet(SEED), FashionMlpBnNet::new);
    float[] x = new float[784];
    data.copyFeatures(0, x, 0);
    return medianMicros(() -> predictor.classOf(x));
  }

  /**
   * Median microseconds of one single-sample pass of an inference copy ({@link
   * Network#inferenceCopy}) with weights in {@code precision}, on the calling thread.
   */
  double copyLatencyMicros(WeightPrecision precision) {
    Network copy = new FashionMlpBnNet(SEED).inferenceCopy(precision);
    float[] x = new float[784];
    data.copyFeatures(0, x, 0);
    return medianMicros(() -> copy.forwardInfer(x, 1));
  }

  private static double medianMicros(Runnable call) {
    return medianMicros(new Runnable[] {call})[0];
  }

  /**
   * Median microseconds of each of {@code calls}, made back to back: 50,000 calls of warm-up
   * each, then 20,000 timed calls each, taken in blocks of 1,000 in turn so that a slow spell of
   * the machine falls on every one of them.
   */
  static double[] medianMicros(Runnable[] calls) {
    for (Runnable call : calls) {
      for (int i = 0; i < 50_000; i++) {
        call.run();
      }
    }
    long[][] times = new long[calls.length][20_000];
    for (int block = 0; block < 20; block++) {
      for (int c = 0; c < calls.length; c++) {
        for (int i = block * 1_000; i < (block + 1) * 1_000; i++) {
          long start = System.nanoTime();
          calls[c].run();
          times[c][i] = System.nanoTime() - start;
        }
      }
    }
    double[] medians = new double[calls.length];
    for (int c = 0; c < calls.length; c++) {
      Arrays.sort(times[c]);
      medians[c] = times[c][times[c].length / 2] / 1e3;
    }
    return medians;
  }

  /** GFLOP/s of one kernel on one thread for (rows × k)·(k × n), best of several timed runs. */
  static double gemmGflops(String kernel, int rows, int k, int n, double seconds) {
    float[] a = new float[rows * Math.max(k, n)];
    float[] b = new float[Math.max(k, rows) * n];
    float[] c = new float[Math.max(rows, k) * Math.max(k, n)];
    Arrays.fill(a, 0.5f);
    Arrays.fill(b, 0.25f);
    Runnable call = switch (kernel) {
      case "forward" -> () -> Gemm.matmul(c, a, b, k, n, 0, rows);
      case "weight_gradient" -> () -> Gemm.matmulTransA(c, a, b, rows, k, n, 0, k);
      case "input_gradient" -> () -> Gemm.matmulTransB(c, a, b, k, n, 0, rows);
      default -> throw new IllegalArgumentException("unknown kernel " + kernel);
    };
    return gflops(call, 2.0 * rows * k * n, seconds);
  }

  /**
   * GFLOP/s of {@code work} ({@code flops} per call) on the calling thread: after {@code seconds
   * / 2} of warm-up, the best of five rounds of {@code seconds / 5}.
   */
  static double gflops(Runnable work, double flops, double seconds) {
    runFor(work, seconds / 2);
    double best = 0;
    for (int round = 0; round < 5; round++) {
      long calls = 0;
      long start = System.nanoTime();
      while (System.nanoTime() - start < seconds / 5 * 1e9) {
        work.run();
        calls++;
      }
      best = Math.max(best, calls * flops / (System.nanoTime() - start));
    }
    return best;
  }

  private static double medianRate(Runnable work, int samples, double seconds) {
    return medianRates(new Runnable[] {work}, samples, seconds)[0];
  }

  /** One side of a comparison: it measures a window of about {@code seconds} and gives its rate. */
  interface Side {
    double rate(double seconds);
  }

  /** A side that calls {@code work} ({@code samples} per call) for each window. */
  static Side side(Runnable work, int samples) {
    return seconds -> {
      long calls = 0;
      long start = System.nanoTime();
      long end = start + (long) (seconds * 1e9);
      long now;
      do {
        work.run();
        calls++;
        now = System.nanoTime();
      } while (now < end);
      return calls * samples / ((now - start) / 1e9);
    };
  }

  /** {@link #medianRates(Side[], double)} of works in this JVM, {@code samples} per call. */
  static double[] medianRates(Runnable[] works, int samples, double seconds) {
    Side[] sides = new Side[works.length];
    for (int w = 0; w < works.length; w++) {
      sides[w] = side(works[w], samples);
    }
    return medianRates(sides, seconds);
  }

  /**
   * The rate of each side: after a window of {@code seconds / 2} each as warm-up, the median of
   * five windows of {@code seconds / 5}, so that a moment when another process takes a core moves
   * one window, not the figure. The sides take their windows in turn, so that a few seconds in
   * which the virtual machine slows a core fall on windows of every one of them rather than on all
   * of one: the peers in this JVM (ONNX Runtime, DJL) and the peer processes serving windows
   * ({@link PeerWindows}: the PyTorch of bench and cnn-bench) are among the sides.
   */
  static double[] medianRates(Side[] sides, double seconds) {
    for (Side side : sides) {
      side.rate(seconds / 2);
    }
    double[][] rates = new double[sides.length][5];
    for (int window = 0; window < 5; window++) {
      for (int s = 0; s < sides.length; s++) {
        rates[s][window] = sides[s].rate(seconds / 5);
      }
    }
    double[] medians = new double[sides.length];
    for (int s = 0; s < sides.length; s++) {
      Arrays.sort(rates[s]);
      medians[s] = rates[s][2];
    }
    return medians;
  }

  /** Runs {@code work} repeatedly for about {@code seconds}: warm-up. */
  private static void runFor(Runnable work, double seconds) {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    do {
      for (int i = 0; i < 5; i++) {
        work.run();
      }
    } while (System.nanoTime() < end);
  }
}
