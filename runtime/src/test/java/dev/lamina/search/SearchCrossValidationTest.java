package dev.lamina.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.data.Dataset;
import dev.lamina.ensemble.EnsembleListener;
import dev.lamina.ensemble.MemberExecutor;
import dev.lamina.ensemble.MemberResult;
import dev.lamina.metrics.CrossValidation;
import dev.lamina.metrics.Folds;
import dev.lamina.nn.ReferenceNetwork;
import dev.lamina.train.EarlyStopping;
import dev.lamina.train.EpochStats;
import dev.lamina.train.Metric;
import dev.lamina.train.Trainer;
import dev.lamina.train.TrainingConfig;
import dev.lamina.train.WeightDecay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search that scores each trial by k-fold cross-validation: every (trial, fold) pair is one
 * task, each fold's score is what {@link CrossValidation} and a plain trainer run give for the
 * trial's configuration on the same folds, bit for bit, on one thread or three, and misuse fails
 * with a message that says what to call instead.
 */
class SearchCrossValidationTest {
  private static final Dataset DATA = SearchTest.TRAIN; // 120 samples, 3 classes
  private static final SearchSpace SPACE = SearchSpace.of(SearchSpace.learningRate(0.03, 0.3),
      SearchSpace.weightDecay(WeightDecay.NONE, WeightDecay.l2(1e-2)));

  @TempDir Path dir;

  private static Search.Builder<ReferenceNetwork> search(TrainingConfig base) {
    return Search.builder(seed -> new ReferenceNetwork(SearchTest.SPEC, seed)).base(base)
        .grid(SPACE);
  }

  @Test
  void eachTrialScoresTheMeanOfWhatCrossValidationGivesForItsConfig() {
    // Early stopping that never stops but restores the best epoch: CrossValidation's network is
    // then the best epoch's, whose accuracy on the fold is the fold's score in the search.
    TrainingConfig base = SearchTest.BASE.toBuilder()
        .earlyStopping(EarlyStopping.on(Metric.VALIDATION_ACCURACY).patience(3)).build();
    Map<Integer, AtomicInteger> done = new ConcurrentHashMap<>();
    Search<ReferenceNetwork> search = search(base).crossValidation(3).threads(3)
        .listener(new EnsembleListener() {
          @Override
          public void onMemberDone(MemberResult result) {
            done.computeIfAbsent(result.index(), i -> new AtomicInteger()).incrementAndGet();
          }
        }).build();
    SearchResult result = search.fit(DATA);

    assertEquals(4, result.trials().size());
    assertEquals(3, result.folds());
    assertEquals(12, done.size(), "one task per trial and fold: " + done.keySet());
    done.forEach((task, n) -> assertEquals(1, n.get(), "task " + task + " ran once"));
    Folds folds = search.folds(DATA);
    assertEquals(folds.count(), 3);
    for (Trial t : result.trials()) {
      CrossValidation.Result cv = CrossValidation
          .builder(seed -> new ReferenceNetwork(SearchTest.SPEC, seed))
          .folds(folds).training(t.config())
          .score((network, test) -> network.evaluate(test).accuracy())
          .threads(1).build().fit(DATA);
      double[] scores = t.foldScores().stream().mapToDouble(Double::doubleValue).toArray();
      assertArrayEquals(cv.scores(), scores, 0, "trial " + t.index() + " " + t.settings());
      assertEquals(cv.mean(), t.score(), 0, "trial " + t.index());
      assertEquals(cv.standardDeviation(), t.spread(), 0, "trial " + t.index());
    }
    assertTrue(result.best().score() > 0.5, "the best trial learned:\n" + result.table());
  }

  @Test
  void withoutEarlyStoppingEachFoldScoresItsBestEpochAsATrainerRunOnTheFoldWould() {
    Search<ReferenceNetwork> search = search(SearchTest.BASE).crossValidation(3).threads(2)
        .build();
    SearchResult result = search.fit(DATA);
    Folds folds = search.folds(DATA);
    Trial t = result.trials().get(3);
    for (int f = 0; f < 3; f++) {
      List<EpochStats> epochs = Trainer.builder(seed -> new ReferenceNetwork(SearchTest.SPEC,
              seed)).config(t.config()).threads(1).build()
          .fit(DATA.select(folds.trainIndices(f)), DATA.select(folds.testIndices(f)))
          .history().epochs();
      double best = epochs.stream().mapToDouble(EpochStats::validationAccuracy).max()
          .orElseThrow();
      assertEquals(best, t.foldScores().get(f), 0, "fold " + f);
    }
  }

