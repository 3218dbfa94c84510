package dev.lamina.internal.layer;

import dev.lamina.internal.onnx.OnnxGraph.Attribute;
import dev.lamina.nn.ImageSpec;
import dev.lamina.nn.Shape;

/** Indexing and describing the (H, W, C) batches of image layers. */
public final class Images {
  private Images() {}

  /**
   * Samples stored (C, H, W) rearranged to (H, W, C).
   *
   * @param x {@code rows} samples, (C, H, W) each
   * @param shape one sample's shape
   * @param rows the samples
   * @return the same values, (H, W, C) each
   */
  public static float[] channelsLast(float[] x, Shape shape, int rows) {
    int c = shape.channels();
    int hw = shape.pixels();
    float[] y = new float[rows * shape.size()];
    for (int s = 0; s < rows; s++) {
      for (int ch = 0; ch < c; ch++) {
        for (int p = 0; p < hw; p++) {
          y[(s * hw + p) * c + ch] = x[(s * c + ch) * hw + p];
        }
      }
    }
    return y;
  }

  /** The index of channel 0 of pixel (h, w) of sample s in an (H, W, C) batch. */
  static int pixel(Shape shape, int s, int h, int w) {
    return ((s * shape.height() + h) * shape.width() + w) * shape.channels();
  }

  /** " 3x3", then ", stride S" when the stride is not {@code usualStride}. */
  static String window(ImageSpec image, int usualStride) {
    return " " + image.kernel() + "x" + image.kernel()
        + (image.stride() != usualStride ? ", stride " + image.stride() : "");
  }

  /** A pooling node's window: ONNX's kernel_shape and strides. */
  static Attribute[] poolWindow(ImageSpec g) {
    return new Attribute[] {Attribute.ints("kernel_shape", g.kernel(), g.kernel()),
        Attribute.ints("strides", g.stride(), g.stride())};
  }
}
