package dev.lamina.processor.model;

import dev.lamina.nn.ImageSpec;

/** What a {@link LayerKind} says about its output shape for given inputs. */
public sealed interface ShapeResult {
  /**
   * The output is known.
   *
   * @param geometry an image layer's window and shapes (the input's when it is an image); null
   *     for a flat layer
   */
  record Known(LayerShape out, ImageSpec geometry) implements ShapeResult {}

  /** A value the shape needs is out of range; the kind's validator reports it. */
  record BadValue() implements ShapeResult {}

  /** The layer needs an image, and its input is flat. */
  record NeedsImage(long inputSize) implements ShapeResult {}

  /**
   * A merge's inputs do not fit together: input {@code other} cannot be summed with (or placed
   * beside) input {@code first}, the two indices in the merge's list.
   */
  record MergeMismatch(int first, int other) implements ShapeResult {}

  /**
   * The window is larger than the (padded) image it slides over.
   *
   * @param member the annotation member that sets the window: "kernel" or "value"
   * @param window the window as the message names it: "kernel 3, dilation 2", "pooling window 4"
   * @param padding the zeros on each side of the image, 0 for none
   */
  record WindowTooLarge(int extent, int paddedHeight, int paddedWidth, String member,
      String window, int padding) implements ShapeResult {}
}
