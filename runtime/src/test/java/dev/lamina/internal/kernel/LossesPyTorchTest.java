package dev.lamina.internal.kernel;

import static dev.lamina.testing.NumericAssertions.assertClose;

import dev.lamina.testing.Fixtures;
import dev.lamina.testing.NumericAssertions.Diff;
import org.junit.jupiter.api.Test;

/**
 * Losses against PyTorch's {@code CrossEntropyLoss(label_smoothing=ε)} and {@code MSELoss()} on
 * the committed fixtures (scripts/pytorch_fixtures.py). PyTorch averages over the batch; Lamina
 * returns the sum over rows, so the loss is compared divided by rows. The gradients are both of
 * the batch mean.
 */
class LossesPyTorchTest {
  /** PyTorch computes in float32; Lamina in double, rounded to float once. */
  private static final double LOSS_REL = 1e-5;
  private static final double LOSS_ABS = 1e-6;
  private static final double GRAD_REL = 1e-5;
  private static final double GRAD_ABS = 1e-7;

  @Test
  void softmaxCrossEntropyMatchesPyTorch() {
    double worstLoss = 0;
    double worstGrad = 0;
    for (Fixtures.Node c : Fixtures.load("cross_entropy").get("cases").elements()) {
      int rows = c.get("rows").intValue();
      int classes = c.get("classes").intValue();
      double smoothing = c.get("smoothing").doubleValue();
      float[] gradient = new float[rows * classes];
      double sum = Losses.softmaxCrossEntropy(
          c.floats("logits"), c.ints("labels"), rows, classes, smoothing, gradient);
      String what = c.path() + " (" + rows + "x" + classes + ", smoothing " + smoothing + ")";
      Diff loss = assertClose(what + " loss", c.get("loss").floatValue(), sum / rows,
          LOSS_ABS, LOSS_REL);
      Diff grad = assertClose(what + " dLogits", c.floats("dLogits"), gradient, GRAD_ABS, GRAD_REL);
      worstLoss = Math.max(worstLoss, loss.maxRel());
      worstGrad = Math.max(worstGrad, grad.maxAbs());
    }
    System.out.printf("cross-entropy vs PyTorch: loss max rel %.3g, dLogits max |diff| %.3g%n",
        worstLoss, worstGrad);
  }

  @Test
  void meanSquaredErrorMatchesPyTorch() {
    double worstLoss = 0;
    double worstGrad = 0;
    for (Fixtures.Node c : Fixtures.load("mse").get("cases").elements()) {
      int rows = c.get("rows").intValue();
      int classes = c.get("classes").intValue();
      float[] gradient = new float[rows * classes];
      double sum = Losses.meanSquaredError(
          c.floats("outputs"), c.ints("labels"), rows, classes, gradient);
      String what = c.path() + " (" + rows + "x" + classes + ")";
      Diff loss = assertClose(what + " loss", c.get("loss").floatValue(), sum / rows,
          LOSS_ABS, LOSS_REL);
      Diff grad = assertClose(what + " dOutputs", c.floats("dOutputs"), gradient,
          GRAD_ABS, GRAD_REL);
      worstLoss = Math.max(worstLoss, loss.maxRel());
      worstGrad = Math.max(worstGrad, grad.maxAbs());
    }
    System.out.printf("MSE vs PyTorch: loss max rel %.3g, dOutputs max |diff| %.3g%n",
        worstLoss, worstGrad);
  }
}
