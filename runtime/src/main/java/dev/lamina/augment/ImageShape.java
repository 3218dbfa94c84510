package dev.lamina.augment;

/**
 * The shape of one image sample: {@code channels × height × width} floats, stored channel by
 * channel and row by row, as a {@link dev.lamina.data.Dataset} row holds them. A flat 784-feature
 * Fashion-MNIST row is {@code ImageShape.of(1, 28, 28)}.
 *
 * @param channels the number of channels (1 for grey, 3 for RGB), > 0
 * @param height the height in pixels, > 0
 * @param width the width in pixels, > 0
 */
public record ImageShape(int channels, int height, int width)
    implements java.io.Serializable {
  /**
   * Checks the sizes.
   *
   * @throws IllegalArgumentException if a size is not positive or their product overflows an int
   */
  public ImageShape {
    requirePositive("channels", channels);
    requirePositive("height", height);
    requirePositive("width", width);
    if ((long) channels * height * width > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("channels × height × width must fit in an int, got "
          + channels + " × " + height + " × " + width);
    }
  }

  /**
   * {@return the shape {@code channels × height × width}}
   *
   * @param channels the number of channels, > 0
   * @param height the height in pixels, > 0
   * @param width the width in pixels, > 0
   */
  public static ImageShape of(int channels, int height, int width) {
    return new ImageShape(channels, height, width);
  }

  /**
   * Floats per image: channels × height × width.
   *
   * @return the size, in floats
   */
  public int size() {
    return channels * height * width;
  }

  /**
   * Floats per channel: height × width.
   *
   * @return the size, in floats
   */
  public int plane() {
    return height * width;
  }

  @Override
  public String toString() {
    return channels + "×" + height + "×" + width;
  }

  private static void requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, got " + value);
    }
  }
}
