package dev.lamina.examples;

import static dev.lamina.examples.GradientCheck.randomInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lamina.internal.TrainableNetwork;
import org.junit.jupiter.api.Test;

/**
 * Inverted and classic dropout put the 1/keep correction in different places but promise the
 * same thing: the expected training output equals the inference output.
 */
class DropoutTest {
  private static final int SAMPLES = 20_000;

  @Test
  void invertedDropoutKeepsTheExpectedOutput() {
    assertExpectationMatchesInference(new TestModels_InvertedDropoutNet(7));
  }

  @Test
  void classicDropoutKeepsTheExpectedOutput() {
    assertExpectationMatchesInference(new TestModels_ClassicDropoutNet(7));
  }

  @Test
  void bothModesGiveTheSameInferenceForTheSameWeights() {
    TrainableNetwork inverted = new TestModels_InvertedDropoutNet(7);
    TrainableNetwork classic = new TestModels_ClassicDropoutNet(7);
    float[] x = randomInput(1, 8, 2);
    float[] a = inverted.forwardInfer(x, 1).clone();
    float[] b = classic.forwardInfer(x, 1);
    // Classic scales the hidden layer by keep at inference, so its logits' weighted part halves.
    float[] bias = inverted.parameters().get("out.bias").values();
    for (int j = 0; j < a.length; j++) {
      assertEquals((a[j] - bias[j]) * 0.5, b[j] - bias[j], 1e-5, "output " + j);
    }
  }

  /** The mean of many training passes (fresh masks each) against one inference pass. */
  private static void assertExpectationMatchesInference(TrainableNetwork net) {
    float[] x = randomInput(1, net.inputSize(), 2);
    int outputs = net.outputSize();
    double[] mean = new double[outputs];
    double[] meanSquare = new double[outputs];
    for (int s = 0; s < SAMPLES; s++) {
      float[] out = net.forwardTrain(x, 1, s);
      for (int j = 0; j < outputs; j++) {
        mean[j] += out[j] / (double) SAMPLES;
        meanSquare[j] += (double) out[j] * out[j] / SAMPLES;
      }
    }
    float[] inference = net.forwardInfer(x, 1);
    for (int j = 0; j < outputs; j++) {
      double standardError = Math.sqrt((meanSquare[j] - mean[j] * mean[j]) / SAMPLES);
      if (Math.abs(mean[j] - inference[j]) > 5 * standardError + 1e-6) {
        fail(String.format("output %d: mean training output %.5f vs inference %.5f, more than "
            + "5 standard errors (%.5f) apart", j, mean[j], inference[j], standardError));
      }
    }
  }
}
