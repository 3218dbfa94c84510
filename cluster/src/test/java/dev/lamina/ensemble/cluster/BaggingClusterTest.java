package dev.lamina.ensemble.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import dev.lamina.augment.Augmentation;
import dev.lamina.augment.ImageShape;
import dev.lamina.data.Dataset;
import dev.lamina.ensemble.Bagging;
import dev.lamina.ensemble.Ensemble;
import dev.lamina.ensemble.EnsembleListener;
import dev.lamina.ensemble.MemberResult;
import dev.lamina.search.Search;
import dev.lamina.search.SearchResult;
import dev.lamina.search.SearchSpace;
import dev.lamina.train.EarlyStopping;
import dev.lamina.train.Metric;
import dev.lamina.train.Optimizer;
import dev.lamina.train.WeightDecay;
import dev.lamina.train.TrainingConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real Hazelcast cluster on loopback (127.0.0.1 only, no multicast): members trained there are
 * the same bits as members trained in threads, and a cluster member shut down while it trains
 * loses nothing. About 10 s on 2 cores: four Hazelcast members start, and the first members
 * train while the JIT is still compiling the network's passes.
 */
@Timeout(120)
class BaggingClusterTest {
  private static final Dataset TRAIN = BaggingTestData.make(2000, 784, 10, 5);
  private static final String DATA = "2000,784,10,5";

  private static int port;
  private static ClusterSettings settings;
  private static HazelcastInstance first;
  private static HazelcastInstance second;

