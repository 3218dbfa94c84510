package dev.lamina.internal.layer;

import static dev.lamina.internal.layer.Images.pixel;

import com.google.auto.service.AutoService;
import dev.lamina.init.Fans;
import dev.lamina.internal.onnx.OnnxGraph;
import dev.lamina.internal.onnx.OnnxGraph.Attribute;
import dev.lamina.nn.ImageSpec;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.Parameters;
import dev.lamina.nn.Shape;
import java.util.List;
import java.util.function.Function;

/**
 * A 2-d convolution, its weight stored (kernel, kernel, input channels, filters): a dense weight
 * over each window's values.
 */
@AutoService(LayerOp.class)
public final class ConvOp implements WeightedOp {
  /** Made once, by {@link LayerOps}. */
  public ConvOp() {}

  @Override
  public LayerSpec.Type type() {
    return LayerSpec.Type.CONV;
  }

  @Override
  public String summaryName(LayerSpec layer) {
    ImageSpec image = layer.image();
    return "Conv2d" + Images.window(image, 1)
        + (image.padding() > 0 ? ", padding " + image.padding() : "")
        + (image.dilation() > 1 ? ", dilation " + image.dilation() : "")
        + (layer.bias() ? "" : ", no bias");
  }

  @Override
  public boolean readsPixels() {
    return true;
  }

  /** z[s, oh, ow, f] = b[f] + Σ_{kh, kw, c} x[s, oh·S − P + kh·D, ow·S − P + kw·D, c] · w[kh, kw, c, f]. */
  @Override
  public double[] forward(LayerSpec layer, List<float[]> inputs, Parameters parameters, int rows) {
    ImageSpec g = layer.image();
    float[] x = inputs.getFirst();
    float[] w = parameters.get(layer.name() + ".weight").values();
    float[] b = layer.bias() ? parameters.get(layer.name() + ".bias").values() : null;
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

  /** dW = Σ dz·x over the windows, db = Σ dz, and dx = Σ dz·w. */
  @Override
  public List<double[]> backward(LayerSpec layer, List<float[]> inputs, double[] dz,
      Parameters parameters, int rows) {
    ImageSpec g = layer.image();
    float[] x = inputs.getFirst();
    float[] w = parameters.get(layer.name() + ".weight").values();
    float[] dw = parameters.get(layer.name() + ".weight").gradient();
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
    if (layer.bias()) {
      float[] dbias = parameters.get(layer.name() + ".bias").gradient();
      for (int f = 0; f < db.length; f++) {
        dbias[f] = (float) db[f];
      }
    }
    return List.of(dx);
  }

  @Override
  public String onnx(OnnxGraph graph, LayerSpec layer, List<String> inputs, LayerSpec input,
      Function<String, String> tensor) {
    ImageSpec g = layer.image();
    List<String> operands = layer.bias()
        ? List.of(inputs.getFirst(), tensor.apply("weight"), tensor.apply("bias"))
        : List.of(inputs.getFirst(), tensor.apply("weight"));
    return graph.node("Conv", layer.name(), operands,
        Attribute.ints("kernel_shape", g.kernel(), g.kernel()),
        Attribute.ints("strides", g.stride(), g.stride()),
        Attribute.ints("pads", g.padding(), g.padding(), g.padding(), g.padding()),
        Attribute.ints("dilations", g.dilation(), g.dilation()));
  }

  @Override
  public int[] weightShape(LayerSpec layer) {
    ImageSpec image = layer.image();
    int k = image.kernel();
    return new int[] {k, k, image.in().channels(), image.out().channels()};
  }

  /** As PyTorch's: input channels × kernel² and filters × kernel². */
  @Override
  public Fans fans(LayerSpec layer) {
    int area = layer.image().kernel() * layer.image().kernel();
    return new Fans(layer.fanIn(), layer.image().out().channels() * area);
  }

  /** (kernel, kernel, channels, filters) → (filters, channels, kernel, kernel). */
  @Override
  public TorchLayout torchWeight(LayerSpec layer, LayerSpec input) {
    int[] stored = weightShape(layer);
    return new TorchLayout(stored, new int[] {stored[3], stored[2], stored[0], stored[1]}, stored,
        new int[] {3, 2, 0, 1});
  }

  /** The index of w[kh, kw, c, f] in a (kernel, kernel, input channels, filters) weight. */
  private static int weight(ImageSpec g, int kh, int kw, int c, int f) {
    return ((kh * g.kernel() + kw) * g.in().channels() + c) * g.out().channels() + f;
  }
}
