package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.augment.Augmentation;
import dev.lamina.augment.ImageShape;
import dev.lamina.data.Dataset;
import dev.lamina.ensemble.Aggregation;
import dev.lamina.ensemble.Bagging;
import dev.lamina.ensemble.Ensemble;
import dev.lamina.ensemble.EnsembleListener;
import dev.lamina.ensemble.EnsembleTrainingException;
import dev.lamina.ensemble.Member;
import dev.lamina.ensemble.MemberEpoch;
import dev.lamina.ensemble.MemberResult;
import dev.lamina.ensemble.ModelRef;
import dev.lamina.ensemble.OutOfBag;
import dev.lamina.ensemble.Predictions;
import dev.lamina.ensemble.cluster.BaggingTestData;
import dev.lamina.nn.Network;
import dev.lamina.train.Checkpoints;
import dev.lamina.train.EarlyStopping;
import dev.lamina.train.Metric;
import dev.lamina.train.Optimizer;
import dev.lamina.train.TrainingConfig;
import dev.lamina.train.WeightDecay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bagging of generated networks in-process: determinism, bootstrap bookkeeping, votes, files. */
class BaggingTest {
  private static final Dataset TRAIN = BaggingTestData.make(400, 13, 5, 1);
  private static final Dataset TEST = BaggingTestData.make(300, 13, 5, 2);

  @TempDir Path dir;

  private static final TrainingConfig SMOOTH = TrainingConfig.builder().epochs(6).batchSize(32)
      .optimizer(Optimizer.adam(1e-2)).seed(7).build();

  private static Bagging.Builder<TestModels_SmoothNet> smooth() {
    return Bagging.builder(TestModels_SmoothNet.class).members(4).training(SMOOTH);
  }

  @Test
  void theSameSeedsGiveTheSameEnsembleOnOneThreadOrMany() {
    Ensemble<TestModels_SmoothNet> one = smooth().threads(1).build().fit(TRAIN);
    Ensemble<TestModels_SmoothNet> three = smooth().threads(3).build().fit(TRAIN);
    Ensemble<TestModels_SmoothNet> factory = Bagging.builder(TestModels_SmoothNet::new)
        .members(4).training(SMOOTH).threads(2).build().fit(TRAIN);
    for (int m = 0; m < 4; m++) {
      Member<TestModels_SmoothNet> a = one.members().get(m);
      for (Ensemble<TestModels_SmoothNet> other : List.of(three, factory)) {
        Member<TestModels_SmoothNet> b = other.members().get(m);
        assertTrue(a.network().parameters().bitEquals(b.network().parameters()),
            "member " + m + "'s weights differ between thread counts");
        assertArrayEquals(a.result().outOfBagScores(), b.result().outOfBagScores());
        assertEquals(losses(a), losses(b), "member " + m + "'s training and out-of-bag losses");
      }
    }
  }

  @Test
  void eachMemberHasItsOwnSeedBootstrapAndWeights() {
    Ensemble<TestModels_SmoothNet> ensemble = smooth().threads(2).build().fit(TRAIN);
    Set<Long> seeds = new HashSet<>();
    for (Member<TestModels_SmoothNet> m : ensemble.members()) {
      seeds.add(m.seed());
      int oob = m.result().outOfBag().length;
      // 400 · e^-1 ≈ 147 out of bag, standard deviation about 6
      assertTrue(oob > 110 && oob < 185, "member " + m.index() + " has " + oob + " out of bag");
      assertEquals(oob, m.result().outOfBagLabels().length);
      assertEquals(6, m.epochs().size());
    }
    assertEquals(4, seeds.size(), "member seeds " + seeds);
    assertFalse(ensemble.members().get(0).network().parameters()
        .bitEquals(ensemble.members().get(1).network().parameters()));
    assertFalse(java.util.Arrays.equals(ensemble.members().get(0).result().outOfBag(),
        ensemble.members().get(1).result().outOfBag()));

    OutOfBag oob = ensemble.outOfBag().orElseThrow();
    // a sample is in all 4 bags with probability 0.632^4 ≈ 0.16: about 336 of 400 covered
    assertTrue(oob.covered() > 300 && oob.covered() < 370, "covered " + oob.covered());
    assertTrue(oob.accuracy() > 0.4, "out-of-bag accuracy " + oob.accuracy() + " (chance 0.2)");
  }

