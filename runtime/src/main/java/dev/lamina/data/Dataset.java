package dev.lamina.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Samples held in memory: {@code size} rows of {@code featureSize} floats each, stored row-major
 * in one array, and a target per row, of one of three {@link TargetKind kinds}: an integer class
 * label ({@link #of}), {@code targetSize} float values for regression ({@link #regression}), or
 * {@code targetSize} 0/1 flags for multi-label classification ({@link #multiLabel}). Class labels
 * may carry class weights for imbalanced data ({@link #withClassWeights}). Immutable: every
 * operation that selects samples returns a new dataset.
 */
public final class Dataset {
  static {
    // Before a generated network links Vector API types: one message that says what to add.
    dev.lamina.nn.VectorApiCheck.require();
  }

  /** What a sample's target is. */
  public enum TargetKind {
    /** One class in [0, classes) per sample: single-label and binary classification. */
    CLASS_LABEL,
    /** {@code targetSize} real values per sample: regression with one or several outputs. */
    VALUES,
    /** {@code targetSize} flags, each 0 or 1, per sample: multi-label classification. */
    MULTI_LABEL
  }

  private final float[] features;
  private final int featureSize;
  private final TargetKind kind;
  /** The class labels of a {@link TargetKind#CLASS_LABEL} dataset; null otherwise. */
  private final int[] labels;
  /** Row-major {@code size × width} targets of the other kinds; null for class labels. */
  private final float[] values;
  /** The classes of class labels; the values or flags per sample of the other kinds. */
  private final int width;
  /** One weight per class, or null for none (every class weighs 1). */
  private final double[] classWeights;
  private final int size;

  private Dataset(float[] features, int featureSize, TargetKind kind, int[] labels,
      float[] values, int width, double[] classWeights) {
    this.features = features;
    this.featureSize = featureSize;
    this.kind = kind;
    this.labels = labels;
    this.values = values;
    this.width = width;
    this.classWeights = classWeights;
    this.size = features.length / featureSize;
  }

  /**
   * Wraps {@code features} (row-major, {@code labels.length × featureSize}, every value finite)
   * and {@code labels} (each in [0, classes)). The arrays are copied. A binary task has {@code
   * classes = 2}.
   *
   * @param features {@code labels.length × featureSize} values, row-major
   * @param labels each sample's class
   * @param featureSize values per sample, > 0
   * @param classes the number of classes, > 0
   * @return the data set
   * @throws IllegalArgumentException naming the sample and feature of the first NaN or infinite
   *     feature; {@link #ofAllowingNonFinite} takes them as they are
   */
  public static Dataset of(float[] features, int[] labels, int featureSize, int classes) {
    Dataset data = ofAllowingNonFinite(features, labels, featureSize, classes);
    requireFinite(data.features, featureSize, "ofAllowingNonFinite(...)");
    return data;
  }

  /**
   * {@link #of} without the finiteness check on features: NaN and infinite features are kept,
   * e.g. to test what training does with them. Training on them gives a non-finite loss.
   *
   * @param features {@code labels.length × featureSize} values, row-major
   * @param labels each sample's class
   * @param featureSize values per sample, > 0
   * @param classes the number of classes, > 0
   * @return the data set
   */
  public static Dataset ofAllowingNonFinite(float[] features, int[] labels, int featureSize,
      int classes) {
    requirePositive("featureSize", featureSize);
    requirePositive("classes", classes);
    requireRows(features, labels.length, featureSize, "labels.length");
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException(
            "labels[" + i + "] must be in [0, " + classes + "), got " + labels[i]);
      }
    }
    return new Dataset(features.clone(), featureSize, TargetKind.CLASS_LABEL, labels.clone(),
        null, classes, null);
  }

  /**
   * Regression data: {@code features} (row-major, {@code n × featureSize}, every value finite)
   * and {@code targets} (row-major, {@code n × outputs}, every value finite). The arrays are
   * copied.
   *
   * @param features {@code n × featureSize} values, row-major
   * @param targets {@code n × outputs} values, row-major
   * @param featureSize values per sample, > 0
   * @param outputs target values per sample, > 0
   * @return the data set
   * @throws IllegalArgumentException if a size does not fit or a value is not finite
   */
  public static Dataset regression(float[] features, float[] targets, int featureSize,
      int outputs) {
    Dataset data = regressionAllowingNonFinite(features, targets, featureSize, outputs);
    requireFinite(data.features, featureSize, null);
    return data;
  }

  /** {@link #regression} without the finiteness check on features (targets are checked). */
  static Dataset regressionAllowingNonFinite(float[] features, float[] targets, int featureSize,
      int outputs) {
    requirePositive("featureSize", featureSize);
    requirePositive("outputs", outputs);
    int rows = requireTargetRows(targets, outputs, "outputs");
    requireRows(features, rows, featureSize, "targets.length / outputs");
    for (int i = 0; i < targets.length; i++) {
      if (!Float.isFinite(targets[i])) {
        throw new IllegalArgumentException("targets[" + i + "] (sample " + i / outputs
            + ", output " + i % outputs + ") must be finite, got " + targets[i]
            + "; drop or fill the samples with missing targets before building the dataset");
      }
    }
    return new Dataset(features.clone(), featureSize, TargetKind.VALUES, null, targets.clone(),
        outputs, null);
  }

  /**
   * Multi-label data: {@code features} (row-major, {@code n × featureSize}) and {@code targets}
   * (row-major, {@code n × labels}), where {@code targets[i·labels + j]} is 1 when sample i has
   * label j and 0 when it has not. Every feature must be finite. The arrays are copied.
   *
   * @param features {@code n × featureSize} values, row-major
   * @param targets {@code n × labels} flags, 0 or 1
   * @param featureSize values per sample, > 0
   * @param labels flags per sample, > 0
   * @return the data set
   * @throws IllegalArgumentException if a size does not fit, a feature is not finite or a flag is
   *     not 0 or 1
   */
  public static Dataset multiLabel(float[] features, float[] targets, int featureSize,
      int labels) {
    Dataset data = multiLabelAllowingNonFinite(features, targets, featureSize, labels);
    requireFinite(data.features, featureSize, null);
    return data;
  }

  /** {@link #multiLabel} without the finiteness check on features. */
  static Dataset multiLabelAllowingNonFinite(float[] features, float[] targets, int featureSize,
      int labels) {
    requirePositive("featureSize", featureSize);
    requirePositive("labels", labels);
    int rows = requireTargetRows(targets, labels, "labels");
    requireRows(features, rows, featureSize, "targets.length / labels");
    for (int i = 0; i < targets.length; i++) {
      if (targets[i] != 0 && targets[i] != 1) {
        throw new IllegalArgumentException("targets[" + i + "] (sample " + i / labels
            + ", label " + i % labels + ") must be 0 or 1, got " + targets[i]
            + "; a multi-label target says, for each label, whether the sample has it");
      }
    }
    return new Dataset(features.clone(), featureSize, TargetKind.MULTI_LABEL, null,
        targets.clone(), labels, null);
  }

  /**
   * This data with the loss of each sample multiplied by its class's weight while training
   * (Keras's {@code class_weight}), e.g. {@link #balancedClassWeights()} for imbalanced data.
   * Validation figures stay unweighted. Only class-labelled data has classes to weigh.
   *
   * @param weights one weight per class, each ≥ 0 and finite
   * @return a copy of this data (sharing its arrays) with the weights
   * @throws IllegalArgumentException if the count or a weight is wrong, or the data is not
   *     class-labelled
   */
  public Dataset withClassWeights(double... weights) {
    requireKind(TargetKind.CLASS_LABEL, "withClassWeights");
    if (weights.length != width) {
      throw new IllegalArgumentException("weights must have one value per class, " + width
          + ", got " + weights.length);
    }
    for (int c = 0; c < weights.length; c++) {
      if (!(weights[c] > 0) || Double.isInfinite(weights[c])) {
        throw new IllegalArgumentException(
            "weights[" + c + "] must be > 0 and finite, got " + weights[c]);
      }
    }
    return new Dataset(features, featureSize, kind, labels, values, width, weights.clone());
  }

  /**
   * This data without class weights: every sample's loss counts once.
   *
   * @return a copy of this data (sharing its arrays) without weights
   */
  public Dataset withoutClassWeights() {
    return new Dataset(features, featureSize, kind, labels, values, width, null);
  }

  /**
   * The weights that make every class weigh as much in total: size / (classes × count(c)), as
   * scikit-learn's {@code compute_class_weight("balanced")}. Every class must have a sample.
   *
   * @return one weight per class
   * @throws IllegalArgumentException if a class has no sample
   */
  public double[] balancedClassWeights() {
    requireKind(TargetKind.CLASS_LABEL, "balancedClassWeights");
    int[] counts = new int[width];
    for (int label : labels) {
      counts[label]++;
    }
    double[] weights = new double[width];
    for (int c = 0; c < width; c++) {
      if (counts[c] == 0) {
        throw new IllegalStateException("class " + c + " has no sample, so no weight can balance"
            + " it; give the weights yourself with withClassWeights(...)");
      }
      weights[c] = (double) size / ((double) width * counts[c]);
    }
    return weights;
  }

  /** {@return the number of samples} */
  public int size() {
    return size;
  }

  /** {@return the number of values per sample} */
  public int featureSize() {
    return featureSize;
  }

  /** {@return what each sample's target is: a class label, values, or 0/1 flags} */
  public TargetKind targetKind() {
    return kind;
  }

  /**
   * Floats per sample's target: 1 for a class label, the outputs or labels of the others.
   *
   * @return the target size, ≥ 1
   */
  public int targetSize() {
    return kind == TargetKind.CLASS_LABEL ? 1 : width;
  }

  /**
   * The number of classes of class labels, or of labels of multi-label data.
   *
   * @return the count
   * @throws IllegalStateException for regression data, which has none
   */
  public int classes() {
    if (kind == TargetKind.VALUES) {
      throw new IllegalStateException("this is regression data (" + width + " target values per"
          + " sample): it has no classes; see targetSize()");
    }
    return width;
  }

  /**
   * Sample {@code index}'s class.
   *
   * @param index a sample, in [0, size)
   * @return its class, in [0, classes)
   */
  public int label(int index) {
    requireKind(TargetKind.CLASS_LABEL, "label(int)");
    return labels[index];
  }

  /**
   * The weight of sample {@code index}'s class in the training loss: 1 without class weights.
   *
   * @param index a sample, in [0, size)
   * @return the weight
   */
  public double classWeight(int index) {
    return classWeights == null ? 1 : classWeights[labels[index]];
  }

  /**
   * Whether {@link #withClassWeights} gave this data class weights.
   *
   * @return true with class weights
   */
  public boolean hasClassWeights() {
    return classWeights != null;
  }

  /**
   * A copy of the class weights, or null when there are none.
   *
   * @return one weight per class, or null
   */
  public double[] classWeights() {
    return classWeights == null ? null : classWeights.clone();
  }

  /**
   * Copies sample {@code index}'s features into {@code destination} at {@code offset}.
   *
   * @param index a sample, in [0, size)
   * @param destination where the {@link #featureSize()} values go
   * @param offset the first index written
   */
  public void copyFeatures(int index, float[] destination, int offset) {
    System.arraycopy(features, index * featureSize, destination, offset, featureSize);
  }

  /**
   * Copies sample {@code index}'s {@link #targetSize()} target values (or 0/1 flags) into {@code
   * destination} at {@code offset}. Class-labelled data has {@link #label} instead.
   *
   * @param index a sample, in [0, size)
   * @param destination where the values go
   * @param offset the first index written
   */
  public void copyTargets(int index, float[] destination, int offset) {
    requireValues("copyTargets");
    System.arraycopy(values, index * width, destination, offset, width);
  }

  /**
   * A copy of all features, row-major.
   *
   * @return {@code size × featureSize} values
   */
  public float[] features() {
    return features.clone();
  }

  /**
   * A copy of all labels.
   *
   * @return one label per sample
   */
  public int[] labels() {
    requireKind(TargetKind.CLASS_LABEL, "labels()");
    return labels.clone();
  }

  /**
   * A copy of all target values (or 0/1 flags), row-major {@code size × targetSize}.
   *
   * @return the targets
   */
  public float[] targets() {
    requireValues("targets()");
    return values.clone();
  }

  /**
   * The samples at {@code indices}, in that order; an index may repeat (bootstrap).
   *
   * @param indices samples, in [0, size)
   * @return a new data set of those samples, with this one's class weights
   */
  public Dataset select(int[] indices) {
    float[] x = new float[indices.length * featureSize];
    int[] y = labels == null ? null : new int[indices.length];
    float[] t = values == null ? null : new float[indices.length * width];
    for (int i = 0; i < indices.length; i++) {
      int from = indices[i];
      if (from < 0 || from >= size()) {
        throw new IndexOutOfBoundsException(
            "indices[" + i + "] must be in [0, " + size() + "), got " + from);
      }
      System.arraycopy(features, from * featureSize, x, i * featureSize, featureSize);
      if (y != null) {
        y[i] = labels[from];
      } else {
        System.arraycopy(values, from * width, t, i * width, width);
      }
    }
    return new Dataset(x, featureSize, kind, y, t, width, classWeights);
  }

  /**
   * The first {@code count} samples.
   *
   * @param count how many, in [0, size]
   * @return a new data set of them
   */
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
   *
   * @param validationFraction the share of samples held out, in (0, 1)
   * @param seed the seed of the shuffle
   * @return the two parts, each in the shuffled order
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

  /**
   * A uniformly random permutation of 0..n-1 (Fisher–Yates).
   *
   * @param n the length, ≥ 0
   * @param random the generator
   * @return the permutation
   */
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

  /**
   * Training and validation parts of a dataset.
   *
   * @param train the training part
   * @param validation the validation part
   */
  public record Split(Dataset train, Dataset validation) {}

  private void requireKind(TargetKind wanted, String what) {
    if (kind != wanted) {
      throw new IllegalStateException(what + " needs " + describe(wanted) + " data, but this is "
          + describe(kind) + " data" + (kind == TargetKind.CLASS_LABEL
              ? "; read its classes with label(i) or labels()"
              : "; read its targets with copyTargets(i, ...) or targets()"));
    }
  }

  private void requireValues(String what) {
    if (kind == TargetKind.CLASS_LABEL) {
      requireKind(TargetKind.VALUES, what);
    }
  }

  private static String describe(TargetKind kind) {
    return switch (kind) {
      case CLASS_LABEL -> "class-labelled";
      case VALUES -> "regression";
      case MULTI_LABEL -> "multi-label";
    };
  }

  /**
   * Refuses the first NaN or infinite value of {@code features}, naming its sample (row) and
   * feature (column); {@code optOut} names the factory that keeps such values, if there is one.
   */
  private static void requireFinite(float[] features, int featureSize, String optOut) {
    for (int i = 0; i < features.length; i++) {
      if (!Float.isFinite(features[i])) {
        throw new IllegalArgumentException("features[" + i + "] (sample " + i / featureSize
            + ", feature " + i % featureSize + ") must be finite, got " + features[i]
            + "; drop that sample or fill the value (e.g. with the feature's mean over the"
            + " training samples)" + (optOut == null ? ""
                : ", or keep non-finite features with Dataset." + optOut));
      }
    }
  }

  private static void requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, got " + value);
    }
  }

  private static void requireRows(float[] features, int rows, int featureSize, String rowsName) {
    if ((long) rows * featureSize != features.length) {
      throw new IllegalArgumentException(
          "features.length must be " + rowsName + " × featureSize = " + rows + " × "
              + featureSize + " = " + (long) rows * featureSize + ", got " + features.length);
    }
  }

  private static int requireTargetRows(float[] targets, int width, String widthName) {
    if (targets.length % width != 0) {
      throw new IllegalArgumentException("targets.length must be a multiple of " + widthName
          + " = " + width + " (one row of " + width + " per sample), got " + targets.length);
    }
    return targets.length / width;
  }
}
