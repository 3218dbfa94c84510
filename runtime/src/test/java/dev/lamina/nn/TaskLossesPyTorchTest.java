package dev.lamina.nn;

import static dev.lamina.testing.NumericAssertions.assertClose;

import dev.lamina.Loss;
import dev.lamina.data.Dataset;
import dev.lamina.testing.Fixtures;
import dev.lamina.testing.NumericAssertions.Diff;
import org.junit.jupiter.api.Test;

/**
 * The regression, sigmoid and class-weighted losses, as training scores them, against PyTorch's
 * MSELoss, L1Loss, HuberLoss, BCEWithLogitsLoss and weighted CrossEntropyLoss on the committed
 * fixtures (scripts/task_loss_fixtures.py): loss and gradient of the batch mean.
 */
class TaskLossesPyTorchTest {
  /** PyTorch computes in float32; Lamina in double, rounded to float once. */
  private static final double LOSS_ABS = 1e-6;
  private static final double LOSS_REL = 1e-5;
  private static final double GRAD_ABS = 1e-7;
  private static final double GRAD_REL = 1e-5;

  private static final Fixtures.Node FIXTURES = Fixtures.load("task_losses");

  @Test
  void regressionLossesMatchMseL1AndHuber() {
    for (Fixtures.Node c : FIXTURES.get("regression").elements()) {
      Loss loss = Loss.valueOf(c.get("lossName").string());
      int rows = c.get("rows").intValue();
      int width = c.get("width").intValue();
      Dataset data = Dataset.regression(TaskLosses.features(rows), c.floats("targets"), 1, width);
      check(c, loss + " " + rows + "x" + width, new TaskLosses(TaskLosses.spec(loss, width), data));
    }
  }

  @Test
  void huberWithAnyDeltaMatchesHuberLossOfThatDelta() {
    for (Fixtures.Node c : FIXTURES.get("huber_delta").elements()) {
      double delta = c.get("delta").doubleValue();
      int rows = c.get("rows").intValue();
      int width = c.get("width").intValue();
      Dataset data = Dataset.regression(TaskLosses.features(rows), c.floats("targets"), 1, width);
      NetworkSpec spec = TaskLosses.spec(Loss.HUBER, width).withHuberDelta(delta);
      check(c, "HUBER δ=" + delta + " " + rows + "x" + width, new TaskLosses(spec, data));
    }
  }

  @Test
  void binaryCrossEntropyMatchesBceWithLogitsWithAndWithoutClassWeights() {
    for (Fixtures.Node c : FIXTURES.get("binary").elements()) {
      int rows = c.get("rows").intValue();
      Dataset data = Dataset.of(TaskLosses.features(rows), c.ints("labels"), 1, 2);
      if (hasKey(c, "classWeights")) {
        data = data.withClassWeights(doubles(c.floats("classWeights")));
      }
      check(c, "binary " + rows + (data.hasClassWeights() ? " weighted" : ""),
          new TaskLosses(TaskLosses.spec(Loss.BINARY_CROSS_ENTROPY, 1), data));
    }
  }

  @Test
  void multiLabelCrossEntropyMatchesBceWithLogits() {
    for (Fixtures.Node c : FIXTURES.get("multi_label").elements()) {
      int rows = c.get("rows").intValue();
      int width = c.get("width").intValue();
      Dataset data = Dataset.multiLabel(TaskLosses.features(rows), c.floats("targets"), 1, width);
      check(c, "multi-label " + rows + "x" + width,
          new TaskLosses(TaskLosses.spec(Loss.MULTI_LABEL_CROSS_ENTROPY, width), data));
    }
  }

  @Test
  void classWeightedSoftmaxCrossEntropyMatchesWeightedCrossEntropyLoss() {
    for (Fixtures.Node c : FIXTURES.get("weighted_cross_entropy").elements()) {
      int rows = c.get("rows").intValue();
      int classes = c.get("width").intValue();
      Dataset data = Dataset.of(TaskLosses.features(rows), c.ints("labels"), 1, classes)
          .withClassWeights(doubles(c.floats("classWeights")));
      check(c, "weighted CE " + rows + "x" + classes,
          new TaskLosses(TaskLosses.spec(Loss.SOFTMAX_CROSS_ENTROPY, classes), data));
    }
  }

  private static void check(Fixtures.Node c, String what, TaskLosses batch) {
    float[] outputs = c.floats("outputs");
    float[] gradient = new float[outputs.length];
    double loss = batch.meanLoss(outputs, gradient);
    Diff l = assertClose(what + " loss", c.get("loss").floatValue(), loss, LOSS_ABS, LOSS_REL);
    Diff g = assertClose(what + " dOutputs", c.floats("dOutputs"), gradient, GRAD_ABS, GRAD_REL);
    System.out.printf("%s vs PyTorch: loss %s; gradient %s%n", what, l, g);
  }

  private static boolean hasKey(Fixtures.Node c, String key) {
    return ((java.util.Map<?, ?>) c.value()).containsKey(key);
  }

  private static double[] doubles(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }
}
