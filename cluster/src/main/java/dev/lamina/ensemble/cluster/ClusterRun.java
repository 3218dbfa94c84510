package dev.lamina.ensemble.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import dev.lamina.ensemble.EnsembleListener;
import dev.lamina.ensemble.EnsembleTrainingException;
import dev.lamina.ensemble.MemberResult;
import dev.lamina.ensemble.MemberTask;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One ensemble's tasks on the cluster: which cluster member runs which task, what came back, and
 * what was lost and goes again. The rules that let it survive members dying at any moment:
 * <ul>
 *   <li>a cluster member that loses a task (it left, died, or its connection broke) gets no task
 *       again in this run, so a lost task never goes back to the member that lost it, nor to a
 *       dead member the cluster has not yet removed. A restarted member joins with a new identity
 *       and is used. Only when tasks have waited {@link #FORGIVE_AFTER} with no member to take
 *       them are the members that lost one but are still in the cluster used again: what they
 *       lost was the cluster's trouble (a data partition moving after another member died, a
 *       full queue), not their own;
 *   <li>a task that runs longer than {@link ClusterSettings#taskTimeout()} starts again on another
 *       member, and its member is suspected: it gets no new task until it answers. The first
 *       result of either attempt is kept (they are the same bits), so a slow member costs
 *       nothing, and a frozen one is dropped when Hazelcast's heartbeats give up on it;
 *   <li>a task never starts twice on one member (but for members used again, as above, once
 *       nothing runs), and a lost task waits in the queue until a member that has not had it has
 *       a free thread: the membership settles while it waits, and no attempt is spent on a dead
 *       member while a live one can take it;
 *   <li>every result that comes back is kept, whatever else fails; a task whose training itself
 *       fails is not retried (it would fail the same way), and the run ends with an
 *       {@link EnsembleTrainingException} holding the members that finished.
 * </ul>
 * Results are the same bits wherever a task runs, so a retried member equals the one in-process.
 */
final class ClusterRun {
  /** How long the queue may wait with no cluster member that can take a task. */
  static final Duration IDLE_LIMIT = Duration.ofSeconds(30);
  /**
   * How long the queue waits with no member to take a task before members that lost one but are
   * still in the cluster are used again: long enough for the membership to drop dead members.
   */
  static final Duration FORGIVE_AFTER = Duration.ofSeconds(5);
  /** How often the run looks at the membership and at tasks that run too long. */
  private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  /** One task sent to one member; {@code overdue} once it ran past the task timeout. */
  private static final class Attempt {
    final ClusterTask task;
    final Member member;
    final long started = System.nanoTime();
    boolean overdue;

    Attempt(ClusterTask task, Member member) {
      this.task = task;
      this.member = member;
    }
  }

  private record Outcome(long attempt, MemberResult result, Throwable error) {}

  private final HazelcastInstance hazelcast;
  private final IExecutorService executor;
  private final ClusterSettings settings;
  private final EnsembleListener listener;
  private final List<ClusterTask> tasks;
  private final Map<Integer, Integer> positions = new HashMap<>();
  private final MemberResult[] results;
  private final Deque<ClusterTask> queue = new ArrayDeque<>();
  private final Map<Long, Attempt> running = new LinkedHashMap<>();
  /** Cluster members that lost a task: none of them gets another in this run. */
  private final Set<UUID> lost = new HashSet<>();
  /** The members each task was sent to, by member index: it never goes to one twice. */
  private final Map<Integer, Set<UUID>> triedOn = new HashMap<>();
  /** Why each task whose training failed on a live member failed, by member index. */
  private final Map<Integer, Throwable> failed = new LinkedHashMap<>();
  private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
  private long attempts;
  private int done;

  ClusterRun(HazelcastInstance hazelcast, ClusterSettings settings, EnsembleListener listener,
      List<ClusterTask> tasks) {
    this.hazelcast = hazelcast;
    this.executor = hazelcast.getExecutorService(ClusterSettings.EXECUTOR);
    this.settings = settings;
    this.listener = listener;
    this.tasks = List.copyOf(tasks);
    for (int i = 0; i < tasks.size(); i++) {
      positions.put(tasks.get(i).task().index(), i);
    }
    this.results = new MemberResult[tasks.size()];
    queue.addAll(tasks);
  }

  /** Trains every task; returns the results in task order. */
  List<MemberResult> run() throws InterruptedException {
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    long idleSince = System.nanoTime();
    while (done + failed.size() < tasks.size()) {
      dispatch();
      long now = System.nanoTime();
      if (!running.isEmpty() || queue.isEmpty()) {
        idleSince = now;
      } else if (now - idleSince > FORGIVE_AFTER.toNanos() && forgiveLiveMembers()) {
        idleSince = now;
      } else if (now - idleSince > IDLE_LIMIT.toNanos()) {
        throw giveUp("no cluster member could take the " + queue.size() + " waiting members for "
            + IDLE_LIMIT.toSeconds() + " s: " + membership(), null);
      }
      if (now - deadline >= 0) {
        throw giveUp("the cluster did not train all " + tasks.size() + " members within "
            + settings.timeout(), null);
      }
      Outcome outcome = outcomes.poll(Math.min(TICK_NANOS, deadline - now), TimeUnit.NANOSECONDS);
      for (; outcome != null; outcome = outcomes.poll()) {
        record(outcome);
      }
      expireHungAttempts();
    }
    if (!failed.isEmpty()) {
      var first = failed.entrySet().iterator().next();
      throw giveUp(failed.size() + " of " + tasks.size() + " members failed to train; member "
          + first.getKey() + ": " + first.getValue(), first.getValue());
    }
    return List.of(results);
  }

  /**
   * Gives queued tasks to members that have lost none, are not suspected of hanging and have a
   * free thread, in address order; each member gets the first queued task it has not had.
   */
  private void dispatch() {
    if (queue.isEmpty()) {
      return;
    }
    List<Member> members = hazelcast.getCluster().getMembers().stream()
        .filter(m -> !m.isLiteMember() && !lost.contains(m.getUuid()) && !suspected(m))
        .sorted(Comparator.comparing(m -> m.getAddress().toString()))
        .toList();
    for (Member member : members) {
      int free = threads(member) - (int) running.values().stream()
          .filter(a -> a.member.getUuid().equals(member.getUuid())).count();
      for (; free > 0; free--) {
        ClusterTask task = queue.stream()
            .filter(t -> !triedOn(t).contains(member.getUuid())).findFirst().orElse(null);
        if (task == null) {
          break;
        }
        queue.remove(task);
        submit(task, member);
      }
    }
  }

  /**
   * Lets the members that lost a task but are still in the cluster take tasks again, even those
   * they lost; returns whether there was any. Called only while nothing runs, so no task can
   * start twice on one member at once.
   */
  private boolean forgiveLiveMembers() {
    Set<UUID> live = new HashSet<>();
    for (Member m : hazelcast.getCluster().getMembers()) {
      if (!m.isLiteMember() && lost.contains(m.getUuid())) {
        live.add(m.getUuid());
      }
    }
    lost.removeAll(live);
    for (ClusterTask task : queue) {
      triedOn(task).removeAll(live);
    }
    return !live.isEmpty();
  }

  /** Whether {@code member} holds an attempt past the task timeout: it may be hung. */
  private boolean suspected(Member member) {
    return running.values().stream()
        .anyMatch(a -> a.overdue && a.member.getUuid().equals(member.getUuid()));
  }

  private Set<UUID> triedOn(ClusterTask task) {
    return triedOn.computeIfAbsent(task.task().index(), i -> new HashSet<>());
  }

  private void submit(ClusterTask task, Member member) {
    long id = attempts++;
    triedOn(task).add(member.getUuid());
    running.put(id, new Attempt(task, member));
    listener.onMemberStart(task.task().index(), "member " + member.getAddress());
    ExecutionCallback<MemberResult> callback = new ExecutionCallback<>() {
      @Override
      public void onResponse(MemberResult result) {
        outcomes.add(new Outcome(id, result, null));
      }

      @Override
      public void onFailure(Throwable t) {
        outcomes.add(new Outcome(id, null, t));
      }
    };
    try {
      executor.submitToMember(task, member, callback);
    } catch (RuntimeException e) {
      outcomes.add(new Outcome(id, null, e));
    }
  }

  /** Keeps a result, requeues a task its member lost, or notes a failed training. */
  private void record(Outcome outcome) {
    Attempt attempt = running.remove(outcome.attempt());
    if (attempt == null) {
      // A second answer for one attempt: Hazelcast's client calls onFailure twice for a
      // RejectedExecutionException. The first was recorded.
      return;
    }
    ClusterTask task = attempt.task;
    int position = positions.get(task.task().index());
    int index = task.task().index();
    if (outcome.error() == null) {
      if (results[position] == null) {
        results[position] = outcome.result();
        done++;
        queue.remove(task); // a copy queued after a timeout is not needed any more
        listener.onMemberDone(outcome.result());
      }
    } else if (MemberLoss.isLoss(outcome.error())) {
      lost.add(attempt.member.getUuid());
      requeue(task, "member " + attempt.member.getAddress() + " lost it: "
          + MemberLoss.describe(outcome.error()));
    } else if (results[position] == null && !failed.containsKey(index)) {
      failed.put(index, outcome.error());
      queue.remove(task);
    }
  }

  /**
   * Marks attempts that ran past the task timeout overdue (their members are suspected until
   * they answer) and starts their tasks again on other members.
   */
  private void expireHungAttempts() {
    long now = System.nanoTime();
    for (Attempt attempt : running.values()) {
      if (!attempt.overdue && now - attempt.started > settings.taskTimeout().toNanos()) {
        attempt.overdue = true;
        requeue(attempt.task, "member " + attempt.member.getAddress() + " has not finished it"
            + " within " + settings.taskTimeout().toSeconds() + " s (hung?)");
      }
    }
  }

  /** Queues {@code task} first unless it is done, failed, queued or running on time elsewhere. */
  private void requeue(ClusterTask task, String reason) {
    int index = task.task().index();
    boolean onTime = running.values().stream().anyMatch(a -> a.task == task && !a.overdue);
    if (results[positions.get(index)] == null && !failed.containsKey(index) && !onTime
        && !queue.contains(task)) {
      listener.onMemberRetry(index, reason);
      queue.addFirst(task);
    }
  }

  private EnsembleTrainingException giveUp(String why, Throwable cause) {
    List<MemberResult> finished = new ArrayList<>();
    for (MemberResult r : results) {
      if (r != null) {
        finished.add(r);
      }
    }
    return new EnsembleTrainingException(why + "; " + finished.size() + " of " + tasks.size()
        + " members finished and are kept in EnsembleTrainingException.finished()", cause,
        finished);
  }

  private String membership() {
    List<String> described = new ArrayList<>();
    for (Member m : hazelcast.getCluster().getMembers()) {
      described.add(m.getAddress() + (m.isLiteMember() ? " (lite)"
          : lost.contains(m.getUuid()) ? " (lost a task)" : suspected(m) ? " (suspected hung)"
          : " (" + threads(m) + " threads)"));
    }
    return "members " + described;
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
}
