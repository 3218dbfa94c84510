package dev.lamina.nn;

import dev.lamina.DropoutMode;
import dev.lamina.Init;
import dev.lamina.Loss;
import dev.lamina.Nonlinearity;
import dev.lamina.NormPlacement;
import dev.lamina.RunningStats;
import dev.lamina.internal.TrainableNetwork;
import dev.lamina.testing.Fixtures;
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
  public static void check(Fixtures.Node c, TrainableNetwork network) {
    PyTorchCase.check(c, network, c.get("norm").string().equals("batch"), "first", ABS, REL);
  }
}
