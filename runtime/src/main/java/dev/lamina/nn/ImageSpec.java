package dev.lamina.nn;

/**
 * The geometry of an image layer: the shape it reads, the shape it writes and, for a convolution
 * or a pooling layer, its square window. An output side is {@code ⌊(in + 2·padding − extent) /
 * stride⌋ + 1}, where {@code extent = dilation·(kernel − 1) + 1} is the side of the window on the
 * input, as in PyTorch's {@code Conv2d} and {@code MaxPool2d}.
 *
 * @param in the shape of one input sample
 * @param out the shape of one output sample
 * @param kernel the window's side in taps (1 for the input and global pooling)
 * @param stride the step between windows
 * @param padding zeros added on every side of the input (convolutions only)
 * @param dilation the step between a window's taps (convolutions only)
 */
public record ImageSpec(Shape in, Shape out, int kernel, int stride, int padding, int dilation) {
  /**
   * Checks the window.
   *
   * @throws IllegalArgumentException if kernel, stride or dilation is not positive, or padding is
   *     negative
   */
  public ImageSpec {
    if (kernel <= 0 || stride <= 0 || padding < 0 || dilation <= 0) {
      throw new IllegalArgumentException("kernel, stride and dilation must be > 0 and padding >= 0,"
          + " got kernel = " + kernel + ", stride = " + stride + ", padding = " + padding
          + ", dilation = " + dilation);
    }
  }

  /**
   * The geometry of an image input: it writes what it reads.
   *
   * @param shape the input's shape
   * @return the geometry
   */
  public static ImageSpec input(Shape shape) {
    return new ImageSpec(shape, shape, 1, 1, 0, 1);
  }

  /**
   * A convolution with {@code filters} output channels; throws if the window does not fit.
   *
   * @param in the input's shape
   * @param filters output channels, > 0
   * @param kernel the window's side, > 0
   * @param stride the step between windows, > 0
   * @param padding zeros on each side, ≥ 0
   * @param dilation the step between taps, > 0
   * @return the geometry
   * @throws IllegalArgumentException if the window does not fit in the padded input
   */
  public static ImageSpec conv(Shape in, int filters, int kernel, int stride, int padding, int dilation) {
    int extent = dilation * (kernel - 1) + 1;
    return new ImageSpec(in, new Shape(filters, side(in.height(), padding, extent, stride),
        side(in.width(), padding, extent, stride)), kernel, stride, padding, dilation);
  }

  /**
   * A max or average pooling window of side {@code kernel}; throws if it does not fit.
   *
   * @param in the input's shape
   * @param kernel the window's side, > 0
   * @param stride the step between windows, > 0
   * @return the geometry
   * @throws IllegalArgumentException if the window does not fit in the input
   */
  public static ImageSpec pool(Shape in, int kernel, int stride) {
    return new ImageSpec(in, new Shape(in.channels(), side(in.height(), 0, kernel, stride),
        side(in.width(), 0, kernel, stride)), kernel, stride, 0, 1);
  }

  /**
   * Global average pooling: one value per channel.
   *
   * @param in the input's shape
   * @return the geometry, (channels, 1, 1) out
   */
  public static ImageSpec global(Shape in) {
    return new ImageSpec(in, new Shape(in.channels(), 1, 1), 1, 1, 0, 1);
  }

  /**
   * The output side for an input side {@code in}, or 0 when the window does not fit at all.
   *
   * @param in the input's side
   * @param padding zeros on each side
   * @param extent the window's side on the input
   * @param stride the step between windows
   * @return the output's side, or 0
   */
  public static int outputSide(int in, int padding, int extent, int stride) {
    int room = in + 2 * padding - extent;
    return room < 0 ? 0 : room / stride + 1;
  }

  private static int side(int in, int padding, int extent, int stride) {
    int side = outputSide(in, padding, extent, stride);
    if (side <= 0) {
      throw new IllegalArgumentException("a window of extent " + extent + " does not fit an input"
          + " side of " + in + " with padding " + padding);
    }
    return side;
  }

  /**
   * The side of the window on the input: dilation·(kernel − 1) + 1.
   *
   * @return the extent, in pixels
   */
  public int extent() {
    return dilation * (kernel - 1) + 1;
  }

  /**
   * Values of one column of the im2col matrix: kernel²·(input channels).
   *
   * @return the patch size
   */
  public int patch() {
    return kernel * kernel * in.channels();
  }
}