  @Test
  void withoutBootstrapMembersSeeEverySampleAndNeedAValidationSet() {
    Bagging<TestModels_SmoothNet> bagging = smooth().bootstrap(false).members(2).build();
    var e = assertThrows(IllegalArgumentException.class, () -> bagging.fit(TRAIN));
    assertTrue(e.getMessage().startsWith("fit(train) needs bootstrap on"), e.getMessage());
    Ensemble<TestModels_SmoothNet> ensemble = bagging.fit(TRAIN, TEST);
    assertTrue(ensemble.outOfBag().isEmpty());
    assertEquals(0, ensemble.members().get(0).result().outOfBag().length);
    assertNotEquals(ensemble.members().get(0).seed(), ensemble.members().get(1).seed());
    assertFalse(ensemble.members().get(0).network().parameters()
        .bitEquals(ensemble.members().get(1).network().parameters()));
  }

  @Test
  void theEnsembleVotesAsItsPredictionsSayAndLearns() {
    Ensemble<TestModels_SmoothNet> ensemble = smooth().threads(2).build().fit(TRAIN);
    Predictions p = ensemble.predictions(TEST);
    float[] x = TEST.features();
    for (Aggregation a : new Aggregation[] {Aggregation.SOFT_VOTE, Aggregation.HARD_VOTE}) {
      assertArrayEquals(p.predict(4, a), ensemble.predict(x, TEST.size(), a), a.name());
      assertArrayEquals(p.predict(2, a), ensemble.first(2).predict(x, TEST.size(), a), a.name());
    }
    double soft = p.accuracy(4, Aggregation.SOFT_VOTE);
    assertTrue(soft > 0.5, "soft-vote accuracy " + soft + " (chance 0.2)");
    double[] members = new double[4];
    for (int m = 0; m < 4; m++) {
      members[m] = p.memberAccuracy(m);
      assertEquals(ensemble.members().get(m).network().evaluate(TEST).accuracy(), members[m],
          1e-12, "member " + m + "'s accuracy by Predictions and by Network.evaluate");
    }
  }

  @Test
  void theMeanIsTheMeanOfTheMembersRawOutputs() {
    Dataset train = BaggingTestData.make(300, 21, 6, 3);
    Ensemble<TestModels_LinearNet> ensemble = Bagging.builder(TestModels_LinearNet.class)
        .members(3).training(epochs(2).batchSize(30).optimizer(Optimizer.sgd(0.1)).build())
        .build().fit(train);
    float[] x = train.head(10).features();
    float[] mean = ensemble.meanOutput(x, 10);
    for (int i = 0; i < mean.length; i++) {
      double sum = 0;
      for (Member<TestModels_LinearNet> m : ensemble.members()) {
        sum += m.network().forwardInfer(x, 10)[i];
      }
      assertEquals((float) (sum / 3), mean[i], "output " + i);
    }
    // MSE models vote with their raw outputs: the soft vote is the argmax of the mean
    int[] soft = ensemble.predict(x, 10, Aggregation.SOFT_VOTE);
    assertArrayEquals(ensemble.predict(x, 10, Aggregation.MEAN), soft);
  }

  @Test
  void aSavedEnsembleLoadsAsOneUnitAndPredictsTheSameBits() throws IOException {
    Ensemble<TestModels_SmoothNet> ensemble = smooth().members(3).threads(2).build().fit(TRAIN);
    Path file = dir.resolve("smooth.ensemble");
    ensemble.save(file);
    Ensemble<TestModels_SmoothNet> loaded =
        Ensemble.load(file, ModelRef.of(TestModels_SmoothNet.class));
    assertEquals(3, loaded.size());
    float[] x = TEST.features();
    assertArrayEquals(ensemble.probabilities(x, TEST.size()), loaded.probabilities(x, TEST.size()));
    assertArrayEquals(ensemble.predict(x, TEST.size(), Aggregation.HARD_VOTE),
        loaded.predict(x, TEST.size(), Aggregation.HARD_VOTE));
    assertEquals(ensemble.outOfBag().orElseThrow().accuracy(),
        loaded.outOfBag().orElseThrow().accuracy());
    var e = assertThrows(IllegalArgumentException.class,
        () -> Ensemble.load(file, ModelRef.of(TestModels_RectifiedNet.class)));
    assertTrue(e.getMessage().startsWith(file + " holds members of dev.lamina.examples"
        + ".TestModels_SmoothNet, not of dev.lamina.examples.TestModels_RectifiedNet"),
        e.getMessage());
  }

