package dev.lamina.ensemble.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import dev.lamina.data.Dataset;
import dev.lamina.ensemble.EnsembleListener;
import dev.lamina.metrics.CrossValidation;
import dev.lamina.metrics.Folds;
import dev.lamina.metrics.ModelMetrics;
import dev.lamina.train.Optimizer;
import dev.lamina.train.TrainingConfig;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Tasks left waiting because every cluster member lost one, while all of them are still in the
 * cluster (their first task failed with an error counted as a loss, as when a data partition
 * moves after another member died): after {@link ClusterRun#FORGIVE_AFTER} those members are used
 * again, where the run used to wait out {@link ClusterRun#IDLE_LIMIT} and fail. The refusal is a
 * {@code RejectedExecutionException}, which Hazelcast's client reports twice for one task: the
 * second report is ignored.
 */
@Timeout(120)
class StrandedTasksTest {
  private static final Dataset DATA = BaggingTestData.make(600, 64, 3, 9);

  @Test
  void membersThatLostATaskButStayInTheClusterTrainAgain() throws Exception {
    CrossValidation.Result threads = crossValidation(EnsembleListener.SILENT).fit(DATA);
    int port = LoopbackFaults.freePort(47000);
    List<HazelcastInstance> members = List.of(
        BaggingCluster.startMember(LoopbackFaults.twoMembers("lamina-stranded", port, port),
            new FirstTaskRejected()),
        BaggingCluster.startMember(LoopbackFaults.twoMembers("lamina-stranded", port, port + 1),
            new FirstTaskRejected()));
    AtomicInteger retries = new AtomicInteger();
    EnsembleListener listener = new EnsembleListener() {
      @Override
      public void onMemberRetry(int index, String reason) {
        retries.incrementAndGet();
      }
    };
    try (BaggingCluster client =
        BaggingCluster.connect(LoopbackFaults.twoMembers("lamina-stranded", port, port))) {
      CrossValidation.Result cluster = crossValidation(listener)
          .fit(DATA, client.members(DataRef.ofClass(BaggingTestData.class, "600,64,3,9")));
      assertTrue(retries.get() >= 2, "both members' first folds ran again: " + retries.get());
      assertArrayEquals(threads.scores(), cluster.scores(), "the bits of the folds in threads");
    } finally {
      members.forEach(m -> m.getLifecycleService().terminate());
    }
  }

  /** A member's listener that refuses its first task, as a member with a full queue would. */
  private static final class FirstTaskRejected implements EnsembleListener {
    private final AtomicBoolean refused = new AtomicBoolean();

    @Override
    public void onMemberStart(int index, String where) {
      if (refused.compareAndSet(false, true)) {
        throw new RejectedExecutionException("test: the first task is refused");
      }
    }
  }

  private static CrossValidation<CvMlpNet> crossValidation(EnsembleListener listener) {
    return CrossValidation.builder(CvMlpNet.class)
        .folds(Folds.stratified(DATA, 3, 5))
        .training(TrainingConfig.builder().epochs(1).batchSize(32)
            .optimizer(Optimizer.adam(3e-3)).seed(17).build())
        .score((network, test) -> ModelMetrics.confusion(network, test).accuracy())
        .threads(2).listener(listener).build();
  }
}
