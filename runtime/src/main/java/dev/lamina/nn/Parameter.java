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

  /**
   * A parameter decayed with the trainer's full strength, or not at all.
   *
   * @param name the tensor's name
   * @param kind weight, bias, γ or β
   * @param shape its dimensions, each > 0
   * @param fanIn inputs feeding each unit
   * @param fanOut units each input feeds
   * @param decayed whether weight decay applies
   */
  public Parameter(String name, ParameterKind kind, int[] shape, int fanIn, int fanOut, boolean decayed) {
    this(name, kind, shape, fanIn, fanOut, decayed ? 1 : 0);
  }

  /**
   * A parameter whose weight decay is the trainer's times {@code decayScale} (0: not decayed),
   * as a layer's {@code @Decay} sets it.
   *
   * @param name the tensor's name, e.g. {@code hidden1.weight}
   * @param kind weight, bias, γ or β
   * @param shape its dimensions, each > 0
   * @param fanIn inputs feeding each unit
   * @param fanOut units each input feeds
   * @param decayScale the factor on the trainer's weight decay, ≥ 0
   * @throws IllegalArgumentException if a dimension is not positive or the scale is negative or
   *     infinite
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

  /**
   * PyTorch-style name, e.g. {@code hidden.weight}.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /** {@return weight, bias, γ or β} */
  public ParameterKind kind() {
    return kind;
  }

  /** {@return a copy of the dimensions} */
  public int[] shape() {
    return shape.clone();
  }

  /**
   * Number of inputs feeding each unit this parameter belongs to.
   *
   * @return the fan-in
   */
  public int fanIn() {
    return fanIn;
  }

  /**
   * Number of units each input feeds.
   *
   * @return the fan-out
   */
  public int fanOut() {
    return fanOut;
  }

  /**
   * Whether weight decay applies to this parameter.
   *
   * @return true when {@link #decayScale()} is above 0
   */
  public boolean decayed() {
    return decayScale > 0;
  }

  /**
   * The factor on the trainer's weight decay for this parameter: 0 when it is not decayed.
   *
   * @return the factor, ≥ 0
   */
  public float decayScale() {
    return decayScale;
  }

  /** {@return the number of values} */
  public int size() {
    return values.length;
  }

  /**
   * The first element of part {@code part}'s share of this tensor when an update is split over
   * {@code parts} threads; part {@code parts} gives {@link #size}. Shares are whole rows of the
   * last dimension (a dense weight's inputs, a convolution weight's patch positions), as the
   * generated passes split weight gradients, so each thread updates the rows it computed and
   * finds them in its own cache.
   *
   * @param part a part, in [0, parts]
   * @param parts the number of parts, > 0
   * @return an element index, in [0, size]
   */
  public int partStart(int part, int parts) {
    int width = shape.length == 1 ? 1 : shape[shape.length - 1];
    return Team.split(values.length / width, part, parts) * width;
  }

  /**
   * The live values: optimizers and the generated code read and write this array in place.
   *
   * @return the values, {@link #size()} of them, row-major
   */
  public float[] values() {
    return values;
  }

  /**
   * The live gradient, overwritten by every backward pass.
   *
   * @return the gradient, as long as the values
   */
  public float[] gradient() {
    return gradient;
  }

  @Override
  public String toString() {
    return name + Arrays.toString(shape);
  }
}
