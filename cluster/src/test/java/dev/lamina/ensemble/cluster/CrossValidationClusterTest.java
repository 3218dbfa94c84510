package dev.lamina.ensemble.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import dev.lamina.data.Dataset;
import dev.lamina.ensemble.EnsembleListener;
import dev.lamina.ensemble.MemberResult;
import dev.lamina.metrics.CrossValidation;
import dev.lamina.metrics.Folds;
import dev.lamina.metrics.ModelMetrics;
import dev.lamina.train.Optimizer;
import dev.lamina.train.TrainingConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Cross-validation's folds on a real Hazelcast cluster on loopback, as bagging's members: a
 * cluster member killed while it trains a fold loses nothing (the fold runs again on another
 * member, never on it), every fold is counted once, and the scores are the bits of the folds
 * trained in threads, with the data loaded by each member or published to the cluster's map.
 * About 10 s on 2 shared cores, most of it two Hazelcast members starting and the JIT compiling
 * the network's passes in the first run.
 */
@Timeout(120)
class CrossValidationClusterTest {
  private static final Dataset DATA = BaggingTestData.make(1000, 64, 3, 7);
  private static final String DATA_ARGUMENT = "1000,64,3,7";

  @Test
  void foldsSurviveAMemberKilledMidFoldAndScoreTheBitsOfThreads() throws Exception {
    Map<Integer, AtomicInteger> done = new ConcurrentHashMap<>();
    Map<Integer, String> trainedBy = new ConcurrentHashMap<>();
    AtomicInteger retries = new AtomicInteger();
    EnsembleListener listener = new EnsembleListener() {
      @Override
      public void onMemberDone(MemberResult result) {
        done.computeIfAbsent(result.index(), i -> new AtomicInteger()).incrementAndGet();
        trainedBy.put(result.index(), result.trainedBy());
      }

      @Override
      public void onMemberRetry(int index, String reason) {
        retries.incrementAndGet();
      }
    };
    CrossValidation.Result threads = crossValidation(EnsembleListener.SILENT).fit(DATA);

    int port = LoopbackFaults.freePort(46000);
    HazelcastInstance victim =
        BaggingCluster.startMember(LoopbackFaults.twoMembers("lamina-cv-test", port, port + 1));
    String victimAddress = "member " + victim.getCluster().getLocalMember().getAddress();
    // this JVM is a member too, and trains folds
    try (BaggingCluster cluster =
        BaggingCluster.start(LoopbackFaults.twoMembers("lamina-cv-test", port, port))) {
      assertEquals(2, cluster.size());
      Thread killer = new Thread(() -> LoopbackFaults.killWhileTraining(victim), "killer");
      killer.start();
      CrossValidation.Result killed = crossValidation(listener)
          .fit(DATA, cluster.members(DataRef.ofClass(BaggingTestData.class, DATA_ARGUMENT)));
      killer.join();

      assertTrue(retries.get() >= 1, "the victim's fold was trained again");
      assertEquals(5, done.size(), "every fold is done: " + done.keySet());
      done.forEach((f, n) -> assertEquals(1, n.get(), "fold " + f + " counted once"));
      trainedBy.forEach((f, where) -> assertNotEquals(victimAddress, where,
          "fold " + f + " came from the killed member"));
      assertArrayEquals(threads.scores(), killed.scores(), "the bits of the folds in threads");
      assertTrue(killed.mean() > 0.7, "the folds learned: mean accuracy " + killed.mean());

      DataRef published = cluster.publish("cv", DATA, null);
      CrossValidation.Result fromMap = crossValidation(EnsembleListener.SILENT)
          .fit(DATA, cluster.members(published));
      assertArrayEquals(threads.scores(), fromMap.scores(), "published data, same bits");
      cluster.unpublish(published);
      System.out.printf("5 folds on the cluster, one member killed mid-fold (%d retries):"
          + " accuracy %s, mean %.4f%n", retries.get(), Arrays.toString(killed.scores()),
          killed.mean());
    } finally {
      victim.getLifecycleService().terminate();
    }
  }

  private static CrossValidation<CvMlpNet> crossValidation(EnsembleListener listener) {
    return CrossValidation.builder(CvMlpNet.class)
        .folds(Folds.stratified(DATA, 5, 42))
        .training(TrainingConfig.builder().epochs(3).batchSize(32)
            .optimizer(Optimizer.adam(3e-3)).seed(13).build())
        .score((network, test) -> ModelMetrics.confusion(network, test).accuracy())
        .threads(2).listener(listener).build();
  }}
