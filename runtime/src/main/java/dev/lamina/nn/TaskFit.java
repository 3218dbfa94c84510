package dev.lamina.nn;

import dev.lamina.Loss;
import dev.lamina.data.Dataset;
import dev.lamina.data.Dataset.TargetKind;

/**
 * Whether a dataset's targets fit a model's loss and outputs: class labels for the classification
 * losses, values as wide as the output for regression, one flag per output for multi-label. The
 * processor checks the model alone when it compiles; this checks it against the data at run time.
 */
public final class TaskFit {
  private TaskFit() {}

  /**
   * Throws an {@link IllegalArgumentException} naming the data ({@code name}), what it holds, what
   * the model needs and how to fix it, unless {@code data} can train or evaluate {@code spec}.
   *
   * @param spec the model
   * @param data the data
   * @param name how messages call the data, e.g. {@code "validation"}
   */
  public static void require(NetworkSpec spec, Dataset data, String name) {
    Loss loss = spec.loss();
    int outputs = spec.outputSize();
    TargetKind kind = data.targetKind();
    String model = spec.name() + " (loss " + loss + ", " + outputs + " output"
        + (outputs == 1 ? "" : "s") + ")";
    boolean fits = switch (loss) {
      case SOFTMAX_CROSS_ENTROPY -> kind == TargetKind.CLASS_LABEL;
      case MEAN_SQUARED_ERROR -> true;
      case MEAN_ABSOLUTE_ERROR, HUBER -> kind == TargetKind.VALUES;
      case BINARY_CROSS_ENTROPY -> kind == TargetKind.CLASS_LABEL;
      case MULTI_LABEL_CROSS_ENTROPY -> kind == TargetKind.MULTI_LABEL;
    };
    if (!fits) {
      throw new IllegalArgumentException(name + " holds " + describe(data) + ", but " + model
          + " " + needs(loss) + "; " + suggestion(kind));
    }
    if (kind == TargetKind.CLASS_LABEL && loss == Loss.BINARY_CROSS_ENTROPY) {
      if (data.classes() != 2 || outputs != 1) {
        throw new IllegalArgumentException(name + " holds " + describe(data) + ", but " + model
            + " needs 2 classes (labels 0 and 1) and a last layer of 1 unit; for more classes use"
            + " Loss.SOFTMAX_CROSS_ENTROPY with one unit per class");
      }
    } else if (kind == TargetKind.CLASS_LABEL && data.classes() > outputs) {
      throw new IllegalArgumentException(name + " has " + data.classes() + " classes but "
          + spec.name() + " has only " + outputs + " outputs");
    } else if (kind != TargetKind.CLASS_LABEL && data.targetSize() != outputs) {
      throw new IllegalArgumentException(name + " holds " + describe(data) + ", but " + model
          + " has " + outputs + "; give the last layer " + data.targetSize() + " units");
    }
  }

  /**
   * Augmentation (and mixup's soft targets) is for images with class labels, trained with softmax
   * cross-entropy or squared error, unweighted; throws naming what does not fit.
   *
   * @param spec the model
   * @param data the training data
   */
  public static void requireAugmentable(NetworkSpec spec, Dataset data) {
    if (data.targetKind() != TargetKind.CLASS_LABEL || data.hasClassWeights()
        || (spec.loss() != Loss.SOFTMAX_CROSS_ENTROPY && spec.loss() != Loss.MEAN_SQUARED_ERROR)) {
      throw new IllegalArgumentException("augmentation trains on images with unweighted class "
          + "labels and Loss.SOFTMAX_CROSS_ENTROPY or MEAN_SQUARED_ERROR, but the training data "
          + "holds " + describe(data) + (data.hasClassWeights() ? " with class weights" : "")
          + " and " + spec.name() + " uses " + spec.loss() + "; train without augmentation");
    }
  }

  private static String describe(Dataset data) {
    return switch (data.targetKind()) {
      case CLASS_LABEL -> "class labels of " + data.classes() + " classes";
      case VALUES -> "regression targets of " + data.targetSize() + " value"
          + (data.targetSize() == 1 ? "" : "s") + " per sample";
      case MULTI_LABEL -> "multi-label targets of " + data.targetSize() + " labels per sample";
    };
  }

  private static String needs(Loss loss) {
    return switch (loss) {
      case SOFTMAX_CROSS_ENTROPY, BINARY_CROSS_ENTROPY -> "needs class labels";
      case MEAN_SQUARED_ERROR -> "needs targets";
      case MEAN_ABSOLUTE_ERROR, HUBER -> "needs regression targets (Dataset.regression)";
      case MULTI_LABEL_CROSS_ENTROPY -> "needs 0/1 flags per label (Dataset.multiLabel)";
    };
  }

  private static String suggestion(TargetKind kind) {
    return switch (kind) {
      case CLASS_LABEL -> "train it with Loss.SOFTMAX_CROSS_ENTROPY (or BINARY_CROSS_ENTROPY with"
          + " one output for 2 classes)";
      case VALUES -> "train it with Loss.MEAN_SQUARED_ERROR, MEAN_ABSOLUTE_ERROR or HUBER";
      case MULTI_LABEL -> "train it with Loss.MULTI_LABEL_CROSS_ENTROPY";
    };
  }
}
