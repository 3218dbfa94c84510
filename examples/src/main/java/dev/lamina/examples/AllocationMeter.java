package dev.lamina.examples;

import com.sun.management.ThreadMXBean;
import dev.lamina.data.Dataset;
import dev.lamina.internal.TrainingStep;
import java.lang.management.ManagementFactory;

/** The benchmarks' allocation figure: bytes a steady-state training step allocates. */
final class AllocationMeter {
  private static final int ROUNDS = 3;

  private AllocationMeter() {}

  /**
   * Bytes per step over {@code steps} steps, on the calling thread and every Lamina team thread,
   * after {@code warmUp} steps (until C2 has compiled the step, the interpreter and C1 box
   * vectors): the least of three rounds, since a compilation finishing late allocates once.
   * What reading the counters itself allocates is measured and taken off.
   */
  static long bytesPerStep(TrainingStep step, Dataset data, int[] order, int batch, int warmUp,
      int steps) {
    int samples = order.length;
    for (int s = 0; s < warmUp; s++) {
      step.run(data, order, (s * batch) % (samples - batch), batch, s);
    }
    long[] ids = stepThreadIds();
    ThreadMXBean bean = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = allocated(bean, ids);
    long reading = allocated(bean, ids) - before;
    long least = Long.MAX_VALUE;
    for (int round = 0, s = warmUp; round < ROUNDS; round++) {
      before = allocated(bean, ids);
      for (int end = s + steps; s < end; s++) {
        step.run(data, order, (s * batch) % (samples - batch), batch, s);
      }
      least = Math.min(least, Math.max(0, allocated(bean, ids) - before - reading) / steps);
    }
    return least;
  }

  /** The threads a training step runs on: the calling thread and every Lamina team thread. */
  static long[] stepThreadIds() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t == Thread.currentThread() || t.getName().startsWith("lamina-team"))
        .mapToLong(Thread::threadId).toArray();
  }

  private static long allocated(ThreadMXBean bean, long[] ids) {
    long total = 0;
    for (long bytes : bean.getThreadAllocatedBytes(ids)) {
      total += bytes;
    }
    return total;
  }
}
