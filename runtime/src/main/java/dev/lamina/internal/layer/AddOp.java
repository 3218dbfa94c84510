package dev.lamina.internal.layer;

import com.google.auto.service.AutoService;
import dev.lamina.internal.onnx.OnnxGraph;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The element-wise sum of layers of one shape (a residual sum), summed in the inputs' order. */
@AutoService(LayerOp.class)
public final class AddOp implements LayerOp {
  /** Made once, by {@link LayerOps}. */
  public AddOp() {}

  @Override
  public LayerSpec.Type type() {
    return LayerSpec.Type.ADD;
  }

  @Override
  public String summaryName(LayerSpec layer) {
    return "Add";
  }

  @Override
  public boolean hasActivation() {
    return true;
  }

  @Override
  public double[] forward(LayerSpec layer, List<float[]> inputs, Parameters parameters, int rows) {
    double[] sums = new double[rows * layer.units()];
    for (int i = 0; i < sums.length; i++) {
      double sum = 0;
      for (float[] x : inputs) {
        sum += x[i];
      }
      sums[i] = sum;
    }
    return sums;
  }

  /** Each input gets the whole gradient. */
  @Override
  public List<double[]> backward(LayerSpec layer, List<float[]> inputs, double[] dz,
      Parameters parameters, int rows) {
    List<double[]> gradients = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      gradients.add(dz.clone());
    }
    return gradients;
  }

  @Override
  public String onnx(OnnxGraph graph, LayerSpec layer, List<String> inputs, LayerSpec input,
      Function<String, String> tensor) {
    return graph.node("Sum", layer.name(), inputs);
  }
}
