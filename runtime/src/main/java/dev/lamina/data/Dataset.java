package dev.lamina.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Labelled samples held in memory: {@code size} rows of {@code featureSize} floats each, stored
 * row-major in one array, and an integer class label per row. Immutable: every operation that
 * selects samples returns a new dataset.
 */
public final class Dataset {
  private final float[] features;
  private final int[] labels;
  private final int featureSize;
  private final int classes;

  private Dataset(float[] features, int[] labels, int featureSize, int classes) {
    this.features = features;
    this.labels = labels;
    this.featureSize = featureSize;
    this.classes = classes;
  }

  /**
   * Wraps {@code features} (row-major, {@code labels.length × featureSize}) and {@code labels}
   * (each in [0, classes)). The arrays are copied.
   */
  public static Dataset of(float[] features, int[] labels, int featureSize, int classes) {
    if (featureSize <= 0) {
      throw new IllegalArgumentException("featureSize must be > 0, got " + featureSize);
    }
    if (classes <= 0) {
      throw new IllegalArgumentException("classes must be > 0, got " + classes);
    }
    if ((long) labels.length * featureSize != features.length) {
      throw new IllegalArgumentException(
          "features.length must be labels.length × featureSize = "
              + labels.length + " × " + featureSize + " = " + (long) labels.length * featureSize
              + ", got " + features.length);
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException(
            "labels[" + i + "] must be in [0, " + classes + "), got " + labels[i]);
      }
    }
    return new Dataset(features.clone(), labels.clone(), featureSize, classes);
  }

  public int size() {
    return labels.length;
  }

  public int featureSize() {
    return featureSize;
  }

  public int classes() {
    return classes;
  }

  public int label(int index) {
    return labels[index];
  }

  /** Copies sample {@code index}'s features into {@code destination} at {@code offset}. */
  public void copyFeatures(int index, float[] destination, int offset) {
    System.arraycopy(features, index * featureSize, destination, offset, featureSize);
  }

  /** A copy of all features, row-major. */
  public float[] features() {
    return features.clone();
  }

  /** A copy of all labels. */
  public int[] labels() {
    return labels.clone();
  }

  /** The samples at {@code indices}, in that order; an index may repeat (bootstrap). */
  public Dataset select(int[] indices) {
    float[] x = new float[indices.length * featureSize];
    int[] y = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      int from = indices[i];
      if (from < 0 || from >= size()) {
        throw new IndexOutOfBoundsException(
            "indices[" + i + "] must be in [0, " + size() + "), got " + from);
      }
      System.arraycopy(features, from * featureSize, x, i * featureSize, featureSize);
      y[i] = labels[from];
    }
    return new Dataset(x, y, featureSize, classes);
  }

  /** The first {@code count} samples. */
  public Dataset head(int count) {
    if (count < 0 || count > size()) {
      throw new IllegalArgumentException("count must be in [0, " + size() + "], got " + count);
    }
    int[] indices = new int[count];
    Arrays.setAll(indices, i -> i);
    return select(indices);
  }

  /**
   * Splits off a random {@code validationFraction} of the samples as validation data. The same
   * seed gives the same split.
   */
  public Split split(double validationFraction, long seed) {
    if (!(validationFraction > 0 && validationFraction < 1)) {
      throw new IllegalArgumentException(
          "validationFraction must be in (0, 1), got " + validationFraction);
    }
    int[] order = permutation(size(), new SplittableRandom(seed));
    int validation = (int) Math.round(size() * validationFraction);
    return new Split(
        select(Arrays.copyOfRange(order, validation, order.length)),
        select(Arrays.copyOf(order, validation)));
  }

  /** A uniformly random permutation of 0..n-1 (Fisher–Yates). */
  public static int[] permutation(int n, SplittableRandom random) {
    int[] order = new int[n];
    Arrays.setAll(order, i -> i);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /** Training and validation parts of a dataset. */
  public record Split(Dataset train, Dataset validation) {}
}