  @Test
  void eachMemberStopsEarlyOnItsOwnOutOfBagLossAndKeepsItsBestEpoch() {
    Ensemble<TestModels_SmoothNet> ensemble = smooth().members(3).threads(2)
        .training(SMOOTH.toBuilder().epochs(40).optimizer(Optimizer.adam(3e-2))
            .earlyStopping(EarlyStopping.on(Metric.VALIDATION_LOSS).patience(2)).build())
        .build().fit(TRAIN);
    int stopped = 0;
    for (Member<TestModels_SmoothNet> m : ensemble.members()) {
      List<MemberEpoch> epochs = m.epochs();
      if (m.result().end().startsWith("EARLY_STOPPED")) {
        stopped++;
        assertTrue(epochs.size() < 40, "member " + m.index() + " ran " + epochs.size());
      }
      MemberEpoch best = epochs.stream()
          .min(java.util.Comparator.comparingDouble(MemberEpoch::validationLoss)).orElseThrow();
      assertTrue(m.result().end().endsWith("best epoch " + best.epoch())
          || m.result().end().equals("COMPLETED"), m.result().end());
      // the weights kept are the best epoch's: their out-of-bag loss is the smallest one seen
      Dataset outOfBag = TRAIN.select(m.result().outOfBag());
      assertEquals(best.validationLoss(), m.network().evaluate(outOfBag).loss(), 1e-12,
          "member " + m.index() + ": " + m.result().end());
    }
    assertTrue(stopped > 0, "no member stopped early in 40 epochs at lr 0.03");
  }

  @Test
  void batchNormRunningStatisticsTravelWithTheWeights() throws IOException {
    Dataset train = BaggingTestData.make(600, 784, 10, 4);
    Ensemble<FashionMlpBnNet> ensemble = Bagging.builder(FashionMlpBnNet.class).members(2)
        .training(epochs(1).batchSize(50).build()).threads(2).build().fit(train);
    Path file = dir.resolve("bn.ensemble");
    ensemble.save(file);
    Ensemble<FashionMlpBnNet> loaded = Ensemble.load(file, ModelRef.of(FashionMlpBnNet.class));
    for (Ensemble<FashionMlpBnNet> e : List.of(ensemble, loaded)) {
      for (Member<FashionMlpBnNet> m : e.members()) {
        // the scores the trained network gave its out-of-bag samples, before it was copied
        Dataset outOfBag = train.select(m.result().outOfBag());
        float[] scores = e.first(m.index() + 1).predictions(outOfBag).scores(m.index());
        assertArrayEquals(m.result().outOfBagScores(), scores, "member " + m.index());
      }
    }
  }

  @Test
  void augmentedMembersAreTheSameBitsOnOneThreadOrTwo() {
    Dataset train = BaggingTestData.make(300, 784, 10, 6);
    Augmentation flips = Augmentation.builder(ImageShape.of(1, 28, 28)).horizontalFlip(0.5)
        .translate(0.5, 2, 2).build();
    List<Ensemble<FashionMlpNet>> runs = new java.util.ArrayList<>();
    for (int threads : new int[] {1, 2}) {
      runs.add(Bagging.builder(FashionMlpNet.class).members(2)
          .training(epochs(1).batchSize(50).augmentation(flips).build()).threads(threads)
          .build().fit(train));
    }
    Ensemble<FashionMlpNet> plain = Bagging.builder(FashionMlpNet.class).members(2)
        .training(epochs(1).batchSize(50).build()).threads(2).build().fit(train);
    for (int m = 0; m < 2; m++) {
      var a = runs.get(0).members().get(m).network().parameters();
      assertTrue(a.bitEquals(runs.get(1).members().get(m).network().parameters()), "member " + m);
      assertFalse(a.bitEquals(plain.members().get(m).network().parameters()),
          "member " + m + " trained the same with and without augmentation");
    }
  }

  @Test
  void eachMemberTrainsAsATrainerWithTheSameConfigAndTheMembersSeed() {
    TrainingConfig config = SMOOTH.toBuilder().epochs(2)
        .weightDecay(WeightDecay.decoupled(1e-2)).weightNoise(0.02).build();
    Bagging<TestModels_SmoothNet> bagging = Bagging.builder(TestModels_SmoothNet.class)
        .members(2).bootstrap(false).training(config).threads(2).build();
    Ensemble<TestModels_SmoothNet> ensemble = bagging.fit(TRAIN, TEST);
    for (int m = 0; m < 2; m++) {
      TestModels_SmoothNet alone = TestModels_SmoothNet.trainer()
          .config(config.withSeed(bagging.memberSeed(m))).threads(1).build()
          .fit(TRAIN, TEST).network();
      assertTrue(alone.parameters().bitEquals(ensemble.members().get(m).network().parameters()),
          "member " + m + " differs from a trainer run with its config");
    }
    TestModels_SmoothNet plain = TestModels_SmoothNet.trainer()
        .config(SMOOTH.toBuilder().epochs(2).seed(bagging.memberSeed(0)).build()).threads(1)
        .build().fit(TRAIN, TEST).network();
    assertFalse(plain.parameters().bitEquals(ensemble.members().get(0).network().parameters()),
        "weight decay and weight noise made no difference to member 0");
  }

