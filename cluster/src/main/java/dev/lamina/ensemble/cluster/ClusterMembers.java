package dev.lamina.ensemble.cluster;

import com.hazelcast.core.HazelcastInstance;
import dev.lamina.ensemble.EnsembleListener;
import dev.lamina.ensemble.MemberExecutor;
import dev.lamina.ensemble.MemberResult;
import dev.lamina.ensemble.MemberTask;
import dev.lamina.ensemble.ModelRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains members on a Hazelcast cluster. Each cluster member gets at most as many tasks at once
 * as it has training threads (its {@link ClusterSettings#THREADS_ATTRIBUTE}), and the next task
 * goes to whichever member frees a thread first, so faster machines train more members. When a
 * cluster member dies, hangs or leaves, the tasks it held go back to the front of the queue and
 * run on other members, never on it again ({@link ClusterRun}); each member's result is kept
 * exactly once, in member order.
 */
final class ClusterMembers implements MemberExecutor {
  private final HazelcastInstance hazelcast;
  private final DataRef data;
  private final ClusterSettings settings;

  ClusterMembers(HazelcastInstance hazelcast, DataRef data, ClusterSettings settings) {
    this.hazelcast = hazelcast;
    this.data = data;
    this.settings = settings;
  }

  @Override
  public List<MemberResult> train(ModelRef<?> model, List<MemberTask> tasks,
      EnsembleListener listener) throws InterruptedException {
    String modelClass = model.className().orElseThrow(() -> new IllegalArgumentException(
        "a cluster creates members' networks by class name, so build the bagging with"
            + " Bagging.builder(YourNet.class), not with a factory such as YourNet::new"));
    List<ClusterTask> clusterTasks = new ArrayList<>();
    for (MemberTask task : tasks) {
      Portability.requireTravels(task.config());
      clusterTasks.add(new ClusterTask(task, modelClass, data));
    }
    return new ClusterRun(hazelcast, settings, listener, clusterTasks).run();
  }
}
