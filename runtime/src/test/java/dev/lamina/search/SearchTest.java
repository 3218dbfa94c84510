package dev.lamina.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.lamina.train.LearningRateSchedule;
import dev.lamina.train.Optimizer;
import dev.lamina.train.Trainer;
import dev.lamina.train.TrainingConfig;
import dev.lamina.train.WeightDecay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grid and random search in-process: the trials are the combinations asked for, each scored
 * exactly as a trainer run with its configuration scores, the same on one thread or two, with a
 * table and a chart.
 */
class SearchTest {
  static final NetworkSpec SPEC = new NetworkSpec("Tiny", Loss.SOFTMAX_CROSS_ENTROPY, 0, List.of(
      LayerSpec.input("in", 6, 1, DropoutMode.INVERTED),
      LayerSpec.dense("hidden", 8, 6, true, Init.XAVIER, 0, Nonlinearity.TANH, 0, 1,
          DropoutMode.INVERTED),
      LayerSpec.dense("out", 3, 8, true, Init.XAVIER, 0, Nonlinearity.IDENTITY, 0, 1,
          DropoutMode.INVERTED)));
  static final Dataset TRAIN = data(120, 1);
  static final Dataset VALIDATION = data(60, 2);
  static final TrainingConfig BASE = TrainingConfig.builder().optimizer(Optimizer.sgd(0.1))
      .epochs(3).batchSize(16).seed(9).build();

  @TempDir Path dir;

  private static Search.Builder<ReferenceNetwork> search() {
    return Search.builder(seed -> new ReferenceNetwork(SPEC, seed)).base(BASE);
  }

  @Test
  void aGridTriesEveryCombinationAndScoresEachAsItsTrainerRunWould() throws Exception {
    SearchSpace space = SearchSpace.of(SearchSpace.learningRate(0.03, 0.3),
        SearchSpace.weightDecay(WeightDecay.NONE, WeightDecay.l2(1e-2)));
    Search<ReferenceNetwork> grid = search().grid(space).threads(2).build();
    List<TrainingConfig> configs = grid.configs();
    assertEquals(List.of(
        BASE.toBuilder().optimizer(Optimizer.sgd(0.03)).build(),
        BASE.toBuilder().optimizer(Optimizer.sgd(0.03)).weightDecay(WeightDecay.l2(1e-2)).build(),
        BASE.toBuilder().optimizer(Optimizer.sgd(0.3)).build(),
        BASE.toBuilder().optimizer(Optimizer.sgd(0.3)).weightDecay(WeightDecay.l2(1e-2)).build()),
        configs);
    SearchResult result = grid.fit(TRAIN, VALIDATION);
    assertEquals(4, result.trials().size());
    for (Trial t : result.trials()) {
      double best = Trainer.builder(seed -> new ReferenceNetwork(SPEC, seed)).config(t.config())
          .threads(1).build().fit(TRAIN, VALIDATION).history().epochs().stream()
          .mapToDouble(EpochStats::validationAccuracy).max().orElseThrow();
      assertEquals(best, t.score(), "trial " + t.index() + " " + t.settings());
    }
    SearchResult oneThread = search().grid(space).threads(1).build().fit(TRAIN, VALIDATION);
    for (int i = 0; i < 4; i++) {
      assertEquals(result.trials().get(i).score(), oneThread.trials().get(i).score());
    }
    Trial best = result.best();
    assertTrue(result.trials().stream().allMatch(t -> t.score() <= best.score()));
    String table = result.table();
    assertTrue(table.startsWith("| trial | learning_rate | weight_decay | validation accuracy |"),
        table);
    assertEquals(2 + 4, table.lines().count(), table);
    assertTrue(table.lines().skip(2).findFirst().orElseThrow()
        .startsWith("| " + (best.index() + 1) + " | "), "best first:\n" + table);
    Path chart = dir.resolve("search.png");
    result.writeChart(chart);
    byte[] png = Files.readAllBytes(chart);
    assertEquals((byte) 0x89, png[0]);
    assertEquals('P', png[1]);
  }

  @Test
  void randomSearchDrawsFromTheValuesWithItsSeed() {
    SearchSpace space = SearchSpace.of(SearchSpace.learningRate(0.01, 0.03, 0.1, 0.3),
        SearchSpace.batchSize(8, 16, 32),
        SearchSpace.schedule(LearningRateSchedule.CONSTANT, LearningRateSchedule.cosine(3)));
    List<TrainingConfig> a = search().random(space, 6, 5).build().configs();
    assertEquals(6, a.size());
    assertEquals(a, search().random(space, 6, 5).build().configs(), "same seed, same trials");
    assertTrue(!a.equals(search().random(space, 6, 6).build().configs()), "another seed");
    for (TrainingConfig c : a) {
      assertTrue(List.of(0.01, 0.03, 0.1, 0.3).contains(c.optimizer().learningRate()));
      assertTrue(List.of(8, 16, 32).contains(c.batchSize()));
    }
  }

  static Dataset data(int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[size * 6];
    int[] y = new int[size];
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < 6; j++) {
        x[i * 6 + j] = (float) random.nextGaussian();
      }
      int best = 0;
      for (int j = 1; j < 3; j++) {
        best = x[i * 6 + j] > x[i * 6 + best] ? j : best;
      }
      y[i] = best;
    }
    return Dataset.of(x, y, 6, 3);
  }
}
