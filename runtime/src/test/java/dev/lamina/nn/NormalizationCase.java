package dev.lamina.nn;

import static dev.lamina.testing.NumericAssertions.assertClose;

import dev.lamina.DropoutMode;
import dev.lamina.Init;
import dev.lamina.Loss;
import dev.lamina.NormPlacement;
import dev.lamina.Nonlinearity;
import dev.lamina.RunningStats;
import dev.lamina.testing.Fixtures;
import java.util.Arrays;
import java.util.List;

/**
 * One case of fixtures/normalization.json (scripts/pytorch_norm_fixtures.py) checked against any
 * network with layers {@code in → first (norm + activation) → last}: three training batches, then
 * the last batch's logits, loss and gradients, the running statistics, and eval-mode logits.
 * Shared by the reference network's test and the generated networks' test.
 */
public final class NormalizationCase {
  /** Float32 on both sides; they differ in summation order only. */
  public static final double ABS = 2e-6;
  public static final double REL = 2e-5;

  private NormalizationCase() {}

  public static List<Fixtures.Node> cases() {
    return Fixtures.load("normalization").get("cases").elements();
  }

  /** The spec the case describes, as the processor would build it from annotations. */
  public static NetworkSpec spec(Fixtures.Node c) {
    boolean batch = c.get("norm").string().equals("batch");
    NormPlacement placement = NormPlacement.valueOf(c.get("placement").string());
    boolean cumulative = c.get("momentum").value() == null;
    NormSpec norm = batch
        ? NormSpec.batch(placement, 1e-5, cumulative ? 0.1 : c.get("momentum").doubleValue(),
            cumulative ? RunningStats.CUMULATIVE : RunningStats.EXPONENTIAL)
        : NormSpec.layer(placement, 1e-5);
    return new NetworkSpec(c.get("name").string(), Loss.SOFTMAX_CROSS_ENTROPY, 0, List.of(
        LayerSpec.input("in", 6, 1, DropoutMode.INVERTED),
        LayerSpec.dense("first", 7, 6, c.get("bias").bool(), Init.AUTO, 0.01,
            Nonlinearity.valueOf(c.get("activation").string().toUpperCase()), 0.01, 1,
            DropoutMode.INVERTED).withNorm(norm),
        LayerSpec.dense("last", 5, 7, true, Init.AUTO, 0.01, Nonlinearity.IDENTITY, 0.01, 1,
            DropoutMode.INVERTED)));
  }

  /** Runs the case on {@code network} (fresh state) and fails with the largest difference. */
  public static void check(Fixtures.Node c, Network network) {
    String name = c.get("name").string();
    for (Parameter p : network.parameters()) {
      float[] v = fromTorch(p, c.get("parameters").get(p.name()).floats());
      System.arraycopy(v, 0, p.values(), 0, v.length);
    }
    float[] logits = null;
    int rows = 0;
    int[] labels = null;
    for (int step = 0; step < 3; step++) {
      float[] x = c.get("inputs").at(step).floats();
      labels = c.get("labels").at(step).ints();
      rows = labels.length;
      logits = network.forwardTrain(x, rows, 0).clone();
    }
    assertClose(name + " training logits", c.floats("train_logits"), logits, ABS, REL);
    float[] gradient = new float[logits.length];
    double loss = network.loss(logits, labels, rows, gradient) / rows;
    assertClose(name + " loss", c.get("loss").floatValue(), loss, ABS, REL);
    network.backward(gradient, rows);
    for (Parameter p : network.parameters()) {
      assertClose(name + " d/d" + p.name(), fromTorch(p, c.get("gradients").get(p.name()).floats()),
          p.gradient(), ABS, REL);
    }
    if (c.get("norm").string().equals("batch")) {
      assertClose(name + " running mean", c.floats("running_mean"), state(network, "first.running_mean"), ABS, REL);
      assertClose(name + " running variance", c.floats("running_var"), state(network, "first.running_var"), ABS, REL);
    }
    float[] x0 = c.get("inputs").at(0).floats();
    assertClose(name + " eval logits", c.floats("eval_logits"),
        network.forwardInfer(x0, x0.length / 6), ABS, REL);
  }

  private static float[] state(Network network, String name) {
    return network.state().stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no state " + name)).values();
  }

  /** A weight (units, fanIn) row-major transposed to Lamina's (fanIn, units); others as they are. */
  static float[] fromTorch(Parameter p, float[] torch) {
    if (torch.length != p.size()) {
      throw new AssertionError(p + " has " + p.size() + " values, fixture " + torch.length);
    }
    if (p.kind() != ParameterKind.WEIGHT) {
      return torch;
    }
    int in = p.shape()[0];
    int out = p.shape()[1];
    float[] lamina = new float[torch.length];
    for (int j = 0; j < out; j++) {
      for (int i = 0; i < in; i++) {
        lamina[i * out + j] = torch[j * in + i];
      }
    }
    return lamina;
  }

  static String describe(float[] v) {
    return Arrays.toString(v);
  }
}
