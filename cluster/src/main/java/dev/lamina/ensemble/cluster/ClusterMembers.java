package dev.lamina.ensemble.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.spi.exception.RetryableException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import dev.lamina.ensemble.EnsembleListener;
import dev.lamina.ensemble.EnsembleTrainingException;
import dev.lamina.ensemble.MemberExecutor;
import dev.lamina.ensemble.MemberResult;
import dev.lamina.ensemble.MemberStoppedException;
import dev.lamina.ensemble.MemberTask;
import dev.lamina.ensemble.ModelRef;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Trains members on a Hazelcast cluster. Each cluster member gets at most as many tasks at once
 * as it has training threads (its {@link ClusterSettings#THREADS_ATTRIBUTE}), and the next task
 * goes to whichever member frees a thread first, so faster machines train more members. When a
 * cluster member leaves, the tasks it held go back to the front of the queue and run elsewhere;
 * each member's result is kept exactly once, in member order.
 */
final class ClusterMembers implements MemberExecutor {
  /** How long the queue may wait with no cluster member to take a task. */
  private static final long IDLE_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final HazelcastInstance hazelcast;
  private final DataRef data;
  private final ClusterSettings settings;

  ClusterMembers(HazelcastInstance hazelcast, DataRef data, ClusterSettings settings) {
    this.hazelcast = hazelcast;
    this.data = data;
    this.settings = settings;
  }

  private record Outcome(ClusterTask task, Member member, MemberResult result, Throwable error) {}

  @Override
  public List<MemberResult> train(ModelRef<?> model, List<MemberTask> tasks,
      EnsembleListener listener) throws InterruptedException {
    String modelClass = model.className().orElseThrow(() -> new IllegalArgumentException(
        "a cluster creates members' networks by class name, so build the bagging with"
            + " Bagging.builder(YourNet.class), not with a factory such as YourNet::new"));
    for (MemberTask task : tasks) {
      Portability.requireTravels(task.config());
    }
    IExecutorService executor = hazelcast.getExecutorService(ClusterSettings.EXECUTOR);
    Map<Integer, Integer> positions = new HashMap<>();
    for (int i = 0; i < tasks.size(); i++) {
      positions.put(tasks.get(i).index(), i);
    }
    MemberResult[] results = new MemberResult[tasks.size()];
    int[] attempts = new int[tasks.size()];
    Deque<ClusterTask> queue = new ArrayDeque<>();
    tasks.forEach(t -> queue.add(new ClusterTask(t, modelClass, data)));
    Map<UUID, Integer> busy = new HashMap<>();
    BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    long idleSince = System.nanoTime();
    int done = 0;
    while (done < tasks.size()) {
      dispatch(executor, queue, busy, attempts, positions, outcomes, listener);
      if (busy.values().stream().anyMatch(n -> n > 0)) {
        idleSince = System.nanoTime();
      } else if (System.nanoTime() - idleSince > IDLE_LIMIT_NANOS) {
        throw new EnsembleTrainingException("no cluster member can train: the members "
            + hazelcast.getCluster().getMembers() + " have no training threads (attribute "
            + ClusterSettings.THREADS_ATTRIBUTE + "); start one with ClusterMember or threads > 0");
      }
      long left = deadline - System.nanoTime();
      Outcome outcome = outcomes.poll(Math.min(left, TimeUnit.SECONDS.toNanos(1)),
          TimeUnit.NANOSECONDS);
      if (outcome == null) {
        if (System.nanoTime() - deadline >= 0) {
          throw new EnsembleTrainingException("the cluster did not train all " + tasks.size()
              + " members within " + settings.timeout() + "; " + done + " are done");
        }
        continue; // no news: perhaps a member joined that can take the queued tasks
      }
      busy.merge(outcome.member().getUuid(), -1, Integer::sum);
      int position = positions.get(outcome.task().task().index());
      int index = outcome.task().task().index();
      if (outcome.error() == null) {
        if (results[position] == null) {
          results[position] = outcome.result();
          done++;
          listener.onMemberDone(outcome.result());
        }
      } else if (lostWithItsMember(outcome.error())) {
        if (attempts[position] >= settings.maxAttempts()) {
          throw new EnsembleTrainingException("member " + index + " was started "
              + attempts[position] + " times and each cluster member running it left; last on "
              + outcome.member().getAddress() + ": " + outcome.error(), outcome.error());
        }
        listener.onMemberRetry(index, outcome.member().getAddress() + " left: " + outcome.error());
        queue.addFirst(outcome.task());
      } else {
        throw new EnsembleTrainingException("member " + index + " failed on "
            + outcome.member().getAddress() + ": " + outcome.error(), outcome.error());
      }
    }
    return List.of(results);
  }

  /** Gives queued tasks to the members that have free training threads, in address order. */
  private void dispatch(IExecutorService executor, Deque<ClusterTask> queue,
      Map<UUID, Integer> busy, int[] attempts, Map<Integer, Integer> positions,
      BlockingQueue<Outcome> outcomes, EnsembleListener listener) {
    List<Member> members = hazelcast.getCluster().getMembers().stream()
        .filter(m -> !m.isLiteMember())
        .sorted(Comparator.comparing(m -> m.getAddress().toString()))
        .toList();
    for (Member member : members) {
      int slots = threads(member);
      while (!queue.isEmpty() && busy.getOrDefault(member.getUuid(), 0) < slots) {
        ClusterTask task = queue.poll();
        attempts[positions.get(task.task().index())]++;
        busy.merge(member.getUuid(), 1, Integer::sum);
        listener.onMemberStart(task.task().index(), "member " + member.getAddress());
        try {
          executor.submitToMember(task, member, new ExecutionCallback<MemberResult>() {
            @Override
            public void onResponse(MemberResult result) {
              outcomes.add(new Outcome(task, member, result, null));
            }

            @Override
            public void onFailure(Throwable t) {
              outcomes.add(new Outcome(task, member, null, t));
            }
          });
        } catch (RuntimeException e) {
          outcomes.add(new Outcome(task, member, null, e));
        }
      }
    }
  }

  private static int threads(Member member) {
    String threads = member.getAttribute(ClusterSettings.THREADS_ATTRIBUTE);
    if (threads == null) {
      return 1; // a member started without Lamina's settings: one task at a time
    }
    try {
      return Integer.parseInt(threads);
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  /** Whether the task failed because its cluster member went away, not because of the task. */
  private static boolean lostWithItsMember(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof MemberLeftException || t instanceof TargetNotMemberException
          || t instanceof TargetDisconnectedException
          || t instanceof HazelcastInstanceNotActiveException
          || t instanceof MemberStoppedException || t instanceof RejectedExecutionException
          || t instanceof RetryableException) {
        return true;
      }
    }
    return false;
  }
}
