package dev.lamina.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.DropoutMode;
import dev.lamina.Init;
import dev.lamina.Loss;
import dev.lamina.Nonlinearity;
import dev.lamina.data.Dataset;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.NetworkSpec;
import dev.lamina.nn.ReferenceNetwork;
import dev.lamina.train.EpochStats;
import dev.lamina.train.Metric;
import dev.lamina.train.Optimizer;
import dev.lamina.train.Trainer;
import dev.lamina.train.TrainingConfig;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What a search scores by: a regression search (whose accuracy is NaN) scores each trial by its
 * lowest validation loss and picks the lowest, by default, on a validation set and by
 * cross-validation; a classification search can be told to score by loss too.
 */
class SearchScoringTest {
  static final NetworkSpec REGRESSION = new NetworkSpec("Line", Loss.MEAN_SQUARED_ERROR, 0,
      List.of(LayerSpec.input("in", 4, 1, DropoutMode.INVERTED),
          LayerSpec.dense("hidden", 6, 4, true, Init.XAVIER, 0, Nonlinearity.TANH, 0, 1,
              DropoutMode.INVERTED),
          LayerSpec.dense("out", 1, 6, true, Init.XAVIER, 0, Nonlinearity.IDENTITY, 0, 1,
              DropoutMode.INVERTED)));
  static final TrainingConfig BASE = TrainingConfig.builder().optimizer(Optimizer.sgd(0.05))
      .epochs(3).batchSize(16).seed(4).build();
  static final SearchSpace RATES = SearchSpace.of(SearchSpace.learningRate(0.001, 0.03, 0.1));

  private static Search.Builder<ReferenceNetwork> regression() {
    return Search.builder(seed -> new ReferenceNetwork(REGRESSION, seed)).base(BASE).threads(2);
  }

  @Test
  void aRegressionSearchScoresEachTrialByItsLowestValidationLoss() {
    Dataset train = data(96, 1);
    Dataset validation = data(48, 2);
    SearchResult result = regression().grid(RATES).build().fit(train, validation);

    assertEquals(Metric.VALIDATION_LOSS, result.scoredBy());
    for (Trial t : result.trials()) {
      List<EpochStats> epochs = Trainer.builder(seed -> new ReferenceNetwork(REGRESSION, seed))
          .config(t.config()).threads(1).build().fit(train, validation).history().epochs();
      double lowest = epochs.stream().mapToDouble(EpochStats::validationLoss).min().orElseThrow();
      assertEquals(lowest, t.score(), "trial " + t.index() + " " + t.settings());
      assertEquals(lowest, epochs.get(t.bestEpoch() - 1).validationLoss(), "its best epoch");
    }
    Trial best = result.best();
    assertTrue(result.trials().stream().allMatch(t -> t.score() >= best.score()),
        "the lowest loss wins: " + result.trials());
    String table = result.table();
    assertTrue(table.startsWith("| trial | learning_rate | validation loss |"), table);
    assertTrue(table.lines().skip(2).findFirst().orElseThrow().startsWith("| " + (best.index() + 1)
        + " |"), "the lowest loss first: " + table);
  }

  @Test
  void crossValidationOfARegressionAveragesTheFoldsLowestLosses() {
    SearchResult result = regression().grid(RATES).crossValidation(3).build().fit(data(90, 3));

    assertEquals(Metric.VALIDATION_LOSS, result.scoredBy());
    for (Trial t : result.trials()) {
      assertEquals(3, t.foldScores().size());
      double mean = (t.foldScores().get(0) + t.foldScores().get(1) + t.foldScores().get(2)) / 3;
      assertEquals(mean, t.score(), 1e-12, "trial " + t.index());
      assertTrue(t.foldScores().stream().allMatch(s -> s > 0 && Double.isFinite(s)),
          "losses: " + t.foldScores());
    }
    assertTrue(result.table().startsWith("| trial | learning_rate | 3-fold validation loss (mean) |"),
        result.table());
  }

  @Test
  void aClassificationSearchCanBeScoredByLoss() {
    Search.Builder<ReferenceNetwork> builder =
        Search.builder(seed -> new ReferenceNetwork(SearchTest.SPEC, seed)).base(SearchTest.BASE)
            .grid(RATES).threads(2);
    SearchResult byLoss = builder.scoreBy(Metric.VALIDATION_LOSS).build()
        .fit(SearchTest.TRAIN, SearchTest.VALIDATION);
    SearchResult byAccuracy = builder.scoreBy(Metric.VALIDATION_ACCURACY).build()
        .fit(SearchTest.TRAIN, SearchTest.VALIDATION);

    assertEquals(Metric.VALIDATION_LOSS, byLoss.scoredBy());
    assertEquals(Metric.VALIDATION_ACCURACY, byAccuracy.scoredBy());
    for (int i = 0; i < RATES.grid().size(); i++) {
      List<EpochStats> epochs = Trainer.builder(seed -> new ReferenceNetwork(SearchTest.SPEC, seed))
          .config(byLoss.trials().get(i).config()).threads(1).build()
          .fit(SearchTest.TRAIN, SearchTest.VALIDATION).history().epochs();
      assertEquals(epochs.stream().mapToDouble(EpochStats::validationLoss).min().orElseThrow(),
          byLoss.trials().get(i).score());
      assertEquals(epochs.stream().mapToDouble(EpochStats::validationAccuracy).max().orElseThrow(),
          byAccuracy.trials().get(i).score());
    }
  }

  @Test
  void onlyTheFiguresEveryEpochRecordsCanScore() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> regression().scoreBy(Metric.TRAINING_LOSS));
    assertTrue(e.getMessage().contains("got 'training loss'")
        && e.getMessage().contains("Metric.VALIDATION_LOSS"), e.getMessage());
  }

  /** y = x·w + 0.1·noise for a fixed w. */
  static Dataset data(int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] w = {0.5f, -1f, 2f, 0.25f};
    float[] x = new float[size * 4];
    float[] y = new float[size];
    for (int i = 0; i < size; i++) {
      double sum = 0;
      for (int j = 0; j < 4; j++) {
        x[i * 4 + j] = (float) random.nextGaussian();
        sum += x[i * 4 + j] * w[j];
      }
      y[i] = (float) (sum + 0.1 * random.nextGaussian());
    }
    return Dataset.regression(x, y, 4, 1);
  }
}
