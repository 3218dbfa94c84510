package dev.lamina.processor;

import dev.lamina.internal.TrainableNetwork;
import dev.lamina.nn.Parameter;
import dev.lamina.nn.ReferenceNetwork;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A generated network against the scalar {@link ReferenceNetwork} on its own weights: training
 * output (same dropout masks and noise), every parameter's gradient, and inference with the
 * network's running statistics, with the tolerances of the examples' gradient checks. Returns
 * what differs, with the largest difference, or null.
 *
 * <p>A gradient element may also differ by {@link Float32Noise#FACTOR} times the generated
 * network's own float32 noise there: where a gradient is a difference of nearly equal terms (a
 * bias or weight before a normalization over few values), float32 rounding of terms of the
 * network's scale is all it is, and the fixed tolerances alone once failed such models (fuzz
 * seeds 525 and 1013, by 1.6e-6), although the generated code was right: {@code
 * scripts/fuzz_float64.py} shows that there the reference is within 2e-8 of a float64
 * evaluation and the generated network within 2.3e-6, which is its noise (see {@link
 * Float32Noise}).
 */
final class ReferenceCheck {
  private ReferenceCheck() {}

  /** The batch a check runs: inputs, class labels and the dropout masks' seed, all from a seed. */
  record Batch(float[] x, int[] labels, long maskSeed) {
    static Batch of(TrainableNetwork net, int rows, long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      float[] x = new float[rows * net.inputSize()];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) random.nextGaussian();
      }
      int[] labels = new int[rows];
      for (int i = 0; i < rows; i++) {
        labels[i] = random.nextInt(net.outputSize());
      }
      return new Batch(x, labels, seed + 1000);
    }
  }

  static String compare(TrainableNetwork net, int rows, long seed)
      throws ReflectiveOperationException {
    ReferenceNetwork reference = new ReferenceNetwork(net.spec(), net.parameters());
    Batch batch = Batch.of(net, rows, seed);
    float[] x = batch.x();
    int[] labels = batch.labels();
    long maskSeed = batch.maskSeed();
    int outputs = rows * net.outputSize();

    float[] expected = reference.forwardTrain(x, rows, maskSeed).clone();
    float[] actual = net.forwardTrain(x, rows, maskSeed).clone();
    String problem = difference("train output", expected, actual, outputs, 1e-5, 1e-4, null);
    if (problem != null) {
      return problem;
    }
    float[] grad = new float[outputs];
    net.loss(actual, labels, rows, grad);
    net.backward(grad.clone(), rows);
    List<float[]> generated = net.parameters().list().stream().map(p -> p.gradient().clone()).toList();
    reference.forwardTrain(x, rows, maskSeed);
    reference.backward(grad, rows);
    List<Parameter> params = net.parameters().list();
    // The generated network's own float32 noise on each gradient element (see the class comment).
    List<float[]> noise = Float32Noise.of(net, batch, rows, grad);
    double largest = params.stream().mapToDouble(p -> maxAbs(p.gradient())).max().orElse(0);
    for (int i = 0; i < params.size(); i++) {
      Parameter p = params.get(i);
      double scale = maxAbs(p.gradient());
      // Absolute tolerance from the tensor's scale: small batches make batch norm's input gradient
      // a difference of nearly equal terms. A gradient that cancels exactly (a bias right before
      // a normalization) is float rounding of terms of the network's scale instead.
      double abs = scale <= 1e-6 * largest ? 1e-6 + 1e-4 * largest : 1e-6 + 5e-4 * scale;
      problem = difference(p.name() + " gradient", p.gradient(), generated.get(i), p.size(), abs, 1e-4,
          noise.get(i));
      if (problem != null) {
        return problem;
      }
    }
    // The reference ran one more training pass: give it the network's running statistics.
    for (int i = 0; i < net.state().size(); i++) {
      float[] from = net.state().get(i).values();
      System.arraycopy(from, 0, reference.state().get(i).values(), 0, from.length);
    }
    return difference("inference output", reference.forwardInfer(x, rows).clone(),
        net.forwardInfer(x, rows), outputs, 1e-5, 1e-4, null);
  }

  /**
   * The worst element beyond abs + rel·|expected| + {@link Float32Noise#FACTOR}·noise (noise per
   * element, or none), or null if there is none.
   */
  private static String difference(String what, float[] expected, float[] actual, int count,
      double abs, double rel, float[] noise) {
    int worst = -1;
    double worstExcess = 0;
    double maxDiff = 0;
    for (int i = 0; i < count; i++) {
      double diff = Math.abs((double) expected[i] - actual[i]);
      maxDiff = Math.max(maxDiff, diff);
      double allowed = abs + rel * Math.abs(expected[i])
          + (noise == null ? 0 : Float32Noise.FACTOR * noise[i]);
      double excess = diff - allowed;
      if (excess > worstExcess || Double.isNaN(diff)) {
        worstExcess = Double.isNaN(diff) ? Double.POSITIVE_INFINITY : excess;
        worst = i;
      }
    }
    return worst < 0 ? null : String.format(
        "%s: largest excess at [%d]: expected %.9g, got %.9g (max |diff| %.3g; tolerance %.1g + "
            + "%.1g·|expected|%s)", what, worst, expected[worst], actual[worst], maxDiff, abs, rel,
        noise == null ? "" : String.format(" + %.0f·noise, noise there %.3g", Float32Noise.FACTOR,
            noise[worst]));
  }

  private static double maxAbs(float[] v) {
    double max = 0;
    for (float x : v) {
      max = Math.max(max, Math.abs(x));
    }
    return max;
  }
}
