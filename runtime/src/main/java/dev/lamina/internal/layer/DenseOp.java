package dev.lamina.internal.layer;

import com.google.auto.service.AutoService;
import dev.lamina.init.Fans;
import dev.lamina.internal.onnx.OnnxGraph;
import dev.lamina.internal.onnx.OnnxGraph.Attribute;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.Parameters;
import dev.lamina.nn.Shape;
import java.util.List;
import java.util.function.Function;

/** A fully connected layer: z = x·W + b, with W stored (fanIn, units). */
@AutoService(LayerOp.class)
public final class DenseOp implements WeightedOp {
  /** Made once, by {@link LayerOps}. */
  public DenseOp() {}

  @Override
  public LayerSpec.Type type() {
    return LayerSpec.Type.DENSE;
  }

  @Override
  public String summaryName(LayerSpec layer) {
    return layer.bias() ? "Dense" : "Dense, no bias";
  }

  @Override
  public double[] forward(LayerSpec layer, List<float[]> inputs, Parameters parameters, int rows) {
    float[] x = inputs.getFirst();
    float[] w = parameters.get(layer.name() + ".weight").values();
    float[] b = layer.bias() ? parameters.get(layer.name() + ".bias").values() : null;
    int in = layer.fanIn();
    int out = layer.units();
    double[] z = new double[rows * out];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < out; j++) {
        double s = b == null ? 0 : b[j];
        for (int i = 0; i < in; i++) {
          s += (double) x[r * in + i] * w[i * out + j];
        }
        z[r * out + j] = s;
      }
    }
    return z;
  }

  /** dW = xᵀ·dz, db = Σ dz, and dx = dz·Wᵀ. */
  @Override
  public List<double[]> backward(LayerSpec layer, List<float[]> inputs, double[] dz,
      Parameters parameters, int rows) {
    float[] x = inputs.getFirst();
    int in = layer.fanIn();
    int out = layer.units();
    float[] w = parameters.get(layer.name() + ".weight").values();
    float[] dw = parameters.get(layer.name() + ".weight").gradient();
    for (int i = 0; i < in; i++) {
      for (int j = 0; j < out; j++) {
        double s = 0;
        for (int r = 0; r < rows; r++) {
          s += x[r * in + i] * dz[r * out + j];
        }
        dw[i * out + j] = (float) s;
      }
    }
    if (layer.bias()) {
      float[] db = parameters.get(layer.name() + ".bias").gradient();
      for (int j = 0; j < out; j++) {
        double s = 0;
        for (int r = 0; r < rows; r++) {
          s += dz[r * out + j];
        }
        db[j] = (float) s;
      }
    }
    double[] dx = new double[rows * in];
    for (int r = 0; r < rows; r++) {
      for (int i = 0; i < in; i++) {
        double s = 0;
        for (int j = 0; j < out; j++) {
          s += dz[r * out + j] * w[i * out + j];
        }
        dx[r * in + i] = s;
      }
    }
    return List.of(dx);
  }

  /** Gemm with nn.Linear's (units, fanIn) weight: x · Wᵀ + b, an image input flattened first. */
  @Override
  public String onnx(OnnxGraph graph, LayerSpec layer, List<String> inputs, LayerSpec input,
      Function<String, String> tensor) {
    String x = inputs.getFirst();
    if (input.isImage()) {
      // (N, C, H, W) → (N, C·H·W), as PyTorch flattens.
      x = graph.node("Flatten", layer.name() + "_flatten", List.of(x), Attribute.of("axis", 1L));
    }
    List<String> operands = layer.bias()
        ? List.of(x, tensor.apply("weight"), tensor.apply("bias"))
        : List.of(x, tensor.apply("weight"));
    return graph.node("Gemm", layer.name(), operands, Attribute.of("transB", 1L));
  }

  @Override
  public int[] weightShape(LayerSpec layer) {
    return new int[] {layer.fanIn(), layer.units()};
  }

  @Override
  public Fans fans(LayerSpec layer) {
    return Fans.dense(layer.fanIn(), layer.units());
  }

  /**
   * nn.Linear's (units, fanIn). Lamina flattens an image layer's output (H, W, C), PyTorch
   * (C, H, W): (H, W, C, units) → (units, C, H, W). An image input reaches a dense layer as
   * given, (C, H, W) already: only the transpose.
   */
  @Override
  public TorchLayout torchWeight(LayerSpec layer, LayerSpec input) {
    int[] stored = weightShape(layer);
    int[] torch = {layer.units(), layer.fanIn()};
    if (input.isImageLayer()) {
      Shape in = input.image().out();
      return new TorchLayout(stored, torch,
          new int[] {in.height(), in.width(), in.channels(), layer.units()}, new int[] {3, 2, 0, 1});
    }
    return new TorchLayout(stored, torch, stored, new int[] {1, 0});
  }
}
