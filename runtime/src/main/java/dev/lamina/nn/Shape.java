package dev.lamina.nn;

/**
 * The shape of one sample as an image: channels, height, width. Samples given to a network are
 * stored channel-major, (C, H, W), as PyTorch and {@code Dataset} store them; inside a network an
 * image layer's output is stored channels-last, (H, W, C), so that the channels of one pixel are
 * contiguous and vector code runs along them.
 *
 * @param channels the number of channels, > 0
 * @param height the height in pixels, > 0
 * @param width the width in pixels, > 0
 */
public record Shape(int channels, int height, int width) {
  /**
   * Checks the sizes.
   *
   * @throws IllegalArgumentException if a size is not positive
   */
  public Shape {
    if (channels <= 0 || height <= 0 || width <= 0) {
      throw new IllegalArgumentException("channels, height and width must be > 0, got "
          + channels + ", " + height + ", " + width);
    }
  }

  /**
   * The number of values of one sample: C·H·W.
   *
   * @return the size
   */
  public int size() {
    return Math.multiplyExact(Math.multiplyExact(channels, height), width);
  }

  /**
   * The number of pixels: H·W.
   *
   * @return the count
   */
  public int pixels() {
    return height * width;
  }

  @Override
  public String toString() {
    return "(" + channels + ", " + height + ", " + width + ")";
  }
}
