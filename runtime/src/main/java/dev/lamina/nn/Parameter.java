package dev.lamina.nn;

import dev.lamina.internal.parallel.Team;
import java.util.Arrays;

/**
 * One trainable tensor and its gradient, each a flat row-major {@code float[]} that the generated
 * code reads directly. A dense weight has shape (fanIn, fanOut): row i holds input i's weights to
 * every unit (the transpose of PyTorch's {@code Linear.weight}).
 */
public final class Parameter {
  private final String name;
  private final ParameterKind kind;
  private final int[] shape;
  private final int fanIn;
  private final int fanOut;
  private final float decayScale;
  private final float[] values;
  private final float[] gradient;

  public Parameter(String name, ParameterKind kind, int[] shape, int fanIn, int fanOut, boolean decayed) {
    this(name, kind, shape, fanIn, fanOut, decayed ? 1 : 0);
  }

  /**
   * A parameter whose weight decay is the trainer's times {@code decayScale} (0: not decayed),
   * as a layer's {@code @Decay} sets it.
   */
  public Parameter(String name, ParameterKind kind, int[] shape, int fanIn, int fanOut, double decayScale) {
    if (!(decayScale >= 0) || Double.isInfinite(decayScale)) {
      throw new IllegalArgumentException(
          "decayScale of " + name + " must be >= 0 and finite, got " + decayScale);
    }
    int size = 1;
    for (int d : shape) {
      if (d <= 0) {
        throw new IllegalArgumentException(
            "shape of " + name + " must be positive, got " + Arrays.toString(shape));
      }
      size = Math.multiplyExact(size, d);
    }
    this.name = name;
    this.kind = kind;
    this.shape = shape.clone();
    this.fanIn = fanIn;
    this.fanOut = fanOut;
    this.decayScale = (float) decayScale;
    this.values = new float[size];
    this.gradient = new float[size];
  }

  /** PyTorch-style name, e.g. {@code hidden.weight}. */
  public String name() {
    return name;
  }

  public ParameterKind kind() {
    return kind;
  }

  public int[] shape() {
    return shape.clone();
  }

  /** Number of inputs feeding each unit this parameter belongs to. */
  public int fanIn() {
    return fanIn;
  }

  /** Number of units each input feeds. */
  public int fanOut() {
    return fanOut;
  }

  /** Whether weight decay applies to this parameter. */
  public boolean decayed() {
    return decayScale > 0;
  }

  /** The factor on the trainer's weight decay for this parameter: 0 when it is not decayed. */
  public float decayScale() {
    return decayScale;
  }

  public int size() {
    return values.length;
  }

  /**
   * The first element of part {@code part}'s share of this tensor when an update is split over
   * {@code parts} threads; part {@code parts} gives {@link #size}. Shares are whole rows of the
   * last dimension (a dense weight's inputs, a convolution weight's patch positions), as the
   * generated passes split weight gradients, so each thread updates the rows it computed and
   * finds them in its own cache.
   */
  public int partStart(int part, int parts) {
    int width = shape.length == 1 ? 1 : shape[shape.length - 1];
    return Team.split(values.length / width, part, parts) * width;
  }

  /** The live values: optimizers and the generated code read and write this array in place. */
  public float[] values() {
    return values;
  }

  /** The live gradient, overwritten by every backward pass. */
  public float[] gradient() {
    return gradient;
  }

  @Override
  public String toString() {
    return name + Arrays.toString(shape);
  }
}
