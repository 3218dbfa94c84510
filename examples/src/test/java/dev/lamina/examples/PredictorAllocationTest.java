package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lamina.nn.Network;
import dev.lamina.nn.Predictor;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * Once the JIT has compiled it, a single-sample prediction (class, values, probabilities into the
 * caller's arrays) allocates nothing on the calling thread: a server's hot path makes no garbage.
 */
class PredictorAllocationTest {
  private static final int CALLS = 300;
  /** How long to wait for C2, which compiles one method at a time on a loaded machine. */
  private static final long WARM_UP_NANOS = 60_000_000_000L;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  @Test
  void fashionMlpPredictionsAllocateNothing() {
    assertAllocatesNothing(new FashionMlpNet(1), FashionMlpNet::new);
  }

  @Test
  void fashionCnnPredictionsAllocateNothing() {
    assertAllocatesNothing(new FashionCnnNet(1), FashionCnnNet::new);
  }

  private static <N extends Network> void assertAllocatesNothing(N trained,
      LongFunction<N> factory) {
    assumeTrue(THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled(),
        "this JVM does not measure allocation per thread");
    Predictor predictor = Predictor.of(trained, factory);
    float[] sample = new float[predictor.inputSize()];
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < sample.length; i++) {
      sample[i] = (float) random.nextDouble();
    }
    float[] into = new float[predictor.outputSize()];
    long bytes = -1;
    long calls = 0;
    int sink = 0;
    long deadline = System.nanoTime() + WARM_UP_NANOS;
    while (bytes != 0 && System.nanoTime() - deadline < 0) {
      long before = THREADS.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < CALLS; i++, calls++) {
        sink += predictor.classOf(sample);
        predictor.values(sample, into);
        predictor.probabilities(sample, into);
      }
      bytes = THREADS.getCurrentThreadAllocatedBytes() - before;
    }
    if (bytes != 0) {
      fail(String.format("%s: a single-sample prediction allocates %.1f bytes per round of three "
          + "calls after %d rounds (sink %d)", trained.spec().name(), (double) bytes / CALLS, calls,
          sink));
    }
  }
}
