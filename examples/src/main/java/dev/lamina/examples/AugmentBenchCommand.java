package dev.lamina.examples;

import dev.lamina.augment.Augmentation;
import dev.lamina.augment.AugmentationSpec;
import dev.lamina.augment.AugmentedBatch;
import dev.lamina.augment.AugmentedBatches;
import dev.lamina.augment.BatchAugmenter;
import dev.lamina.augment.ImageShape;
import dev.lamina.data.Dataset;
import dev.lamina.internal.TrainingStep;
import dev.lamina.train.Optimizer;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code bin/lamina augment-bench}: augmented images per second on one thread, for 28×28 and
 * 3×32×32 images and several pipelines (the ones of the JMH AugmentationBenchmark); then the
 * Fashion-MNIST MLP's training rate with augmentation prefetched on another thread against
 * without, in alternating rounds, and how long the training step waited for batches.
 */
final class AugmentBenchCommand implements Command {
  private static final int BATCH = 128;
  private static final int SAMPLES = 4096;
  private static final List<String> PIPELINES = List.of("none", "flip", "geometric", "pixel", "all");

  @Override
  public String name() {
    return "augment-bench";
  }

  @Override
  public String summary() {
    return "augmented images/s (28×28, 3×32×32) and MLP training speed with vs without augmentation";
  }

  @Override
  public String usage() {
    return FashionAugmentation.usage("fashion") + " — the one trained with\n" + """
          --seconds X     measuring time per pipeline and per training round (default 2)
          --rounds N      alternating training rounds with and without (default 3)
          --threads N     threads per training step (default: all cores)""";
  }

  @Override
  public Map<String, Object> run(Options options, PrintStream out) throws Exception {
    Augmentation trained = FashionAugmentation.parse(options.string("--augment", "fashion"));
    double seconds = options.number("--seconds", 2, 0);
    int rounds = options.integer("--rounds", 3, 1);
    int threads = options.integer("--threads", Runtime.getRuntime().availableProcessors(), 1);
    options.requireAllUsed();
    Map<String, Object> json = new LinkedHashMap<>();
    List<Map<String, Object>> rows = new ArrayList<>();

    out.println("Augmented images/s, one thread, batches of 128 (gather + augment):");
    out.println("  pipeline        1×28×28     3×32×32");
    for (String pipeline : PIPELINES) {
      double[] rates = new double[2];
      int s = 0;
      for (ImageShape shape : List.of(ImageShape.of(1, 28, 28), ImageShape.of(3, 32, 32))) {
        rates[s++] = imagesPerSecond(pipelineOf(shape, pipeline), shape, seconds);
      }
      out.printf(Locale.ROOT, "  %-10s %12.0f %11.0f%n", pipeline, rates[0], rates[1]);
      json.put("images_per_second_" + pipeline + "_28x28", rates[0]);
      json.put("images_per_second_" + pipeline + "_3x32x32", rates[1]);
      rows.add(Map.of("pipeline", pipeline, "spec",
          AugmentationSpec.of(pipelineOf(ImageShape.of(1, 28, 28), pipeline)),
          "images_per_second_28x28", rates[0], "images_per_second_3x32x32", rates[1]));
    }

    out.printf(Locale.ROOT, "%nMLP training (784-256-128-10, batch %d, %d threads), augmentation %s%n",
        BATCH, threads, trained);
    Dataset data = BenchData.random(SAMPLES, trained.shape().size(), 3);
    double[] plain = new double[rounds];
    double[] augmented = new double[rounds];
    Round sum = new Round(0, 0, 0, 0, 0);
    trainRate(data, null, threads, seconds / 2); // warm-up of both paths
    trainRate(data, trained, threads, seconds / 2);
    for (int r = 0; r < rounds; r++) {
      Round without = trainRate(data, null, threads, seconds);
      Round with = trainRate(data, trained, threads, seconds);
      plain[r] = without.samplesPerSecond();
      augmented[r] = with.samplesPerSecond();
      sum = sum.plus(with);
      out.printf(Locale.ROOT, "  round %d: without %,.0f samples/s, with %,.0f samples/s (%+.1f%%)%n",
          r + 1, plain[r], augmented[r], 100 * (augmented[r] / plain[r] - 1));
    }
    double medianPlain = median(plain);
    double medianAugmented = median(augmented);
    double slowdown = 1 - medianAugmented / medianPlain;
    double trainingCpu = sum.trainingCpuNanos() / 1e3 / sum.samples();
    double producerCpu = sum.producerCpuNanos() / 1e3 / sum.samples();
    double waited = sum.waitedNanos() / 1e3 / (sum.samples() / BATCH);
    out.printf(Locale.ROOT, "  median: without %,.0f, with %,.0f samples/s: %.1f%% slower%n",
        medianPlain, medianAugmented, 100 * slowdown);
    out.printf(Locale.ROOT, "  CPU per sample: training step %.2f µs (all its threads), augmentation"
        + " %.2f µs (%.1f%% of the step's); the step waited %.1f µs per batch for a batch%n",
        trainingCpu, producerCpu, 100 * producerCpu / trainingCpu, waited);
    json.put("train_slowdown", slowdown);
    json.put("train_cpu_us_per_sample", trainingCpu);
    json.put("augment_cpu_us_per_sample", producerCpu);
    json.put("augment_cpu_fraction", producerCpu / trainingCpu);
    json.put("wait_us_per_batch", waited);
    json.put("pipelines", rows);
    json.put("train_spec", AugmentationSpec.of(trained));
    json.put("train_samples_per_second_without", medianPlain);
    json.put("train_samples_per_second_with", medianAugmented);
    return json;
  }

