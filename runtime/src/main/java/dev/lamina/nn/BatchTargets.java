package dev.lamina.nn;

import dev.lamina.Loss;
import dev.lamina.data.Dataset;
import dev.lamina.internal.kernel.Losses;
import dev.lamina.internal.kernel.TargetLosses;

/**
 * The targets of a batch's rows, gathered from a {@link Dataset} beside their features: class
 * labels, or rows of values or 0/1 flags as wide as the network's output, and each row's class
 * weight. It scores a row of network output against them with the model's {@link Loss}, one row
 * at a time so that threads scoring different rows give the bits of one. Buffers are reused.
 */
public final class BatchTargets {
  private final int[] labels;
  private final float[] values;
  private final double[] weights;
  private final int width;
  private Dataset.TargetKind kind = Dataset.TargetKind.CLASS_LABEL;
  private boolean weighted;

  /**
   * Buffers for up to {@code maxRows} rows of a network with {@code outputs} outputs.
   *
   * @param maxRows the largest batch, > 0
   * @param outputs the network's outputs
   */
  public BatchTargets(int maxRows, int outputs) {
    this.labels = new int[maxRows];
    this.values = new float[maxRows * outputs];
    this.weights = new double[maxRows];
    this.width = outputs;
  }

  /**
   * Starts a batch of {@code data}'s rows; then {@link #gather} each of them.
   *
   * @param data the data the batch's rows come from
   */
  public void begin(Dataset data) {
    kind = data.targetKind();
    weighted = data.hasClassWeights();
  }

  /**
   * Row {@code row} takes sample {@code sample}'s target (from the data given to begin).
   *
   * @param data the data given to {@link #begin}
   * @param sample a sample of it
   * @param row the batch row, in [0, maxRows)
   */
  public void gather(Dataset data, int sample, int row) {
    if (kind == Dataset.TargetKind.CLASS_LABEL) {
      labels[row] = data.label(sample);
      weights[row] = data.classWeight(sample);
    } else {
      data.copyTargets(sample, values, row * width);
    }
  }

  /**
   * A batch of {@code rows} unweighted class labels (augmented batches bring their own).
   *
   * @param rowLabels one class per row
   * @param rows the batch's size
   */
  public void labels(int[] rowLabels, int rows) {
    kind = Dataset.TargetKind.CLASS_LABEL;
    weighted = false;
    System.arraycopy(rowLabels, 0, labels, 0, rows);
  }

  /**
   * Row {@code r}'s loss under {@code spec}'s loss in a batch of {@code rows}, times its class
   * weight; writes its gradient of the batch mean into {@code gradient} (if not null).
   *
   * @param spec the model, for its loss and its settings
   * @param out the batch's outputs, row-major
   * @param r the row
   * @param rows the batch's size
   * @param gradient where the row's output gradient goes, or null
   * @return the row's weighted loss
   */
  public double loss(NetworkSpec spec, float[] out, int r, int rows, float[] gradient) {
    boolean classes = kind == Dataset.TargetKind.CLASS_LABEL;
    if (classes != takesLabels(spec.loss()) && spec.loss() != Loss.MEAN_SQUARED_ERROR) {
      throw new IllegalArgumentException(spec.name() + "'s loss " + spec.loss() + " does not "
          + "take " + (classes ? "class labels" : "target values") + "; see TaskFit");
    }
    double loss = switch (spec.loss()) {
      case SOFTMAX_CROSS_ENTROPY ->
          Losses.softmaxCrossEntropyRow(out, labels, r, rows, width, spec.labelSmoothing(),
              gradient);
      case MEAN_SQUARED_ERROR -> classes
          ? Losses.meanSquaredErrorRow(out, labels, r, rows, width, gradient)
          : TargetLosses.squaredErrorRow(out, values, r, rows, width, gradient);
      case MEAN_ABSOLUTE_ERROR ->
          TargetLosses.absoluteErrorRow(out, values, r, rows, width, gradient);
      case HUBER -> TargetLosses.huberRow(out, values, r, rows, width, spec.huberDelta(),
          gradient);
      case BINARY_CROSS_ENTROPY -> {
        if (width != 1) {
          throw new IllegalArgumentException(spec.name() + " has " + width + " outputs, but "
              + "BINARY_CROSS_ENTROPY scores one logit per sample");
        }
        yield TargetLosses.binaryCrossEntropyRow(out, labels, r, rows, gradient);
      }
      case MULTI_LABEL_CROSS_ENTROPY ->
          TargetLosses.sigmoidCrossEntropyRow(out, values, r, rows, width, gradient);
    };
    if (!weighted) {
      return loss;
    }
    double w = weights[r];
    if (gradient != null) {
      for (int c = r * width, end = c + width; c < end; c++) {
        gradient[c] = (float) (gradient[c] * w);
      }
    }
    return loss * w;
  }

  private static boolean takesLabels(Loss loss) {
    return loss == Loss.SOFTMAX_CROSS_ENTROPY || loss == Loss.BINARY_CROSS_ENTROPY
        || loss == Loss.MEAN_SQUARED_ERROR;
  }

  /**
   * Whether row {@code r}'s output predicts its target: the largest output is the class; one
   * logit above 0 is class 1; every label's logit (or MSE output) on the flag's side of the
   * threshold. Regression has no right or wrong: always false.
   *
   * @param loss the model's loss
   * @param out the batch's outputs, row-major
   * @param r the row
   * @return true when right
   */
  public boolean correct(Loss loss, float[] out, int r) {
    return switch (kind) {
      case CLASS_LABEL -> loss == Loss.BINARY_CROSS_ENTROPY
          ? (out[r] > 0 ? 1 : 0) == labels[r]
          : Losses.argmax(out, r * width, width) == labels[r];
      case MULTI_LABEL -> allFlagsRight(out, r, loss == Loss.MEAN_SQUARED_ERROR ? 0.5f : 0f);
      case VALUES -> false;
    };
  }

  private boolean allFlagsRight(float[] out, int r, float threshold) {
    for (int c = r * width, end = c + width; c < end; c++) {
      if ((out[c] > threshold) != (values[c] == 1)) {
        return false;
      }
    }
    return true;
  }
}
