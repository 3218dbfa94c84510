package dev.lamina.internal.parallel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of threads that runs one {@link Task} at a time, every member on its own part, with
 * a barrier to separate phases. It allocates nothing per task: the training step runs through it
 * many thousand times a second. The calling thread is part 0. A waiting thread spins for a few
 * microseconds, since parts and tasks follow each other that closely, then yields its processor
 * at every check, so that a team sharing a processor (more threads than free cores) still moves
 * on; an idle member parks after half a millisecond.
 *
 * <p>A team of one runs tasks on the caller with no synchronization at all.
 */
public final class Team implements AutoCloseable {
  /** About 5 µs of {@link Thread#onSpinWait} before a waiting thread starts yielding. */
  private static final int SPINS_BEFORE_YIELD = 200;
  private static final long IDLE_NANOS_BEFORE_PARK = 500_000;

  /** Work split into {@code parts} pieces; the same part numbers always get the same work. */
  @FunctionalInterface
  public interface Task {
    void run(int part, int parts);
  }

  private final int size;
  private final Thread[] members;
  private final AtomicInteger arrived = new AtomicInteger();
  private final AtomicInteger finished = new AtomicInteger();
  /** Members parked, or about to park, for want of a task. */
  private final AtomicInteger parked = new AtomicInteger();
  /** How many times a member has come back from parking: what {@link #wake} can be seen by. */
  private final AtomicInteger returnsFromPark = new AtomicInteger();
  private volatile int barrierGeneration;
  private volatile int taskGeneration;
  private volatile Task task;
  private volatile boolean closed;
  private volatile Throwable failure;

  public Team(int size) {
    if (size <= 0) {
      throw new IllegalArgumentException("size must be > 0, got " + size);
    }
    this.size = size;
    this.members = new Thread[size - 1];
    for (int i = 1; i < size; i++) {
      int part = i;
      Thread t = new Thread(() -> memberLoop(part), "lamina-team-" + part);
      t.setDaemon(true);
      members[i - 1] = t;
      t.start();
    }
  }

  /** The number of threads, the caller included. */
  public int size() {
    return size;
  }

  /** Runs {@code task} on every member and returns when all parts are done. */
  public void run(Task task) {
    if (size == 1) {
      task.run(0, 1);
      return;
    }
    if (closed) {
      throw new IllegalStateException("this team is closed");
    }
    this.task = task;
    finished.set(0);
    taskGeneration++;
    wake();
    try {
      task.run(0, size);
    } catch (RuntimeException | Error e) {
      failure = e;
    }
    awaitCounter(finished, size - 1);
    this.task = null;
    Throwable f = failure;
    if (f != null) {
      failure = null;
      if (f instanceof RuntimeException re) {
        throw re;
      }
      throw (Error) f;
    }
  }

  /**
   * Whether every member is spinning, ready to start a task within a microsecond. A parked one
   * takes as long as the operating system does to wake it (over a millisecond on some virtual
   * machines), which a task of a few microseconds should not wait for.
   */
  public boolean awake() {
    return parked.get() == 0;
  }

  /** Wakes parked members, which then spin a while before parking again; returns at once. */
  public void wake() {
    for (Thread t : members) {
      LockSupport.unpark(t);
    }
  }

  /** How many times a member has come back from parking; for tests. */
  int returnsFromPark() {
    return returnsFromPark.get();
  }

  /** Waits until every part of the running task has reached this call. */
  public void barrier() {
    if (size == 1) {
      return;
    }
    int generation = barrierGeneration;
    if (arrived.incrementAndGet() == size) {
      arrived.set(0);
      barrierGeneration = generation + 1;
      return;
    }
    for (int spins = 0; barrierGeneration == generation; spins++) {
      pause(spins);
    }
  }

  /**
   * One check's wait: a spin at first, then a yield, which costs half a microsecond when the
   * processor has nothing else to run and lets a thread that shares it reach the barrier. Spinning
   * on there (for 0.5 ms, as before) made two threads on one processor 20 times slower than one.
   */
  private static void pause(int spins) {
    if (spins < SPINS_BEFORE_YIELD) {
      Thread.onSpinWait();
    } else {
      Thread.yield();
    }
  }

  /** The first index of {@code part}'s share of {@code n} items; part {@code parts} gives n. */
  public static int split(int n, int part, int parts) {
    return (int) ((long) n * part / parts);
  }

  private void memberLoop(int part) {
    int seen = 0;
    while (true) {
      int spins = 0;
      long idleSince = System.nanoTime();
      while (taskGeneration == seen && !closed) {
        if (spins >= SPINS_BEFORE_YIELD
            && System.nanoTime() - idleSince > IDLE_NANOS_BEFORE_PARK) {
          parked.incrementAndGet();
          LockSupport.park(this);
          parked.decrementAndGet();
          returnsFromPark.incrementAndGet();
          spins = 0; // woken: spin again, as after a task
          idleSince = System.nanoTime();
        } else {
          pause(spins++);
        }
      }
      if (closed) {
        return;
      }
      seen = taskGeneration;
      try {
        task.run(part, size);
      } catch (RuntimeException | Error e) {
        failure = e;
      }
      finished.incrementAndGet();
    }
  }

  private static void awaitCounter(AtomicInteger counter, int target) {
    for (int spins = 0; counter.get() < target; spins++) {
      pause(spins);
    }
  }

  @Override
  public void close() {
    closed = true;
    wake();
  }
}
