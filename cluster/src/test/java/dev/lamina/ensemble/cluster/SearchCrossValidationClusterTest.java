package dev.lamina.ensemble.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import dev.lamina.data.Dataset;
import dev.lamina.ensemble.EnsembleListener;
import dev.lamina.ensemble.MemberResult;
import dev.lamina.search.Search;
import dev.lamina.search.SearchResult;
import dev.lamina.search.SearchSpace;
import dev.lamina.search.Trial;
import dev.lamina.train.Optimizer;
import dev.lamina.train.TrainingConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A search scored by k-fold cross-validation on a real Hazelcast cluster on loopback: every
 * (trial, fold) pair is a task, a cluster member killed while it trains one loses nothing (the
 * task runs again on another member, never on it), every task is counted once, and each trial's
 * fold scores are the bits of the search on threads, with the data loaded by each member or
 * published to the cluster's map. About 10 s on 2 shared cores, most of it two Hazelcast members
 * starting.
 */
@Timeout(120)
class SearchCrossValidationClusterTest {
  private static final Dataset DATA = BaggingTestData.make(2000, 64, 3, 8);
  private static final String DATA_ARGUMENT = "2000,64,3,8";

  @Test
  void aMemberKilledMidSearchLosesNoTrialsFoldAndTheScoresAreThoseOfThreads() throws Exception {
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
    SearchResult threads = search(EnsembleListener.SILENT).fit(DATA);

    int port = LoopbackFaults.freePort(47000);
    HazelcastInstance victim =
        BaggingCluster.startMember(LoopbackFaults.twoMembers("lamina-search-cv", port, port + 1));
    String victimAddress = "member " + victim.getCluster().getLocalMember().getAddress();
    // this JVM is a member too, and trains tasks
    try (BaggingCluster cluster =
        BaggingCluster.start(LoopbackFaults.twoMembers("lamina-search-cv", port, port))) {
      assertEquals(2, cluster.size());
      Thread killer = new Thread(() -> LoopbackFaults.killWhileTraining(victim), "killer");
      killer.start();
      SearchResult killed = search(listener)
          .fit(DATA, cluster.members(DataRef.ofClass(BaggingTestData.class, DATA_ARGUMENT)));
      killer.join();

      assertFalse(victim.getLifecycleService().isRunning(), "the victim was killed mid-search");
      assertTrue(retries.get() >= 1, "the victim's task was trained again");
      assertEquals(3 * 3, done.size(), "every (trial, fold) task is done: " + done.keySet());
      done.forEach((task, n) -> assertEquals(1, n.get(), "task " + task + " counted once"));
      trainedBy.forEach((task, where) -> assertNotEquals(victimAddress, where,
          "task " + task + " came from the killed member"));
      assertSameScores(threads, killed);
      for (Trial t : killed.trials()) {
        assertFalse(List.of(t.trainedBy().split(", ")).contains(victimAddress),
            "trial " + t.index() + " has a fold from the killed member: " + t.trainedBy());
      }
      assertTrue(killed.best().score() > 0.6, "the trials learned:\n" + killed.table());

      DataRef published = cluster.publish("search-cv", DATA, null);
      assertSameScores(threads, search(EnsembleListener.SILENT).fit(DATA,
          cluster.members(published)));
      cluster.unpublish(published);
      System.out.printf("3 trials x 3 folds on the cluster, one member killed mid-task"
          + " (%d retries):%n%s", retries.get(), killed.table());
    } finally {
      victim.getLifecycleService().terminate();
    }
  }

  private static void assertSameScores(SearchResult expected, SearchResult actual) {
    assertEquals(expected.trials().size(), actual.trials().size());
    for (int i = 0; i < expected.trials().size(); i++) {
      assertEquals(expected.trials().get(i).foldScores(), actual.trials().get(i).foldScores(),
          "trial " + i + "'s folds: the bits of the search on threads");
      assertEquals(expected.trials().get(i).score(), actual.trials().get(i).score(), 0,
          "trial " + i);
    }
  }

  private static Search<CvMlpNet> search(EnsembleListener listener) {
    return Search.builder(CvMlpNet.class)
        .base(TrainingConfig.builder().epochs(6).batchSize(16).optimizer(Optimizer.adam(1e-3))
            .seed(17).build())
        .grid(SearchSpace.of(SearchSpace.learningRate(1e-3, 3e-3, 1e-2)))
        .crossValidation(3)
        .threads(2).listener(listener).build();
  }}
