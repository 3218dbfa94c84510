package dev.lamina.data;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;

/**
 * Pixels of a decoded image as floats in [0, 1], and bilinear resizing. Gray and RGB images with
 * component samples are read from their raster, as stored: {@code getRGB} would pass gray values
 * through a color-space conversion that changes them.
 */
final class ImagePixels {
  private ImagePixels() {}

  /** The image's pixels as {@code channels} planes (C, H, W) of values in [0, 1]. */
  static float[] channels(BufferedImage image, int channels) {
    int h = image.getHeight();
    int w = image.getWidth();
    float[] rgb = new float[3 * h * w];
    Raster raster = image.getRaster();
    int bands = raster.getNumBands();
    boolean direct = image.getColorModel() instanceof ComponentColorModel && bands <= 4;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int at = y * w + x;
        if (direct) {
          for (int c = 0; c < 3; c++) {
            int band = bands < 3 ? 0 : c; // gray (and gray + alpha) repeat their one value
            float max = (1 << raster.getSampleModel().getSampleSize(band)) - 1;
            rgb[c * h * w + at] = raster.getSample(x, y, band) / max;
          }
        } else {
          int argb = image.getRGB(x, y);
          rgb[at] = ((argb >> 16) & 0xFF) / 255f;
          rgb[h * w + at] = ((argb >> 8) & 0xFF) / 255f;
          rgb[2 * h * w + at] = (argb & 0xFF) / 255f;
        }
      }
    }
    if (channels == 3) {
      return rgb;
    }
    float[] gray = new float[h * w];
    boolean isGray = direct && bands < 3;
    for (int i = 0; i < h * w; i++) {
      gray[i] = isGray ? rgb[i]
          : (float) (0.299 * rgb[i] + 0.587 * rgb[h * w + i] + 0.114 * rgb[2 * h * w + i]);
    }
    return gray;
  }

  /**
   * Resizes {@code channels} planes of {@code h × w} into {@code out} at {@code offset} as planes
   * of {@code height × width}: bilinear with pixel centers aligned (PyTorch's {@code
   * align_corners=False}); the same size is copied as is.
   */
  static void resize(float[] in, int channels, int h, int w, float[] out, int offset,
      int height, int width) {
    if (h == height && w == width) {
      System.arraycopy(in, 0, out, offset, channels * h * w);
      return;
    }
    for (int c = 0; c < channels; c++) {
      int plane = c * h * w;
      for (int y = 0; y < height; y++) {
        double sy = Math.max(0, (y + 0.5) * h / height - 0.5);
        int y0 = Math.min((int) sy, h - 1);
        int y1 = Math.min(y0 + 1, h - 1);
        double fy = sy - y0;
        for (int x = 0; x < width; x++) {
          double sx = Math.max(0, (x + 0.5) * w / width - 0.5);
          int x0 = Math.min((int) sx, w - 1);
          int x1 = Math.min(x0 + 1, w - 1);
          double fx = sx - x0;
          double top = in[plane + y0 * w + x0] * (1 - fx) + in[plane + y0 * w + x1] * fx;
          double bottom = in[plane + y1 * w + x0] * (1 - fx) + in[plane + y1 * w + x1] * fx;
          out[offset + (c * height + y) * width + x] = (float) (top * (1 - fy) + bottom * fy);
        }
      }
    }
  }
}
