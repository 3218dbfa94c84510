package dev.lamina.nn;

import static dev.lamina.testing.NumericAssertions.assertClose;

import dev.lamina.DropoutMode;
import dev.lamina.Init;
import dev.lamina.Loss;
import dev.lamina.Nonlinearity;
import dev.lamina.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scalar {@link ReferenceNetwork} against the same MLP in PyTorch (scripts/pytorch_fixtures.py,
 * mlp.json): logits, loss and every parameter's gradient of the batch-mean loss, for
 * cross-entropy, cross-entropy with label smoothing 0.1 and MSE. The fixture keeps PyTorch's
 * layout, so weights and weight gradients are transposed from (units, fanIn) to Lamina's (fanIn,
 * units) by {@link PyTorchCase#toLamina}.
 */
class ReferenceNetworkPyTorchTest {
  /** Both sides round every layer's output to float32; they differ in summation order only. */
  private static final double OUT_ABS = 1e-6;
  private static final double OUT_REL = 1e-5;
  private static final double LOSS_ABS = 1e-6;
  private static final double LOSS_REL = 1e-5;
  private static final double GRAD_ABS = 1e-6;
  private static final double GRAD_REL = 1e-5;

  @Test
  void logitsLossAndGradientsMatchPyTorch() {
    Fixtures.Node fixture = Fixtures.load("mlp");
    if (!fixture.get("layout").string().equals("torch")) {
      throw new AssertionError("mlp.json layout must be \"torch\" (units, fanIn)");
    }
    int rows = fixture.get("rows").intValue();
    float[] input = fixture.floats("input");
    int[] labels = fixture.ints("labels");
    double worstOut = 0;
    double worstLoss = 0;
    double worstGrad = 0;
    for (Fixtures.Node c : fixture.get("cases").elements()) {
      NetworkSpec spec = spec(fixture, Loss.valueOf(c.get("loss").string()),
          c.get("smoothing").doubleValue());
      Parameters parameters = spec.newParameters();
      PyTorchCase.load(spec, parameters, fixture.get("parameters"));
      ReferenceNetwork network = new ReferenceNetwork(spec, parameters);
      String what = "mlp " + c.get("name").string();

      float[] logits = network.forwardInfer(input, rows).clone();
      worstOut = Math.max(worstOut, assertClose(what + " forwardInfer logits",
          fixture.floats("outputs"), logits, OUT_ABS, OUT_REL).maxAbs());

      float[] trained = network.forwardTrain(input, rows, 1234L);
      assertClose(what + " forwardTrain logits (no dropout)", logits, trained, 0, 0);
      float[] outputGradient = new float[trained.length];
      double sum = network.loss(trained, labels, rows, outputGradient);
      worstLoss = Math.max(worstLoss, assertClose(what + " loss",
          c.get("value").floatValue(), sum / rows, LOSS_ABS, LOSS_REL).maxRel());

      network.backward(outputGradient, rows);
      for (Parameter p : parameters) {
        float[] expected =
            PyTorchCase.toLamina(spec, p, c.get("gradients").get(p.name()).floats());
        worstGrad = Math.max(worstGrad, assertClose(what + " d/d" + p.name(), expected,
            p.gradient(), GRAD_ABS, GRAD_REL).maxAbs());
      }
    }
    System.out.printf(
        "ReferenceNetwork vs PyTorch MLP: logits max |diff| %.3g, loss max rel %.3g, "
            + "gradients max |diff| %.3g%n", worstOut, worstLoss, worstGrad);
  }

  private static NetworkSpec spec(Fixtures.Node fixture, Loss loss, double smoothing) {
    List<LayerSpec> layers = new ArrayList<>();
    int fanIn = fixture.get("inputSize").intValue();
    layers.add(LayerSpec.input("input", fanIn, 1, DropoutMode.INVERTED));
    for (Fixtures.Node l : fixture.get("layers").elements()) {
      int units = l.get("units").intValue();
      layers.add(LayerSpec.dense(l.get("name").string(), units, fanIn, true, Init.AUTO, 0,
          Nonlinearity.valueOf(l.get("activation").string()), 0, 1, DropoutMode.INVERTED));
      fanIn = units;
    }
    return new NetworkSpec("mlp", loss, smoothing, layers);
  }
}
