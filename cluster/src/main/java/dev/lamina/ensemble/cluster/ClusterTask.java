package dev.lamina.ensemble.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import dev.lamina.data.Dataset;
import dev.lamina.ensemble.EnsembleListener;
import dev.lamina.ensemble.MemberResult;
import dev.lamina.ensemble.MemberTask;
import dev.lamina.ensemble.MemberTraining;
import dev.lamina.ensemble.ModelRef;
import dev.lamina.nn.Network;
import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * One member's training as it travels to a cluster member: the task's seeds and settings, the
 * model's class name and where the data is; no code. The cluster member creates the network and
 * loads the data from its own class path, then runs the same {@link MemberTraining} as a thread
 * pool does. It gives up at the next batch when its Hazelcast member shuts down.
 */
final class ClusterTask implements Callable<MemberResult>, Serializable, HazelcastInstanceAware {
  private static final long serialVersionUID = 1L;
  /** The key of the member's own {@link EnsembleListener} in Hazelcast's user context. */
  static final String LISTENER = "lamina.member-listener";

  private final MemberTask task;
  private final String modelClass;
  private final DataRef data;
  private transient HazelcastInstance hazelcast;

  ClusterTask(MemberTask task, String modelClass, DataRef data) {
    this.task = task;
    this.modelClass = modelClass;
    this.data = data;
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance hazelcast) {
    this.hazelcast = hazelcast;
  }

  @Override
  public MemberResult call() throws InterruptedException {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = ClusterTask.class.getClassLoader();
    }
    ModelRef<Network> model = ModelRef.forName(modelClass, loader);
    Dataset.Split split = DataCache.get(data, hazelcast, loader);
    String where = "member " + hazelcast.getCluster().getLocalMember().getAddress();
    EnsembleListener listener = hazelcast.getUserContext().get(LISTENER)
        instanceof EnsembleListener own ? own : EnsembleListener.SILENT;
    MemberResult result = MemberTraining.train(task, model, split.train(), split.validation(),
        listener, () -> !hazelcast.getLifecycleService().isRunning(), where);
    listener.onMemberDone(result);
    return result;
  }

  MemberTask task() {
    return task;
  }
}
