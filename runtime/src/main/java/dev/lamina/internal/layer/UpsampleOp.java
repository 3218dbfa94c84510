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

/**
 * Nearest-neighbour upsampling: output pixel (h, w) is input pixel (h / f, w / f), where the
 * factor f is the ratio of the output's side to the input's.
 */
@AutoService(LayerOp.class)
public final class UpsampleOp implements LayerOp {
  /** Made once, by {@link LayerOps}. */
  public UpsampleOp() {}

  @Override
  public LayerSpec.Type type() {
    return LayerSpec.Type.UPSAMPLE;
  }

  /** The factor of {@code g}: how many times its output's side is its input's. */
  public static int factor(ImageSpec g) {
    return g.out().height() / g.in().height();
  }

  @Override
  public String summaryName(LayerSpec layer) {
    return "Upsample2d " + factor(layer.image()) + "x";
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
    int f = factor(g);
    double[] y = new double[rows * out.size()];
    for (int s = 0; s < rows; s++) {
      for (int h = 0; h < out.height(); h++) {
        for (int w = 0; w < out.width(); w++) {
          for (int c = 0; c < out.channels(); c++) {
            y[pixel(out, s, h, w) + c] = x[pixel(g.in(), s, h / f, w / f) + c];
          }
        }
      }
    }
    return y;
  }

  /** Each input pixel's gradient: the sum over the block it was copied to. */
  @Override
  public List<double[]> backward(LayerSpec layer, List<float[]> inputs, double[] dz,
      Parameters parameters, int rows) {
    ImageSpec g = layer.image();
    Shape out = g.out();
    int f = factor(g);
    double[] dx = new double[rows * g.in().size()];
    for (int s = 0; s < rows; s++) {
      for (int h = 0; h < out.height(); h++) {
        for (int w = 0; w < out.width(); w++) {
          for (int c = 0; c < out.channels(); c++) {
            dx[pixel(g.in(), s, h / f, w / f) + c] += dz[pixel(out, s, h, w) + c];
          }
        }
      }
    }
    return List.of(dx);
  }

  /**
   * ONNX's {@code Resize} in its default nearest mode: for an integer factor, output pixel h reads
   * input pixel round((h + 0.5) / f − 0.5) = ⌊h / f⌋, as here.
   */
  @Override
  public String onnx(OnnxGraph graph, LayerSpec layer, List<String> inputs, LayerSpec input,
      Function<String, String> tensor) {
    float f = factor(layer.image());
    String scales = graph.floats(layer.name() + ".scales", new long[] {4}, new float[] {1, 1, f, f});
    return graph.node("Resize", layer.name(), List.of(inputs.getFirst(), "", scales));
  }
}
