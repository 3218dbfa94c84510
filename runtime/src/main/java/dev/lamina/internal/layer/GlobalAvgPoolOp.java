package dev.lamina.internal.layer;

import com.google.auto.service.AutoService;
import dev.lamina.internal.onnx.OnnxGraph;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.Parameters;
import dev.lamina.nn.Shape;
import java.util.List;
import java.util.function.Function;

/** The mean of each channel over the whole image: one value per channel. */
@AutoService(LayerOp.class)
public final class GlobalAvgPoolOp implements LayerOp {
  /** Made once, by {@link LayerOps}. */
  public GlobalAvgPoolOp() {}

  @Override
  public LayerSpec.Type type() {
    return LayerSpec.Type.GLOBAL_AVG_POOL;
  }

  @Override
  public String summaryName(LayerSpec layer) {
    return "GlobalAvgPool2d";
  }

  @Override
  public boolean readsPixels() {
    return true;
  }

  @Override
  public double[] forward(LayerSpec layer, List<float[]> inputs, Parameters parameters, int rows) {
    Shape in = layer.image().in();
    float[] x = inputs.getFirst();
    int channels = in.channels();
    double[] y = new double[rows * channels];
    for (int s = 0; s < rows; s++) {
      for (int c = 0; c < channels; c++) {
        double sum = 0;
        for (int p = 0; p < in.pixels(); p++) {
          sum += x[(s * in.pixels() + p) * channels + c];
        }
        // Rounded to float as the generated code stores it.
        y[s * channels + c] = (float) (sum / in.pixels());
      }
    }
    return y;
  }

  @Override
  public List<double[]> backward(LayerSpec layer, List<float[]> inputs, double[] dz,
      Parameters parameters, int rows) {
    Shape in = layer.image().in();
    int channels = in.channels();
    double[] dx = new double[rows * in.size()];
    for (int s = 0; s < rows; s++) {
      for (int c = 0; c < channels; c++) {
        double d = dz[s * channels + c] / in.pixels();
        for (int p = 0; p < in.pixels(); p++) {
          dx[(s * in.pixels() + p) * channels + c] += d;
        }
      }
    }
    return List.of(dx);
  }

  @Override
  public String onnx(OnnxGraph graph, LayerSpec layer, List<String> inputs, LayerSpec input,
      Function<String, String> tensor) {
    return graph.node("GlobalAveragePool", layer.name(), inputs);
  }
}
