package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.fail;

import dev.lamina.internal.TrainableNetwork;
import dev.lamina.nn.Parameter;
import dev.lamina.nn.ReferenceNetwork;
import java.util.List;
import java.util.SplittableRandom;

/** Shared checks for generated networks: closeness with the largest difference on failure. */
final class GradientCheck {
  private GradientCheck() {}

  static float[] randomInput(int rows, int width, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[rows * width];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    return x;
  }

  static int[] randomLabels(int rows, int classes, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] labels = new int[rows];
    for (int i = 0; i < rows; i++) {
      labels[i] = random.nextInt(classes);
    }
    return labels;
  }

  /** Fails when any |expected − actual| > abs + rel·|expected|, naming the worst element. */
  static void assertClose(String what, float[] expected, float[] actual, int count, double abs, double rel) {
    int worst = -1;
    double worstExcess = 0;
    double maxDiff = 0;
    for (int i = 0; i < count; i++) {
      double diff = Math.abs((double) expected[i] - actual[i]);
      maxDiff = Math.max(maxDiff, diff);
      double excess = diff - (abs + rel * Math.abs(expected[i]));
      if (excess > worstExcess || Double.isNaN(diff)) {
        worstExcess = Double.isNaN(diff) ? Double.POSITIVE_INFINITY : excess;
        worst = i;
      }
    }
    if (worst >= 0) {
      fail(String.format("%s: largest excess at [%d]: expected %.9g, got %.9g (max |diff| %.3g; tolerance %.1g + %.1g·|expected|)",
          what, worst, expected[worst], actual[worst], maxDiff, abs, rel));
    }
  }

  /**
   * The generated {@code net} against the scalar {@link ReferenceNetwork} on its weights, for each
   * batch size of {@code batches}: training output (same dropout masks and noise), every
   * parameter's gradient, then inference with the network's running statistics.
   */
  static void assertMatchesReference(String name, TrainableNetwork net, List<Integer> batches) {
    ReferenceNetwork reference = new ReferenceNetwork(net.spec(), net.parameters());
    for (int rows : batches) {
      float[] x = randomInput(rows, net.inputSize(), rows);
      int[] labels = randomLabels(rows, net.outputSize(), rows);
      long maskSeed = 1000 + rows;
      int outputs = rows * net.outputSize();

      float[] expected = reference.forwardTrain(x, rows, maskSeed).clone();
      float[] actual = net.forwardTrain(x, rows, maskSeed).clone();
      assertClose(name + " train output, rows " + rows, expected, actual, outputs, 1e-5, 1e-4);

      float[] grad = new float[outputs];
      net.loss(actual, labels, rows, grad);
      net.backward(grad.clone(), rows);
      List<float[]> generatedGrads = net.parameters().list().stream()
          .map(p -> p.gradient().clone()).toList();
      reference.forwardTrain(x, rows, maskSeed);
      reference.backward(grad, rows);
      List<Parameter> params = net.parameters().list();
      for (int i = 0; i < params.size(); i++) {
        Parameter p = params.get(i);
        // Absolute tolerance relative to the tensor's scale: small batches make batch norm's
        // input gradient a difference of nearly equal terms, and float32 keeps fewer digits.
        assertClose(name + " " + p.name() + " gradient, rows " + rows, p.gradient(),
            generatedGrads.get(i), p.size(), 1e-6 + 5e-4 * maxAbs(p.gradient()), 1e-4);
      }

      // The reference ran one more training pass: give it the network's running statistics.
      for (int i = 0; i < net.state().size(); i++) {
        float[] from = net.state().get(i).values();
        System.arraycopy(from, 0, reference.state().get(i).values(), 0, from.length);
      }
      expected = reference.forwardInfer(x, rows).clone();
      actual = net.forwardInfer(x, rows);
      assertClose(name + " inference output, rows " + rows, expected, actual, outputs, 1e-5, 1e-4);
    }
  }

  private static double maxAbs(float[] v) {
    double max = 0;
    for (float x : v) {
      max = Math.max(max, Math.abs(x));
    }
    return max;
  }

  private static double difference(TrainableNetwork net, float[] x, int rows, int[] labels, long maskSeed,
      float[] values, int i, double h) {
    float original = values[i];
    values[i] = (float) (original + h);
    double up = loss(net, x, rows, labels, maskSeed);
    values[i] = (float) (original - h);
    double down = loss(net, x, rows, labels, maskSeed);
    values[i] = original;
    return (up - down) / (2 * h);
  }

  /** The loss of a training-mode forward pass with fixed masks, in double. */
  static double loss(TrainableNetwork net, float[] x, int rows, int[] labels, long maskSeed) {
    float[] out = net.forwardTrain(x, rows, maskSeed);
    return net.loss(out, labels, rows, null) / rows;
  }

  /**
   * Central finite differences of the mean loss against every {@code stride}-th value of every
   * parameter, compared with the gradient of {@link TrainableNetwork#backward}. Where a step of h and of
   * h/4 disagree, the difference quotient straddles a ReLU kink and says nothing about the
   * gradient: such entries are skipped, and more than 10% of them (or more than one, for a small
   * tensor) fails the check.
   */
  static void assertFiniteDifferences(TrainableNetwork net, float[] x, int rows, int[] labels, long maskSeed, int stride) {
    float[] out = net.forwardTrain(x, rows, maskSeed);
    float[] grad = new float[rows * net.outputSize()];
    net.loss(out, labels, rows, grad);
    net.backward(grad, rows);
    double h = 1e-3;
    for (Parameter p : net.parameters()) {
      float[] analytic = p.gradient().clone();
      float[] values = p.values();
      int n = (values.length + stride - 1) / stride;
      float[] numeric = new float[n];
      float[] picked = new float[n];
      int kept = 0;
      for (int k = 0; k < n; k++) {
        int i = k * stride;
        double coarse = difference(net, x, rows, labels, maskSeed, values, i, h);
        double fine = difference(net, x, rows, labels, maskSeed, values, i, h / 4);
        if (Math.abs(coarse - fine) > 5e-4 + 1e-2 * Math.abs(coarse)) {
          continue;
        }
        numeric[kept] = (float) coarse;
        picked[kept++] = analytic[i];
      }
      if (n - kept > Math.max(1, 0.1 * n)) {
        fail(p.name() + ": " + (n - kept) + " of " + n + " finite differences straddle a kink");
      }
      assertClose(p.name() + " gradient vs finite differences", numeric, picked, kept, 5e-4, 2e-2);
    }
  }
}
