package dev.lamina.internal.layer;

import com.google.auto.service.AutoService;
import dev.lamina.internal.onnx.OnnxGraph;
import dev.lamina.internal.onnx.OnnxGraph.Attribute;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Layers side by side: per sample and pixel (one pixel for flat layers), each input's channels in
 * turn.
 */
@AutoService(LayerOp.class)
public final class ConcatOp implements LayerOp {
  /** Made once, by {@link LayerOps}. */
  public ConcatOp() {}

  @Override
  public LayerSpec.Type type() {
    return LayerSpec.Type.CONCAT;
  }

  @Override
  public String summaryName(LayerSpec layer) {
    return "Concat";
  }

  @Override
  public double[] forward(LayerSpec layer, List<float[]> inputs, Parameters parameters, int rows) {
    double[] y = new double[rows * layer.units()];
    int runs = rows * layer.pixels();
    int offset = 0;
    for (float[] x : inputs) {
      int channels = x.length / runs;
      for (int run = 0; run < runs; run++) {
        for (int c = 0; c < channels; c++) {
          y[run * layer.channels() + offset + c] = x[run * channels + c];
        }
      }
      offset += channels;
    }
    return y;
  }

  /** Each input gets its own channels of the gradient. */
  @Override
  public List<double[]> backward(LayerSpec layer, List<float[]> inputs, double[] dz,
      Parameters parameters, int rows) {
    List<double[]> gradients = new ArrayList<>();
    int runs = rows * layer.pixels();
    int offset = 0;
    for (float[] x : inputs) {
      int channels = x.length / runs;
      double[] d = new double[x.length];
      for (int run = 0; run < runs; run++) {
        System.arraycopy(dz, run * layer.channels() + offset, d, run * channels, channels);
      }
      gradients.add(d);
      offset += channels;
    }
    return gradients;
  }

  /** Channels are axis 1 of (N, C, H, W), features axis 1 of (N, F). */
  @Override
  public String onnx(OnnxGraph graph, LayerSpec layer, List<String> inputs, LayerSpec input,
      Function<String, String> tensor) {
    return graph.node("Concat", layer.name(), inputs, Attribute.of("axis", 1L));
  }
}
