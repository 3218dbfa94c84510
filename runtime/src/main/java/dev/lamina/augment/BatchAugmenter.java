package dev.lamina.augment;

import dev.lamina.data.Dataset;
import dev.lamina.nn.Seeds;

/**
 * Fills mini-batches with augmented samples, on the calling thread: each row is gathered from the
 * dataset, augmented from its sample seed (seed, epoch, position in the epoch's order), and, with
 * mixup on, blended with another row of the same batch. The same arguments give the same bits.
 * Not thread-safe; allocates nothing per batch.
 */
public final class BatchAugmenter {
  private final Augmentation augmentation;
  private final Dataset data;
  private final int maxRows;
  private final int classes;
  private final int size;
  private final Augmenter augmenter;
  private final SampleRandom random = new SampleRandom();
  private final float[] sample;
  private final float[] unblended;
  private final int[] partner;
  private final float[] share;

  /**
   * For batches of up to {@code maxRows} samples of {@code data}, with targets {@code classes}
   * wide (the network's outputs, at least the data's classes).
   *
   * @param augmentation what to do to each sample
   * @param data the samples batches are drawn from; its feature size must be the shape's
   * @param maxRows the largest batch, > 0
   * @param classes the width of a target row
   * @throws IllegalArgumentException if the data's feature size is not the augmentation's image
   *     size, or a size is not positive
   */
  public BatchAugmenter(Augmentation augmentation, Dataset data, int maxRows, int classes) {
    this.size = augmentation.shape().size();
    if (data.featureSize() != size) {
      throw new IllegalArgumentException("the augmentation is for images of " + augmentation.shape()
          + " = " + size + " features, but the data has " + data.featureSize()
          + " features per sample; build it with ImageShape.of(channels, height, width) of the data");
    }
    if (maxRows <= 0) {
      throw new IllegalArgumentException("maxRows must be > 0, got " + maxRows);
    }
    if (classes < data.classes()) {
      throw new IllegalArgumentException("classes must be ≥ the data's " + data.classes()
          + " classes, got " + classes);
    }
    this.augmentation = augmentation;
    this.data = data;
    this.maxRows = maxRows;
    this.classes = classes;
    this.augmenter = new Augmenter(augmentation);
    this.sample = new float[size];
    boolean mixes = augmentation.mixes();
    this.unblended = mixes ? new float[maxRows * size] : null;
    this.partner = new int[maxRows];
    this.share = new float[maxRows];
  }

  /** {@return what it does to each sample} */
  public Augmentation augmentation() {
    return augmentation;
  }

  /**
   * A batch buffer this augmenter can fill.
   *
   * @return an empty batch of up to {@code maxRows} rows
   */
  public AugmentedBatch newBatch() {
    return new AugmentedBatch(maxRows, size, classes, augmentation.mixes());
  }

  /**
   * Fills {@code batch} with samples {@code order[first .. first + rows − 1]}, augmented as in
   * epoch {@code epoch} under {@code seed}; {@code index} is the batch's number in the epoch.
   *
   * @param batch the buffer to fill
   * @param order the epoch's sample order
   * @param first the batch's first position in {@code order}
   * @param rows the batch's size, at most {@code maxRows}
   * @param epoch the epoch, from 1
   * @param index the batch's number in the epoch, from 0
   * @param seed the augmentation seed
   */
  public void fill(AugmentedBatch batch, int[] order, int first, int rows, int epoch, int index,
      long seed) {
    if (rows <= 0 || rows > maxRows) {
      throw new IllegalArgumentException("rows must be in [1, " + maxRows + "], got " + rows);
    }
    if (first < 0 || first > order.length - rows) {
      throw new IllegalArgumentException("first must be in [0, " + (order.length - rows)
          + "] for " + rows + " rows of an order of " + order.length + ", got " + first);
    }
    if (batch.features.length < rows * size || batch.classes != classes) {
      throw new IllegalArgumentException("batch was not made by this augmenter's newBatch()");
    }
    for (int r = 0; r < rows; r++) {
      int sampleIndex = order[first + r];
      data.copyFeatures(sampleIndex, sample, 0);
      augmenter.apply(batch.features, r * size, sample, 0,
          Augmentation.sampleSeed(seed, epoch, first + r));
      batch.labels[r] = data.label(sampleIndex);
    }
    batch.rows = rows;
    batch.epoch = epoch;
    batch.index = index;
    batch.soft = augmentation.mixes() && mix(batch, first, rows, epoch, seed);
  }

  /** Blends the rows mixup picks; returns whether it picked any, after writing soft targets. */
  private boolean mix(AugmentedBatch batch, int first, int rows, int epoch, long seed) {
    Augmentation a = augmentation;
    boolean any = false;
    for (int r = 0; r < rows; r++) {
      long sampleSeed = Augmentation.sampleSeed(seed, epoch, first + r);
      random.reset(Seeds.derive(sampleSeed, Augmenter.MIXUP));
      partner[r] = -1;
      if (random.chance(a.mixupP)) {
        partner[r] = random.nextInt(rows);
        double lambda = random.symmetricBeta(a.mixupAlpha);
        share[r] = (float) Math.max(lambda, 1 - lambda);
        any = true;
      }
    }
    if (!any) {
      return false;
    }
    System.arraycopy(batch.features, 0, unblended, 0, rows * size);
    java.util.Arrays.fill(batch.targets, 0, rows * classes, 0f);
    for (int r = 0; r < rows; r++) {
      int p = partner[r];
      if (p < 0) {
        batch.targets[r * classes + batch.labels[r]] = 1;
        continue;
      }
      Pixels.blend(batch.features, r * size, unblended, r * size, unblended, p * size, size,
          share[r]);
      batch.targets[r * classes + batch.labels[r]] += share[r];
      batch.targets[r * classes + batch.labels[p]] += 1 - share[r];
    }
    return true;
  }
}
