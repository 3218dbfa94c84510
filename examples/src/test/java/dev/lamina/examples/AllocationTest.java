package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lamina.data.Dataset;
import dev.lamina.internal.TrainingStep;
import dev.lamina.nn.Network;
import dev.lamina.train.Optimizer;
import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * Once the JIT has compiled it, a training step (gather the batch, forward, loss, backward, Adam)
 * allocates nothing on the calling thread. Any allocation means a vector became a heap object (a
 * call that takes or returns a vector and was not inlined) or a kernel allocates scratch per call:
 * both cost far more than the bytes.
 */
class AllocationTest {
  /** Steps per measurement. */
  private static final int STEPS = 200;
  /**
   * How long to wait for the JIT before giving up on reaching zero: C2 compiles one method at a
   * time, and on a loaded machine its queue takes seconds to drain. Bounded, so the test cannot
   * hang; a step that still allocates fails after this long.
   */
  private static final long WARM_UP_NANOS = 60_000_000_000L;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  @Test
  void fashionMlpTrainingStepAllocatesNothing() {
    assertStepAllocatesNothing(FashionMlpNet::new, 32);
  }

  @Test
  void smoothTrainingStepAllocatesNothing() {
    // tanh, sigmoid, leaky ReLU, dropout on the input, inverted and classic dropout, widths that
    // are not multiples of the vector length.
    assertStepAllocatesNothing(TestModels_SmoothNet::new, 64);
  }

  @Test
  void noisyTrainingStepAllocatesNothing() {
    // Gaussian noise on the input (then dropout) and after hidden layers, with and without dropout.
    assertStepAllocatesNothing(NoisyModels_NoisyNet::new, 64);
  }

  @Test
  void noisyNormalizedTrainingStepAllocatesNothing() {
    // Gaussian noise after batch norm, after layer norm (then dropout) and on the input alone.
    assertStepAllocatesNothing(NoisyModels_NoisyNormalizedNet::new, 64);
  }

  @Test
  void noisyImageTrainingStepAllocatesNothing() {
    // Gaussian noise after a convolution's layer norm and after max pooling.
    assertStepAllocatesNothing(ConvTestModels_ImageNoiseNet::new, 16);
  }

  @Test
  void imageMixTrainingStepAllocatesNothing() {
    // tanh before a group norm and a sigmoid before an instance norm: the convolutional writers'
    // activations go through the array, as the dense ones do.
    assertStepAllocatesNothing(ConvTestModels_ImageMixNet::new, 8);
  }

  @Test
  void graphTrainingStepsAllocateNothing() {
    // Sums (one with dropout), a concatenation of images and one of flat layers, and layers read
    // by two or three others, whose gradients meet through the scratch buffer.
    assertStepAllocatesNothing(GraphTestModels_ResidualNet::new, 16);
    assertStepAllocatesNothing(GraphTestModels_DenseBranchesNet::new, 32);
  }

  /**
   * Runs rounds of {@link #STEPS} steps until one allocates nothing, for at most {@link
   * #WARM_UP_NANOS}: until C2 has compiled every method of the step, some run interpreted or in C1
   * code, which allocates for every vector operation.
   */
  private static void assertStepAllocatesNothing(LongFunction<Network> factory, int rows) {
    assumeTrue(THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled(),
        "this JVM does not measure allocation per thread");
    Network net = factory.apply(1);
    int batches = 8;
    Dataset data = ReproducibilityTest.synthetic(rows * batches, net.inputSize(), 4);
    int[] order = new int[data.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    TrainingStep step = new TrainingStep(net, Optimizer.adam(1e-4), rows);
    Deque<String> recent = new ArrayDeque<>();
    long steps = 0;
    long bytes = -1;
    long deadline = System.nanoTime() + WARM_UP_NANOS;
    while (bytes != 0 && System.nanoTime() - deadline < 0) {
      long before = THREADS.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < STEPS; i++, steps++) {
        step.run(data, order, (int) (steps % batches) * rows, rows, steps);
      }
      bytes = THREADS.getCurrentThreadAllocatedBytes() - before;
      if (recent.size() == 20) {
        recent.removeFirst();
      }
      recent.addLast(String.format("%.1f", (double) bytes / STEPS));
    }
    if (bytes != 0) {
      fail(String.format("%s: a training step of %d rows allocates %.1f bytes per step on the calling"
          + " thread after %d steps (bytes per step in the last rounds of %d steps: %s)",
          net.spec().name(), rows, (double) bytes / STEPS, steps, STEPS, recent));
    }
  }
}