  @Test
  void theScoresAreTheSameBitsOnOneThreadOrThree() {
    SearchResult one = search(SearchTest.BASE).crossValidation(4).threads(1).build().fit(DATA);
    SearchResult three = search(SearchTest.BASE).crossValidation(4).threads(3).build().fit(DATA);
    for (int i = 0; i < one.trials().size(); i++) {
      assertEquals(one.trials().get(i).foldScores(), three.trials().get(i).foldScores(),
          "trial " + i);
      assertEquals(one.trials().get(i).score(), three.trials().get(i).score(), 0, "trial " + i);
    }
    // the folds are the search's own: given explicitly, they give the same scores
    Folds folds = search(SearchTest.BASE).crossValidation(4).build().folds(DATA);
    SearchResult given = search(SearchTest.BASE).crossValidation(folds).threads(2).build()
        .fit(DATA);
    assertEquals(one.trials().get(2).foldScores(), given.trials().get(2).foldScores());
  }

  @Test
  void theTableAndChartShowEachTrialsMeanAndSpread() throws Exception {
    SearchResult result = search(SearchTest.BASE).crossValidation(3).threads(2).build()
        .fit(DATA);
    String table = result.table();
    assertTrue(table.startsWith("| trial | learning_rate | weight_decay | 3-fold validation"
        + " accuracy (mean) | standard deviation | best epoch | seconds |"), table);
    assertEquals(2 + 4, table.lines().count(), table);
    Trial best = result.best();
    String first = table.lines().skip(2).findFirst().orElseThrow();
    assertTrue(first.startsWith("| " + (best.index() + 1) + " | "), "best first:\n" + table);
    assertTrue(first.contains(String.format(java.util.Locale.ROOT, "| %.4f | %.4f |",
        best.score(), best.spread())), first);
    assertTrue(best.spread() >= 0, "a spread over 3 folds: " + best.spread());
    Path chart = dir.resolve("cv-search.png");
    result.writeChart(chart);
    byte[] png = Files.readAllBytes(chart);
    assertEquals((byte) 0x89, png[0]);
    assertEquals('P', png[1]);
  }

  @Test
  void misuseIsRefusedWithWhatToCallInstead() {
    var k1 = assertThrows(IllegalArgumentException.class,
        () -> search(SearchTest.BASE).crossValidation(1));
    assertEquals("crossValidation(k) needs k >= 2 folds, got 1: each fold is scored after"
        + " training on the others; 5 or 10 are usual", k1.getMessage());

    Search<ReferenceNetwork> tooMany = search(SearchTest.BASE).crossValidation(200).build();
    var big = assertThrows(IllegalArgumentException.class, () -> tooMany.fit(DATA));
    assertEquals("crossValidation(200) needs at least 200 samples, one per fold, but the data"
        + " has 120: use at most 120 folds (5 or 10 are usual)", big.getMessage());

    Search<ReferenceNetwork> cv = search(SearchTest.BASE).crossValidation(5).build();
    var mixed = assertThrows(IllegalArgumentException.class,
        () -> cv.fit(DATA, SearchTest.VALIDATION));
    assertEquals("fit(train, validation) scores trials on a validation set, but this search was"
        + " built with crossValidation(5), which holds out part of the data itself: call"
        + " fit(data) (or fit(data, executor)) with every sample, or build the search without"
        + " crossValidation to score on a separate validation set", mixed.getMessage());
    var executorOnly = assertThrows(IllegalArgumentException.class,
        () -> cv.fit(MemberExecutor.inProcess(DATA, SearchTest.VALIDATION, 1)));
    assertTrue(executorOnly.getMessage().startsWith("fit(executor) scores trials on a validation"
        + " set, but this search was built with crossValidation(5)"), executorOnly.getMessage());

    Search<ReferenceNetwork> plain = search(SearchTest.BASE).build();
    var noCv = assertThrows(IllegalArgumentException.class, () -> plain.fit(DATA));
    assertEquals("fit(data) scores trials by cross-validation, but this search was built without"
        + " crossValidation(k): add e.g. crossValidation(5) to the builder, or call"
        + " fit(train, validation) to score on a validation set", noCv.getMessage());

    var noValidation = assertThrows(IllegalArgumentException.class,
        () -> plain.fit(DATA, (Dataset) null));
    assertEquals("validation is null, but a search scores each trial on it: pass a validation"
        + " set, or build the search with crossValidation(k) and call fit(data) to score each"
        + " trial on folds of the training data", noValidation.getMessage());

    Folds other = Folds.interleaved(60, 3);
    var wrongFolds = assertThrows(IllegalArgumentException.class,
        () -> search(SearchTest.BASE).crossValidation(other).build().fit(DATA));
    assertEquals("the folds given to crossValidation(folds) are for 60 samples but the data has"
        + " 120: make them from this data, e.g. Folds.stratified(data, 3, seed)",
        wrongFolds.getMessage());

    // The executor's data must be the data the folds were made for.
    var otherData = assertThrows(IllegalArgumentException.class,
        () -> cv.fit(DATA, MemberExecutor.inProcess(SearchTest.data(120, 3), null, 1)));
    assertTrue(otherData.getMessage().startsWith("the data trial 0 fold 0 trained on (thread "),
        otherData.getMessage());
    assertTrue(otherData.getMessage().endsWith(") has other labels for fold 0's samples: the"
        + " executor's data must be the data given to fit, in the same order"),
        otherData.getMessage());
  }
}
