package dev.lamina.ensemble;

import dev.lamina.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Trains members on a pool of {@code threads} threads in this JVM, each member's network on one
 * of them: no server, nothing to start. When one member fails, the others stop at their next
 * batch and the failure is thrown.
 */
final class InProcessMembers implements MemberExecutor {
  private final Dataset train;
  private final Dataset validation;
  private final int threads;

  /**
   * @param validation may be null when members bootstrap (they evaluate out of bag)
   * @param threads members trained at once; {@code Runtime.availableProcessors()} fills the machine
   */
  public InProcessMembers(Dataset train, Dataset validation, int threads) {
    this.train = Objects.requireNonNull(train, "train");
    this.validation = validation;
    if (threads <= 0) {
      throw new IllegalArgumentException("threads must be > 0, got " + threads);
    }
    this.threads = threads;
  }

  @Override
  public List<MemberResult> train(ModelRef<?> model, List<MemberTask> tasks,
      EnsembleListener listener) throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(
        Math.max(1, Math.min(threads, tasks.size())), namedThreads());
    try {
      List<Future<MemberResult>> futures = new ArrayList<>();
      for (MemberTask task : tasks) {
        futures.add(pool.submit(() -> {
          MemberResult result = MemberTraining.train(task, model, train, validation, listener,
              stop::get, "thread " + Thread.currentThread().getName());
          listener.onMemberDone(result);
          return result;
        }));
      }
      List<MemberResult> results = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        try {
          results.add(futures.get(i).get());
        } catch (ExecutionException e) {
          stop.set(true);
          Throwable cause = e.getCause();
          if (cause instanceof Error error) {
            throw error;
          }
          if (cause instanceof IllegalArgumentException bad) {
            throw bad;
          }
          List<MemberResult> finished = futures.stream() // kept: they cost training time
              .filter(f -> f.state() == Future.State.SUCCESS).map(Future::resultNow).toList();
          throw new EnsembleTrainingException("member " + tasks.get(i).index() + " failed: "
              + cause + "; " + finished.size() + " members finished and are kept in"
              + " EnsembleTrainingException.finished()", cause, finished);
        } catch (CancellationException e) {
          throw new EnsembleTrainingException("member " + tasks.get(i).index() + " was cancelled", e);
        }
      }
      return results;
    } finally {
      stop.set(true);
      pool.shutdownNow();
    }
  }

  private static ThreadFactory namedThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "lamina-bagging-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
