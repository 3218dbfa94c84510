package dev.lamina.augment;

/**
 * One mini-batch of augmented samples, ready for a training step: {@code rows} images, row-major,
 * their classes, and, when mixup blended some of them, soft targets. The arrays are buffers that
 * are reused for later batches: read them before asking for the next batch.
 */
public final class AugmentedBatch {
  final float[] features;
  final int[] labels;
  final float[] targets;
  final int classes;
  int rows;
  boolean soft;
  int epoch;
  int index;

  AugmentedBatch(int maxRows, int featureSize, int classes, boolean mixes) {
    this.features = new float[maxRows * featureSize];
    this.labels = new int[maxRows];
    this.targets = mixes ? new float[maxRows * classes] : null;
    this.classes = classes;
  }

  /**
   * {@code rows × featureSize} floats (the array may be longer).
   *
   * @return the batch's features, row-major; read only the first {@code rows × featureSize}
   */
  public float[] features() {
    return features;
  }

  /**
   * Each row's class; for a blended row, the class with the larger share (λ ≥ 1/2).
   *
   * @return the labels; read only the first {@link #rows()}
   */
  public int[] labels() {
    return labels;
  }

  /**
   * {@code rows × classes} target probabilities when {@link #soft()}: λ on the row's class and
   * 1 − λ on its mixup partner's; one-hot for rows that were not blended.
   *
   * @return the targets, row-major; meaningful only when {@link #soft()}
   */
  public float[] targets() {
    if (!soft) {
      throw new IllegalStateException(
          "this batch has no soft targets: no row was blended by mixup; use labels()");
    }
    return targets;
  }

  /** {@return the number of samples in the batch} */
  public int rows() {
    return rows;
  }

  /**
   * Whether mixup blended any row, so that the loss must use {@link #targets()}.
   *
   * @return true when some row has soft targets
   */
  public boolean soft() {
    return soft;
  }

  /**
   * The width of a target row: the network's number of outputs.
   *
   * @return the number of classes
   */
  public int classes() {
    return classes;
  }

  /**
   * The epoch (from 1) this batch belongs to.
   *
   * @return the epoch
   */
  public int epoch() {
    return epoch;
  }

  /**
   * The batch's number within its epoch, from 0.
   *
   * @return the index
   */
  public int index() {
    return index;
  }
}
