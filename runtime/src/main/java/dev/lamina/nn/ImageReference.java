package dev.lamina.nn;

/**
 * The scalar definition of the image layers, in double precision: convolution, pooling, and the
 * four normalizations of an image. {@link ReferenceNetwork} calls these; the generated networks
 * are tested against them.
 *
 * <p>Layout: a sample given to the network is (C, H, W); every image layer's output is stored
 * (H, W, C), element {@code ((s·H + h)·W + w)·C + c} of a batch. A convolution's weight is
 * (kernel, kernel, input channels, filters).
 */
final class ImageReference {
  private ImageReference() {}

  /** Samples stored (C, H, W) rearranged to (H, W, C). */
  static float[] channelsLast(float[] x, Shape shape, int rows) {
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

  /** z[s, oh, ow, f] = b[f] + Σ_{kh, kw, c} x[s, oh·S − P + kh·D, ow·S − P + kw·D, c] · w[kh, kw, c, f]. */
  static double[] conv(ImageSpec g, float[] w, float[] b, float[] x, int rows) {
    Shape in = g.in();
    Shape out = g.out();
    int k = g.kernel();
    double[] z = new double[rows * out.size()];
    for (int s = 0; s < rows; s++) {
      for (int oh = 0; oh < out.height(); oh++) {
        for (int ow = 0; ow < out.width(); ow++) {
          for (int f = 0; f < out.channels(); f++) {
            double sum = b == null ? 0 : b[f];
            for (int kh = 0; kh < k; kh++) {
              for (int kw = 0; kw < k; kw++) {
                int ih = oh * g.stride() - g.padding() + kh * g.dilation();
                int iw = ow * g.stride() - g.padding() + kw * g.dilation();
                if (ih < 0 || ih >= in.height() || iw < 0 || iw >= in.width()) {
                  continue; // padding: zeros
                }
                for (int c = 0; c < in.channels(); c++) {
                  sum += (double) x[pixel(in, s, ih, iw) + c] * w[weight(g, kh, kw, c, f)];
                }
              }
            }
            z[pixel(out, s, oh, ow) + f] = sum;
          }
        }
      }
    }
    return z;
  }

  /** dW = Σ dz·x over the windows, db = Σ dz, and returns dx = Σ dz·w. */
  static double[] convBackward(ImageSpec g, float[] w, float[] dw, float[] dbOrNull, double[] dz,
      float[] x, int rows) {
    Shape in = g.in();
    Shape out = g.out();
    int k = g.kernel();
    double[] dW = new double[dw.length];
    double[] db = new double[out.channels()];
    double[] dx = new double[rows * in.size()];
    for (int s = 0; s < rows; s++) {
      for (int oh = 0; oh < out.height(); oh++) {
        for (int ow = 0; ow < out.width(); ow++) {
          for (int f = 0; f < out.channels(); f++) {
            double d = dz[pixel(out, s, oh, ow) + f];
            db[f] += d;
            for (int kh = 0; kh < k; kh++) {
              for (int kw = 0; kw < k; kw++) {
                int ih = oh * g.stride() - g.padding() + kh * g.dilation();
                int iw = ow * g.stride() - g.padding() + kw * g.dilation();
                if (ih < 0 || ih >= in.height() || iw < 0 || iw >= in.width()) {
                  continue;
                }
                for (int c = 0; c < in.channels(); c++) {
                  int wi = weight(g, kh, kw, c, f);
                  int xi = pixel(in, s, ih, iw) + c;
                  dW[wi] += d * x[xi];
                  dx[xi] += d * w[wi];
                }
              }
            }
          }
        }
      }
    }
    for (int i = 0; i < dw.length; i++) {
      dw[i] = (float) dW[i];
    }
    if (dbOrNull != null) {
      for (int f = 0; f < db.length; f++) {
        dbOrNull[f] = (float) db[f];
      }
    }
    return dx;
  }

  /** Max, average or global average pooling of each channel. */
  static float[] pool(LayerSpec layer, float[] x, int rows) {
    ImageSpec g = layer.image();
    Shape in = g.in();
    Shape out = g.out();
    float[] y = new float[rows * out.size()];
    for (int s = 0; s < rows; s++) {
      for (int oh = 0; oh < out.height(); oh++) {
        for (int ow = 0; ow < out.width(); ow++) {
          for (int c = 0; c < out.channels(); c++) {
            y[pixel(out, s, oh, ow) + c] = switch (layer.type()) {
              case MAX_POOL -> x[pixel(in, s, oh * g.stride(), ow * g.stride()) + c
                  + firstMax(g, x, s, oh, ow, c)];
              case AVG_POOL -> (float) (windowSum(g, x, s, oh, ow, c) / (g.kernel() * g.kernel()));
              case GLOBAL_AVG_POOL -> (float) (imageSum(in, x, s, c) / in.pixels());
              default -> throw new IllegalArgumentException(layer.type() + " is not a pooling layer");
            };
          }
        }
      }
    }
    return y;
  }

  /**
   * dx of a pooling layer: max pooling sends each output's gradient to its window's first largest
   * input (PyTorch's choice), average pooling spreads it evenly over the window.
   */
  static double[] poolBackward(LayerSpec layer, double[] dy, float[] x, int rows) {
    ImageSpec g = layer.image();
    Shape in = g.in();
    Shape out = g.out();
    int k = g.kernel();
    double[] dx = new double[rows * in.size()];
    for (int s = 0; s < rows; s++) {
      for (int oh = 0; oh < out.height(); oh++) {
        for (int ow = 0; ow < out.width(); ow++) {
          for (int c = 0; c < out.channels(); c++) {
            double d = dy[pixel(out, s, oh, ow) + c];
            switch (layer.type()) {
              case MAX_POOL -> dx[pixel(in, s, oh * g.stride(), ow * g.stride()) + c
                  + firstMax(g, x, s, oh, ow, c)] += d;
              case AVG_POOL -> {
                for (int kh = 0; kh < k; kh++) {
                  for (int kw = 0; kw < k; kw++) {
                    dx[pixel(in, s, oh * g.stride() + kh, ow * g.stride() + kw) + c] += d / (k * k);
                  }
                }
              }
              case GLOBAL_AVG_POOL -> {
                for (int p = 0; p < in.pixels(); p++) {
                  dx[(s * in.pixels() + p) * in.channels() + c] += d / in.pixels();
                }
              }
              default -> throw new IllegalArgumentException(layer.type() + " is not a pooling layer");
            }
          }
        }
      }
    }
    return dx;
  }

  /** The offset, from the window's top-left value, of the window's first largest value. */
  private static int firstMax(ImageSpec g, float[] x, int s, int oh, int ow, int c) {
    Shape in = g.in();
    int origin = pixel(in, s, oh * g.stride(), ow * g.stride()) + c;
    int best = 0;
    for (int kh = 0; kh < g.kernel(); kh++) {
      for (int kw = 0; kw < g.kernel(); kw++) {
        int offset = (kh * in.width() + kw) * in.channels();
        if (x[origin + offset] > x[origin + best]) {
          best = offset;
        }
      }
    }
    return best;
  }

  private static double windowSum(ImageSpec g, float[] x, int s, int oh, int ow, int c) {
    double sum = 0;
    for (int kh = 0; kh < g.kernel(); kh++) {
      for (int kw = 0; kw < g.kernel(); kw++) {
        sum += x[pixel(g.in(), s, oh * g.stride() + kh, ow * g.stride() + kw) + c];
      }
    }
    return sum;
  }

  private static double imageSum(Shape in, float[] x, int s, int c) {
    double sum = 0;
    for (int p = 0; p < in.pixels(); p++) {
      sum += x[(s * in.pixels() + p) * in.channels() + c];
    }
    return sum;
  }

  /** The index of w[kh, kw, c, f] in a (kernel, kernel, input channels, filters) weight. */
  private static int weight(ImageSpec g, int kh, int kw, int c, int f) {
    return ((kh * g.kernel() + kw) * g.in().channels() + c) * g.out().channels() + f;
  }

  /** The index of channel 0 of pixel (h, w) of sample s in an (H, W, C) batch. */
  private static int pixel(Shape shape, int s, int h, int w) {
    return ((s * shape.height() + h) * shape.width() + w) * shape.channels();
  }
}
