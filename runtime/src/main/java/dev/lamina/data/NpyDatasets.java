package dev.lamina.data;

import java.util.Arrays;

/**
 * Datasets from NumPy arrays: the first axis is the sample, the rest are flattened in C order
 * into the features (an image array (n, 28, 28) gives 784 features). Non-finite features are
 * refused naming the sample; use {@link #allowingNonFinite} to take them as they are.
 */
public final class NpyDatasets {
  private NpyDatasets() {}

  /**
   * Class labels {@code labels} (n,) of any integer type, or whole floats, in [0, classes).
   *
   * @param features (n, features...) of any type; every dimension after the first is flattened
   * @param labels (n,) labels
   * @param classes the number of classes, > 0
   * @return the data set
   */
  public static Dataset classification(NpyArray features, NpyArray labels, int classes) {
    int[] y = labels(labels);
    return Dataset.of(features(features, y.length, "labels"), y, featureSize(features), classes);
  }

  /**
   * Regression targets {@code targets}, (n,) for one output or (n, outputs) for several.
   *
   * @param features (n, features...) of any type
   * @param targets (n,) or (n, outputs)
   * @return the data set
   */
  public static Dataset regression(NpyArray features, NpyArray targets) {
    int[] shape = targets.shape();
    if (shape.length < 1 || shape.length > 2) {
      throw new IllegalArgumentException("targets must have shape (n,) or (n, outputs), got "
          + Npy.shapeText(shape));
    }
    int outputs = shape.length == 2 ? shape[1] : 1;
    float[] y = targets.toFloats();
    for (int i = 0; i < y.length; i++) {
      if (!Float.isFinite(y[i])) {
        throw new IllegalArgumentException("targets: sample " + i / outputs + " has the"
            + " non-finite target " + y[i] + "; fix or drop it");
      }
    }
    return Dataset.regression(features(features, shape[0], "targets"), y, featureSize(features),
        outputs);
  }

  /**
   * {@link #classification} without the finiteness check on features.
   *
   * @param features (n, features...) of any type
   * @param labels (n,) labels
   * @param classes the number of classes, > 0
   * @return the data set
   */
  public static Dataset allowingNonFinite(NpyArray features, NpyArray labels, int classes) {
    int[] y = labels(labels);
    int[] shape = features.shape();
    requireSamples(shape, y.length, "labels");
    return Dataset.ofAllowingNonFinite(features.toFloats(), y, featureSize(features), classes);
  }

  private static int[] labels(NpyArray labels) {
    if (labels.shape().length != 1) {
      throw new IllegalArgumentException("labels must have shape (n,), got "
          + Npy.shapeText(labels.shape()));
    }
    return labels.toInts();
  }

  private static float[] features(NpyArray features, int samples, String targetsName) {
    int[] shape = features.shape();
    requireSamples(shape, samples, targetsName);
    float[] x = features.toFloats();
    int size = featureSize(features);
    for (int i = 0; i < x.length; i++) {
      if (!Float.isFinite(x[i])) {
        throw new IllegalArgumentException("features: sample " + i / size + " has the"
            + " non-finite value " + x[i] + " at feature " + i % size + "; fix or drop the"
            + " sample, or accept it with NpyDatasets.allowingNonFinite");
      }
    }
    return x;
  }

  private static void requireSamples(int[] shape, int samples, String targetsName) {
    if (shape.length < 2) {
      throw new IllegalArgumentException("features must have shape (n, ...) with one row per"
          + " sample, got " + Npy.shapeText(shape));
    }
    if (shape[0] != samples) {
      throw new IllegalArgumentException("features has " + shape[0] + " samples "
          + Npy.shapeText(shape) + " but " + targetsName + " has " + samples);
    }
  }

  private static int featureSize(NpyArray features) {
    int[] shape = features.shape();
    return NpyArray.size(Arrays.copyOfRange(shape, 1, shape.length));
  }
}
