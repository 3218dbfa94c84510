package dev.lamina.internal.layer;

import com.google.auto.service.AutoService;
import dev.lamina.internal.onnx.OnnxGraph;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.Parameters;
import java.util.List;
import java.util.function.Function;

/** The model's input: its values as given. */
@AutoService(LayerOp.class)
public final class InputOp implements LayerOp {
  /** Made once, by {@link LayerOps}. */
  public InputOp() {}

  @Override
  public LayerSpec.Type type() {
    return LayerSpec.Type.INPUT;
  }

  @Override
  public String summaryName(LayerSpec layer) {
    return "Input";
  }

  @Override
  public double[] forward(LayerSpec layer, List<float[]> inputs, Parameters parameters, int rows) {
    throw new UnsupportedOperationException("the input layer " + layer.name() + " computes nothing");
  }

  @Override
  public List<double[]> backward(LayerSpec layer, List<float[]> inputs, double[] dz,
      Parameters parameters, int rows) {
    throw new UnsupportedOperationException("the input layer " + layer.name() + " has no inputs");
  }

  @Override
  public String onnx(OnnxGraph graph, LayerSpec layer, List<String> inputs, LayerSpec input,
      Function<String, String> tensor) {
    throw new IllegalArgumentException(
        "layer " + layer.name() + " is a second input; ONNX export takes one input layer");
  }
}
