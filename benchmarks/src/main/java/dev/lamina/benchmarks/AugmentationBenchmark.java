package dev.lamina.benchmarks;

import dev.lamina.augment.Augmentation;
import dev.lamina.augment.AugmentationSpec;
import dev.lamina.augment.AugmentedBatch;
import dev.lamina.augment.BatchAugmenter;
import dev.lamina.augment.ImageShape;
import dev.lamina.data.Dataset;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Augmented images per second on one thread: a batch of 128 gathered from a dataset and
 * augmented, as the prefetching producer does it. Reported as the secondary result {@code images}
 * (images/s). {@code pipeline}: none (gather only), flip, geometric (flip, rotation, scale,
 * translation: one bilinear pass), pixel (brightness, contrast, noise, cutout), all (both, plus
 * mixup).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar AugmentationBenchmark
 * </pre>
 */
@State(Scope.Thread)
public class AugmentationBenchmark extends LaminaBenchmark {
  private static final int BATCH = 128;
  private static final int SAMPLES = 2048;

  /** Image shape as channels x height x width. */
  @Param({"1x28x28", "3x32x32"})
  public String shape;

  @Param({"none", "flip", "geometric", "pixel", "all"})
  public String pipeline;

  private BatchAugmenter augmenter;
  private AugmentedBatch batch;
  private int[] order;
  private int step;

  /** Images augmented, reported as a rate: images/s. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Images {
    public double images;

    @Setup(Level.Iteration)
    public void reset() {
      images = 0;
    }
  }

  @Setup
  public void setUp() {
    int[] dims = Arrays.stream(shape.split("x")).mapToInt(Integer::parseInt).toArray();
    ImageShape image = ImageShape.of(dims[0], dims[1], dims[2]);
    augmenter = new BatchAugmenter(pipeline(image, pipeline), data(image), BATCH, 10);
    batch = augmenter.newBatch();
    order = Dataset.permutation(SAMPLES, new SplittableRandom(1));
  }

  /**
   * The pipelines measured, as {@link AugmentationSpec} text ({@code bin/lamina augment-bench}
   * measures the same ones); the cutout is a quarter of the side, the fill 0.
   */
  public static Augmentation pipeline(ImageShape image, String name) {
    int side = Math.max(1, image.height() / 4);
    String geometric = "hflip=0.5,rotate=1:10,scale=1:0.9:1.1,translate=1:2:2";
    String pixel = "brightness=1:0.2,contrast=1:0.2,noise=1:0.05,cutout=1:" + side + ":" + side
        + ",clip=0:1";
    String spec = switch (name) {
      case "none" -> "none";
      case "flip" -> "hflip=0.5";
      case "geometric" -> geometric;
      case "pixel" -> pixel;
      case "all" -> geometric + "," + pixel + ",mixup=0.5:0.2";
      default -> throw new IllegalArgumentException("unknown pipeline " + name);
    };
    return AugmentationSpec.parse(spec, image);
  }

  @Benchmark
  public AugmentedBatch batch(Images images) {
    int first = (step++ * BATCH) % (SAMPLES - BATCH);
    augmenter.fill(batch, order, first, BATCH, 1, step, 42);
    images.images += BATCH;
    return batch;
  }

  private static Dataset data(ImageShape image) {
    SplittableRandom random = new SplittableRandom(2);
    float[] x = new float[SAMPLES * image.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextDouble();
    }
    int[] y = new int[SAMPLES];
    Arrays.setAll(y, i -> random.nextInt(10));
    return Dataset.of(x, y, image.size(), 10);
  }
}
