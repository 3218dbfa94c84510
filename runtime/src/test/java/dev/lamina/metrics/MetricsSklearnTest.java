package dev.lamina.metrics;

import static dev.lamina.testing.NumericAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lamina.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every metric against scikit-learn's value on the same inputs (fixtures written by
 * scripts/sklearn_metric_fixtures.py). scikit-learn computes in float64 from the same float32
 * inputs; counts and ratios of counts agree to the last bits, sums of floats to 1e-12.
 */
class MetricsSklearnTest {
  private static final double TOLERANCE = 1e-12;
  private static final Fixtures.Node FIXTURES = Fixtures.load("metrics");

  @Test
  void confusionMatrixAccuracyPrecisionRecallAndF1MatchScikitLearn() {
    for (Fixtures.Node c : FIXTURES.get("classification").elements()) {
      int classes = c.get("classes").intValue();
      ConfusionMatrix m = ConfusionMatrix.of(c.ints("truth"), c.ints("predicted"), classes);
      String what = c.path() + " (" + classes + " classes)";
      List<Fixtures.Node> rows = c.get("confusion").elements();
      for (int t = 0; t < classes; t++) {
        long[] expected = java.util.Arrays.stream(rows.get(t).ints()).asLongStream().toArray();
        assertArrayEquals(expected, m.counts()[t], what + " confusion row " + t);
      }
      assertClose(what + " accuracy", c.get("accuracy").doubleValue(), m.accuracy(), TOLERANCE, 0);
      double[] p = new double[classes];
      double[] r = new double[classes];
      double[] f = new double[classes];
      for (int k = 0; k < classes; k++) {
        p[k] = m.precision(k);
        r[k] = m.recall(k);
        f[k] = m.f1(k);
      }
      Fixtures.Node per = c.get("perClass");
      assertClose(what + " precision", doubles(per, "precision"), p, TOLERANCE, 0);
      assertClose(what + " recall", doubles(per, "recall"), r, TOLERANCE, 0);
      assertClose(what + " F1", doubles(per, "f1"), f, TOLERANCE, 0);
      Fixtures.Node macro = c.get("macro");
      assertClose(what + " macro precision", doubles(macro, "precision")[0], m.macroPrecision(),
          TOLERANCE, 0);
      assertClose(what + " macro recall", doubles(macro, "recall")[0], m.macroRecall(),
          TOLERANCE, 0);
      assertClose(what + " macro F1", doubles(macro, "f1")[0], m.macroF1(), TOLERANCE, 0);
      Fixtures.Node micro = c.get("micro");
      assertClose(what + " micro precision", doubles(micro, "precision")[0], m.microPrecision(),
          TOLERANCE, 0);
      assertClose(what + " micro recall", doubles(micro, "recall")[0], m.microRecall(),
          TOLERANCE, 0);
      assertClose(what + " micro F1", doubles(micro, "f1")[0], m.microF1(), TOLERANCE, 0);
    }
  }

  @Test
  void aClassNeverPredictedHasPrecisionZeroAsScikitLearnsZeroDivision() {
    Fixtures.Node c = FIXTURES.get("classification").at(2); // 5 classes, class 4 never predicted
    ConfusionMatrix m = ConfusionMatrix.of(c.ints("truth"), c.ints("predicted"), 5);
    long predictedAsFour = 0;
    for (int t = 0; t < 5; t++) {
      predictedAsFour += m.count(t, 4);
    }
    assertEquals(0, predictedAsFour);
    assertEquals(0.0, m.precision(4));
  }

  @Test
  void topKAccuracyMatchesScikitLearn() {
    int checked = 0;
    for (Fixtures.Node c : FIXTURES.get("classification").elements()) {
      int classes = c.get("classes").intValue();
      @SuppressWarnings("unchecked")
      var topK = (java.util.Map<String, ?>) c.get("topK").value();
      for (String k : topK.keySet()) {
        double expected = c.get("topK").get(k).doubleValue();
        double actual = RankingMetrics.topKAccuracy(c.floats("scores"), c.ints("truth"), classes,
            Integer.parseInt(k));
        assertClose(c.path() + " top-" + k, expected, actual, TOLERANCE, 0);
        checked++;
      }
    }
    assertEquals(8, checked);
  }

  @Test
  void rocAucMatchesScikitLearnWithAndWithoutTies() {
    for (Fixtures.Node c : FIXTURES.get("auc").elements()) {
      assertClose(c.path() + " ROC-AUC", c.get("auc").doubleValue(),
          RankingMetrics.rocAuc(c.floats("scores"), c.ints("truth")), TOLERANCE, 0);
    }
    var e = assertThrows(IllegalArgumentException.class,
        () -> RankingMetrics.rocAuc(new float[] {0.1f, 0.2f}, new int[] {1, 1}));
    assertEquals("ROC-AUC needs samples of both classes; got 2 positive and 0 negative",
        e.getMessage());
  }

  @Test
  void regressionMetricsMatchScikitLearnForOneAndSeveralOutputs() {
    for (Fixtures.Node c : FIXTURES.get("regression").elements()) {
      int outputs = c.get("outputs").intValue();
      float[] truth = c.floats("truth");
      float[] predicted = c.floats("predicted");
      String what = c.path() + " (" + outputs + " outputs)";
      assertClose(what + " MAE", c.get("mae").doubleValue(),
          RegressionMetrics.meanAbsoluteError(predicted, truth, outputs), TOLERANCE, TOLERANCE);
      assertClose(what + " RMSE", c.get("rmse").doubleValue(),
          RegressionMetrics.rootMeanSquaredError(predicted, truth, outputs), TOLERANCE, TOLERANCE);
      assertClose(what + " R²", c.get("r2").doubleValue(),
          RegressionMetrics.r2(predicted, truth, outputs), TOLERANCE, TOLERANCE);
    }
  }

  @Test
  void constantTruthFollowsScikitLearnsForceFinite() {
    float[] truth = {2, 2, 2};
    assertEquals(1.0, RegressionMetrics.r2(truth.clone(), truth, 1));
    assertEquals(0.0, RegressionMetrics.r2(new float[] {2, 2, 3}, truth, 1));
  }

  private static double[] doubles(Fixtures.Node node, String key) {
    return node.get(key).elements().stream().mapToDouble(Fixtures.Node::doubleValue).toArray();
  }
}