  /** The benchmark pipelines (as in benchmarks' AugmentationBenchmark). */
  static Augmentation pipelineOf(ImageShape image, String name) {
    int side = Math.max(1, image.height() / 4);
    String geometric = "hflip=0.5,rotate=1:10,scale=1:0.9:1.1,translate=1:2:2";
    String pixel = "brightness=1:0.2,contrast=1:0.2,noise=1:0.05,cutout=1:" + side + ":" + side
        + ",clip=0:1";
    return AugmentationSpec.parse(switch (name) {
      case "none" -> "none";
      case "flip" -> "hflip=0.5";
      case "geometric" -> geometric;
      case "pixel" -> pixel;
      case "all" -> geometric + "," + pixel + ",mixup=0.5:0.2";
      default -> throw new IllegalArgumentException("unknown pipeline " + name);
    }, image);
  }

  private static double imagesPerSecond(Augmentation augmentation, ImageShape shape,
      double seconds) {
    Dataset data = BenchData.random(SAMPLES, shape.size(), 3);
    BatchAugmenter augmenter = new BatchAugmenter(augmentation, data, BATCH, 10);
    AugmentedBatch batch = augmenter.newBatch();
    int[] order = Dataset.permutation(SAMPLES, new SplittableRandom(1));
    long images = 0;
    int step = 0;
    long start = System.nanoTime();
    long warm = start + (long) (seconds / 2 * 1e9);
    while (System.nanoTime() < warm) {
      augmenter.fill(batch, order, (step++ * BATCH) % (SAMPLES - BATCH), BATCH, 1, step, 42);
    }
    start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    long now;
    do {
      augmenter.fill(batch, order, (step++ * BATCH) % (SAMPLES - BATCH), BATCH, 1, step, 42);
      images += BATCH;
      now = System.nanoTime();
    } while (now < end);
    return images / ((now - start) / 1e9);
  }

  /** One timed stretch of training: samples, their rate, and where the CPU time went. */
  private record Round(long samples, double samplesPerSecond, long trainingCpuNanos,
      long producerCpuNanos, long waitedNanos) {
    Round plus(Round o) {
      return new Round(samples + o.samples, 0, trainingCpuNanos + o.trainingCpuNanos,
          producerCpuNanos + o.producerCpuNanos, waitedNanos + o.waitedNanos);
    }
  }

  /**
   * The trainer's own step for about {@code seconds}, with batches gathered in the step ({@code
   * augmentation} null) or augmented ahead on the producer thread; CPU time of the step's threads
   * (the caller and the network's team) and of the producer is measured separately.
   */
  private static Round trainRate(Dataset data, Augmentation augmentation, int threads,
      double seconds) {
    FashionMlpNet net = new FashionMlpNet(1);
    net.threads(threads);
    TrainingStep step = new TrainingStep(net, Optimizer.adam(1e-3), BATCH);
    int batches = SAMPLES / BATCH;
    int epochs = 1000;
    AugmentedBatches prefetched = augmentation == null ? null : AugmentedBatches.start(
        augmentation, data, BATCH, 10, epochs, AugmentBenchCommand::order, 7);
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    long[] ids = AllocationMeter.stepThreadIds();
    try {
      long steps = 0;
      long cpu = cpu(bean, ids);
      long start = System.nanoTime();
      long end = start + (long) (seconds * 1e9);
      long now;
      do {
        int epoch = (int) (steps / batches) + 1;
        int b = (int) (steps % batches);
        if (prefetched == null) {
          step.run(data, order(epoch), b * BATCH, BATCH, steps);
        } else {
          step.run(prefetched.next(), steps);
        }
        steps++;
        now = System.nanoTime();
      } while (now < end && steps < (long) batches * epochs);
      cpu = cpu(bean, ids) - cpu;
      return new Round(steps * BATCH, steps * BATCH / ((now - start) / 1e9), cpu,
          prefetched == null ? 0 : prefetched.producerCpuNanos(),
          prefetched == null ? 0 : prefetched.waitedNanos());
    } finally {
      if (prefetched != null) {
        prefetched.close();
      }
    }
  }

  private static long cpu(ThreadMXBean bean, long[] ids) {
    long total = 0;
    for (long id : ids) {
      total += Math.max(0, bean.getThreadCpuTime(id));
    }
    return total;
  }

  /** The same per-epoch order for both paths; cached so the plain path does not pay for it. */
  private static final Map<Integer, int[]> ORDERS = new java.util.concurrent.ConcurrentHashMap<>();

  private static int[] order(int epoch) {
    return ORDERS.computeIfAbsent(epoch,
        e -> Dataset.permutation(SAMPLES, new SplittableRandom(e)));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
