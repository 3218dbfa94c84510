package dev.lamina.internal.layer;

import static dev.lamina.internal.layer.Images.pixel;

import com.google.auto.service.AutoService;
import dev.lamina.internal.onnx.OnnxGraph;
import dev.lamina.nn.ImageSpec;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.Parameters;
import dev.lamina.nn.Shape;
import java.util.List;
import java.util.function.Function;

/** The maximum of each window, per channel. */
@AutoService(LayerOp.class)
public final class MaxPoolOp implements LayerOp {
  /** Made once, by {@link LayerOps}. */
  public MaxPoolOp() {}

  @Override
  public LayerSpec.Type type() {
    return LayerSpec.Type.MAX_POOL;
  }

  @Override
  public String summaryName(LayerSpec layer) {
    return "MaxPool2d" + Images.window(layer.image(), layer.image().kernel());
  }

  @Override
  public boolean readsPixels() {
    return true;
  }

  @Override
  public double[] forward(LayerSpec layer, List<float[]> inputs, Parameters parameters, int rows) {
    ImageSpec g = layer.image();
    float[] x = inputs.getFirst();
    Shape out = g.out();
    double[] y = new double[rows * out.size()];
    for (int s = 0; s < rows; s++) {
      for (int oh = 0; oh < out.height(); oh++) {
        for (int ow = 0; ow < out.width(); ow++) {
          for (int c = 0; c < out.channels(); c++) {
            y[pixel(out, s, oh, ow) + c] = x[firstMax(g, x, s, oh, ow, c)];
          }
        }
      }
    }
    return y;
  }

  /** Each output's gradient goes to its window's first largest input, as PyTorch's does. */
  @Override
  public List<double[]> backward(LayerSpec layer, List<float[]> inputs, double[] dz,
      Parameters parameters, int rows) {
    ImageSpec g = layer.image();
    float[] x = inputs.getFirst();
    Shape out = g.out();
    double[] dx = new double[rows * g.in().size()];
    for (int s = 0; s < rows; s++) {
      for (int oh = 0; oh < out.height(); oh++) {
        for (int ow = 0; ow < out.width(); ow++) {
          for (int c = 0; c < out.channels(); c++) {
            dx[firstMax(g, x, s, oh, ow, c)] += dz[pixel(out, s, oh, ow) + c];
          }
        }
      }
    }
    return List.of(dx);
  }

  @Override
  public String onnx(OnnxGraph graph, LayerSpec layer, List<String> inputs, LayerSpec input,
      Function<String, String> tensor) {
    return graph.node("MaxPool", layer.name(), inputs, Images.poolWindow(layer.image()));
  }

  /** The index in {@code x} of the window's first largest value. */
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
    return origin + best;
  }
}