  @Test
  void membersCheckpointIntoTheirOwnDirectoriesAndGoOnFromThem() throws IOException {
    TrainingConfig twoEpochs = SMOOTH.toBuilder().epochs(2)
        .checkpoints(Checkpoints.to(dir.resolve("runs"))).build();
    Bagging.Builder<TestModels_SmoothNet> builder = smooth().members(2).threads(2);
    builder.training(twoEpochs).build().fit(TRAIN);
    for (int m = 0; m < 2; m++) {
      assertTrue(Files.exists(dir.resolve("runs/member-" + m + "/epoch-0002.safetensors")),
          "member " + m + "'s checkpoint");
    }
    // A longer run with the same directory goes on from epoch 2, to the bits of a fresh run.
    Ensemble<TestModels_SmoothNet> resumed =
        builder.training(twoEpochs.toBuilder().epochs(3).build()).build().fit(TRAIN);
    Ensemble<TestModels_SmoothNet> fresh =
        builder.training(SMOOTH.toBuilder().epochs(3).build()).build().fit(TRAIN);
    for (int m = 0; m < 2; m++) {
      Member<TestModels_SmoothNet> a = resumed.members().get(m);
      Member<TestModels_SmoothNet> b = fresh.members().get(m);
      assertTrue(a.network().parameters().bitEquals(b.network().parameters()), "member " + m);
      assertEquals(3, a.epochs().size(), "member " + m + "'s epochs, with those before resuming");
      assertEquals(losses(b), losses(a), "member " + m);
      assertTrue(Files.exists(dir.resolve("runs/member-" + m + "/epoch-0003.safetensors")));
    }
  }

  /** A member whose training fails does not throw away the members trained before it. */
  @Test
  void aFailedMemberKeepsTheMembersThatFinished() {
    Ensemble<TestModels_SmoothNet> whole = smooth().threads(1).build().fit(TRAIN);
    EnsembleListener breaksMemberTwo = new EnsembleListener() {
      @Override
      public void onMemberStart(int index, String where) {
        if (index == 2) {
          throw new IllegalStateException("member 2 cannot be made");
        }
      }
    };
    var e = assertThrows(EnsembleTrainingException.class, () -> smooth().threads(1)
        .listener(breaksMemberTwo).build().fit(TRAIN));
    assertTrue(e.getMessage().startsWith("member 2 failed: java.lang.IllegalStateException: member"
        + " 2 cannot be made; "), e.getMessage());
    List<MemberResult> finished = e.finished();
    assertTrue(finished.size() >= 2, "members 0 and 1 trained before member 2: " + finished);
    Ensemble<TestModels_SmoothNet> kept =
        Ensemble.of(ModelRef.of(TestModels_SmoothNet.class), finished);
    for (Member<TestModels_SmoothNet> m : kept.members()) {
      assertTrue(m.index() != 2);
      assertTrue(m.network().parameters().bitEquals(
          whole.members().get(m.index()).network().parameters()), "member " + m.index());
    }
  }

  @Test
  void badSettingsAreRefusedByName() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Bagging.builder(TestModels_SmoothNet.class).members(0));
    assertEquals("members must be > 0, got 0", e.getMessage());
    var c = assertThrows(IllegalArgumentException.class, () -> ModelRef.of(NoSeedNet.class));
    assertTrue(c.getMessage().contains("must have a public constructor taking the seed"),
        c.getMessage());
  }

  private static TrainingConfig.Builder epochs(int epochs) {
    return TrainingConfig.builder().epochs(epochs);
  }

  private static List<Double> losses(Member<?> m) {
    return m.epochs().stream()
        .flatMap(e -> java.util.stream.Stream.of(e.trainLoss(), e.validationLoss()))
        .toList();
  }

  /** A network class without the (long seed) constructor. */
  abstract static class NoSeedNet implements Network {}
}
