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

/** The mean of each window, per channel. */
@AutoService(LayerOp.class)
public final class AvgPoolOp implements LayerOp {
  /** Made once, by {@link LayerOps}. */
  public AvgPoolOp() {}

  @Override
  public LayerSpec.Type type() {
    return LayerSpec.Type.AVG_POOL;
  }

  @Override
  public String summaryName(LayerSpec layer) {
    return "AvgPool2d" + Images.window(layer.image(), layer.image().kernel());
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
    int k = g.kernel();
    double[] y = new double[rows * out.size()];
    for (int s = 0; s < rows; s++) {
      for (int oh = 0; oh < out.height(); oh++) {
        for (int ow = 0; ow < out.width(); ow++) {
          for (int c = 0; c < out.channels(); c++) {
            double sum = 0;
            for (int kh = 0; kh < k; kh++) {
              for (int kw = 0; kw < k; kw++) {
                sum += x[pixel(g.in(), s, oh * g.stride() + kh, ow * g.stride() + kw) + c];
              }
            }
            // Rounded to float as the generated code stores it.
            y[pixel(out, s, oh, ow) + c] = (float) (sum / (k * k));
          }
        }
      }
    }
    return y;
  }

  /** Each output's gradient spread evenly over its window. */
  @Override
  public List<double[]> backward(LayerSpec layer, List<float[]> inputs, double[] dz,
      Parameters parameters, int rows) {
    ImageSpec g = layer.image();
    Shape out = g.out();
    int k = g.kernel();
    double[] dx = new double[rows * g.in().size()];
    for (int s = 0; s < rows; s++) {
      for (int oh = 0; oh < out.height(); oh++) {
        for (int ow = 0; ow < out.width(); ow++) {
          for (int c = 0; c < out.channels(); c++) {
            double d = dz[pixel(out, s, oh, ow) + c];
            for (int kh = 0; kh < k; kh++) {
              for (int kw = 0; kw < k; kw++) {
                dx[pixel(g.in(), s, oh * g.stride() + kh, ow * g.stride() + kw) + c] += d / (k * k);
              }
            }
          }
        }
      }
    }
    return List.of(dx);
  }

  @Override
  public String onnx(OnnxGraph graph, LayerSpec layer, List<String> inputs, LayerSpec input,
      Function<String, String> tensor) {
    return graph.node("AveragePool", layer.name(), inputs, Images.poolWindow(layer.image()));
  }
}