  @BeforeAll
  static void startTwoMembers() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort() < 60000 ? socket.getLocalPort() : 45000;
    }
    settings = settings(port, 1);
    first = BaggingCluster.startMember(settings);
    second = BaggingCluster.startMember(settings(port + 1, 1));
    assertEquals(2, first.getCluster().getMembers().size(), "the two members formed one cluster");
  }

  @AfterAll
  static void stop() {
    for (HazelcastInstance h : new HazelcastInstance[] {first, second}) {
      if (h != null) {
        h.getLifecycleService().terminate();
      }
    }
  }

  private static ClusterSettings settings(int ownPort, int threads) {
    return ClusterSettings.builder()
        .clusterName("lamina-test-" + port)
        .members(List.of("127.0.0.1:" + port, "127.0.0.1:" + (port + 1), "127.0.0.1:" + (port + 2),
            "127.0.0.1:" + (port + 3)))
        .bindAddress("127.0.0.1")
        .port(ownPort)
        .threads(threads)
        .joinWait(Duration.ZERO)
        .timeout(Duration.ofSeconds(90))
        .build();
  }

  private static Bagging<ClusterMlpNet> bagging(int members, int epochs, EnsembleListener listener) {
    return Bagging.builder(ClusterMlpNet.class).members(members)
        .training(TrainingConfig.builder().epochs(epochs).batchSize(64)
            .optimizer(Optimizer.adam(1e-3)).seed(11).build())
        .threads(2).listener(listener).build();
  }

  @Test
  void aClientDrivenClusterTrainsTheSameBitsAsThreads() throws Exception {
    // Every trainer setting travels: decay, weight noise, early stopping, augmentation.
    TrainingConfig everything = bagging(3, 1, EnsembleListener.SILENT).config().toBuilder()
        .weightDecay(WeightDecay.decoupled(1e-2)).weightNoise(0.01)
        .earlyStopping(EarlyStopping.on(Metric.VALIDATION_LOSS))
        .augmentation(Augmentation.builder(ImageShape.of(1, 28, 28)).translate(0.5, 2, 2).build())
        .build();
    Bagging<ClusterMlpNet> bagging = Bagging.builder(ClusterMlpNet.class).members(3)
        .training(everything).threads(2).build();
    Ensemble<ClusterMlpNet> threads = bagging.fit(TRAIN);
    try (BaggingCluster client = BaggingCluster.connect(settings)) {
      assertEquals("client", client.address());
      DataRef published = client.publish("synthetic", TRAIN, null);
      Ensemble<ClusterMlpNet> cluster = bagging.fit(client.members(published));
      assertSameMembers(threads, cluster);
      Set<String> where = new java.util.HashSet<>();
      cluster.members().forEach(m -> where.add(m.result().trainedBy()));
      assertEquals(2, where.size(), "both cluster members trained: " + where);
      client.unpublish(published);
    }
  }

  @Test
  void aSearchRunsOnTheClusterAsInThreads() throws Exception {
    Dataset validation = BaggingTestData.make(300, 784, 10, 6);
    Search<ClusterMlpNet> search = Search.builder(ClusterMlpNet.class)
        .base(TrainingConfig.builder().epochs(1).batchSize(64).seed(3).build())
        .grid(SearchSpace.of(SearchSpace.learningRate(1e-3, 3e-3),
            SearchSpace.weightDecay(WeightDecay.NONE, WeightDecay.decoupled(0.1))))
        .threads(2).build();
    SearchResult threads = search.fit(TRAIN, validation);
    try (BaggingCluster client = BaggingCluster.connect(settings)) {
      DataRef published = client.publish("search", TRAIN, validation);
      SearchResult cluster = search.fit(client.members(published));
      for (int i = 0; i < 4; i++) {
        assertEquals(threads.trials().get(i).score(), cluster.trials().get(i).score(),
            "trial " + i);
        assertTrue(cluster.trials().get(i).trainedBy().startsWith("member "),
            cluster.trials().get(i).trainedBy());
      }
      client.unpublish(published);
    }
  }

  @Test
  void aMemberShutDownWhileItTrainsIsRetrainedElsewhereAndNothingIsCountedTwice()
      throws Exception {
    AtomicInteger retries = new AtomicInteger();
    Map<Integer, AtomicInteger> done = new ConcurrentHashMap<>();
    EnsembleListener listener = new EnsembleListener() {
      @Override
      public void onMemberDone(MemberResult result) {
        done.computeIfAbsent(result.index(), i -> new AtomicInteger()).incrementAndGet();
      }

      @Override
      public void onMemberRetry(int index, String reason) {
        retries.incrementAndGet();
      }
    };
    Bagging<ClusterMlpNet> bagging = bagging(5, 2, listener);
    HazelcastInstance victim = BaggingCluster.startMember(settings(port + 3, 1));
    String victimAddress = "member " + victim.getCluster().getLocalMember().getAddress();
    // the default: this JVM is a member too, and trains
    try (BaggingCluster cluster = BaggingCluster.start(settings(port + 2, 1))) {
      assertEquals(4, cluster.size());
      Thread killer = new Thread(() -> LoopbackFaults.killWhileTraining(victim), "killer");
      killer.start();
      Ensemble<ClusterMlpNet> ensemble = bagging.fit(
          cluster.members(DataRef.ofClass(BaggingTestData.class, DATA)));
      killer.join();
      assertTrue(retries.get() >= 1, "the victim's member was retrained");
      assertEquals(5, done.size(), "every member is done: " + done.keySet());
      done.forEach((i, n) -> assertEquals(1, n.get(), "member " + i + " counted once"));
      ensemble.members().forEach(m -> assertTrue(!m.result().trainedBy().equals(victimAddress),
          "member " + m.index() + " came from the shut-down member"));
      Ensemble<ClusterMlpNet> threads = bagging(5, 2, EnsembleListener.SILENT).fit(TRAIN);
      assertSameMembers(threads, ensemble);
    } finally {
      victim.getLifecycleService().terminate();
    }
  }

  /**
   * Issue 21's discipline for search trials: a trial lost with its member runs again on another,
   * never on the lost one, and the scores are those of the run on threads.
   */
  @Test
  void aMemberShutDownDuringASearchLosesNoTrial() throws Exception {
    Dataset validation = BaggingTestData.make(300, 784, 10, 6);
    Search<ClusterMlpNet> search = Search.builder(ClusterMlpNet.class)
        .base(TrainingConfig.builder().epochs(2).batchSize(64).seed(5).build())
        .grid(SearchSpace.of(SearchSpace.learningRate(1e-3, 2e-3, 3e-3),
            SearchSpace.weightDecay(WeightDecay.NONE, WeightDecay.decoupled(0.1))))
        .threads(2).build();
    SearchResult threads = search.fit(TRAIN, validation);
    HazelcastInstance victim = BaggingCluster.startMember(settings(port + 3, 1));
    String victimAddress = "member " + victim.getCluster().getLocalMember().getAddress();
    try (BaggingCluster cluster = BaggingCluster.start(settings(port + 2, 1))) {
      DataRef published = cluster.publish("search-faults", TRAIN, validation);
      Thread killer = new Thread(() -> LoopbackFaults.killWhileTraining(victim), "killer");
      killer.start();
      SearchResult result = search.fit(cluster.members(published));
      killer.join();
      assertTrue(!victim.getLifecycleService().isRunning(), "the victim was shut down mid-trial");
      assertEquals(threads.trials().size(), result.trials().size());
      for (int i = 0; i < threads.trials().size(); i++) {
        assertEquals(threads.trials().get(i).score(), result.trials().get(i).score(), "trial " + i);
        assertTrue(!result.trials().get(i).trainedBy().equals(victimAddress),
            "trial " + i + " came from the shut-down member");
      }
      cluster.unpublish(published);
    } finally {
      victim.getLifecycleService().terminate();
    }
  }

  /** Shuts {@code victim} down the moment it is training a member and has finished none. */
  private static void assertSameMembers(Ensemble<ClusterMlpNet> expected,
      Ensemble<ClusterMlpNet> actual) {
    assertEquals(expected.size(), actual.size());
    for (int m = 0; m < expected.size(); m++) {
      assertEquals(m, actual.members().get(m).index());
      assertTrue(expected.members().get(m).network().parameters()
              .bitEquals(actual.members().get(m).network().parameters()),
          "member " + m + " trained on " + actual.members().get(m).result().trainedBy()
              + " differs from the one trained in threads");
    }
  }
}
