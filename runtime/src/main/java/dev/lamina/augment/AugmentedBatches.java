package dev.lamina.augment;

import dev.lamina.data.Dataset;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.IntFunction;

/**
 * Augmented mini-batches for a whole training run, prepared ahead on a thread of their own so
 * the training step never waits for them. The producer fills at most {@link
 * Augmentation#prefetch()} batches ahead (a bounded queue of reused buffers) and stops when the
 * run is done, when it fails (the consumer gets the failure from {@link #next()}), or when it is
 * {@link #close() closed} (early stop, or an error in training).
 *
 * <p>Batch {@code b} of epoch {@code e} holds samples {@code order(e)[b·batchSize ..]}, each
 * augmented from (seed, e, its position), whatever the threads' timing: the batches are the
 * ones a {@link BatchAugmenter} fills on the caller's thread, bit for bit.
 *
 * <pre>{@code
 * try (AugmentedBatches batches = AugmentedBatches.start(augmentation, train, 128, classes,
 *     epochs, epoch -> order(epoch), seed)) {
 *   AugmentedBatch batch = batches.next();   // valid until the next call
 *   ...
 * }
 * }</pre>
 */
public final class AugmentedBatches implements AutoCloseable {
  /** Put in the ready queue when the producer fails: the consumer then reports its failure. */
  private static final AugmentedBatch FAILED = new AugmentedBatch(1, 1, 1, false);

  private final BlockingQueue<AugmentedBatch> free;
  private final BlockingQueue<AugmentedBatch> ready;
  private final Thread producer;
  private final long total;
  private volatile Throwable failure;
  private volatile long producerCpuNanos;
  private AugmentedBatch current;
  private long taken;
  private long waitedNanos;
  private boolean closed;

  private AugmentedBatches(BatchAugmenter augmenter, int buffers, int size, int batchSize,
      int firstEpoch, int lastEpoch, IntFunction<int[]> order, long seed) {
    int batches = (size + batchSize - 1) / batchSize;
    this.total = (long) batches * (lastEpoch - firstEpoch + 1);
    this.free = new ArrayBlockingQueue<>(buffers);
    this.ready = new ArrayBlockingQueue<>(buffers + 1);
    for (int i = 0; i < buffers; i++) {
      free.add(augmenter.newBatch());
    }
    this.producer = new Thread(
        () -> produce(augmenter, size, batchSize, batches, firstEpoch, lastEpoch, order, seed),
        "lamina-augment");
    producer.setDaemon(true);
  }

  /**
   * Starts preparing the batches of {@code epochs} epochs of {@code data} in batches of {@code
   * batchSize} (the last of an epoch may be smaller), with targets {@code classes} wide, in the
   * sample order {@code order.apply(epoch)} gives (epochs from 1; called on the producer thread).
   *
   * @param augmentation what to do to each sample
   * @param data the training data
   * @param batchSize samples per batch, > 0
   * @param classes the width of a target row (the network's outputs)
   * @param epochs the number of epochs to prepare, > 0
   * @param order gives an epoch's sample order, a permutation of the data's indices
   * @param seed the augmentation seed
   * @return the running producer; close it when done
   */
  public static AugmentedBatches start(Augmentation augmentation, Dataset data, int batchSize,
      int classes, int epochs, IntFunction<int[]> order, long seed) {
    return resume(augmentation, data, batchSize, classes, 1, epochs, order, seed);
  }

  /**
   * Like {@link #start}, for a run resumed at the start of epoch {@code firstEpoch}: the batches
   * of epochs {@code firstEpoch .. epochs}, identical to those the whole run would have had.
   *
   * @param augmentation what to do to each sample
   * @param data the training data
   * @param batchSize samples per batch, > 0
   * @param classes the width of a target row (the network's outputs)
   * @param firstEpoch the epoch to start at, from 1
   * @param epochs the run's last epoch
   * @param order gives an epoch's sample order, a permutation of the data's indices
   * @param seed the augmentation seed
   * @return the running producer; close it when done
   */
  public static AugmentedBatches resume(Augmentation augmentation, Dataset data, int batchSize,
      int classes, int firstEpoch, int epochs, IntFunction<int[]> order, long seed) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be > 0, got " + batchSize);
    }
    if (epochs <= 0) {
      throw new IllegalArgumentException("epochs must be > 0, got " + epochs);
    }
    if (firstEpoch <= 0 || firstEpoch > epochs) {
      throw new IllegalArgumentException("firstEpoch must be in [1, epochs = " + epochs + "], got "
          + firstEpoch);
    }
    if (data.size() == 0) {
      throw new IllegalArgumentException("data must not be empty");
    }
    int rows = Math.min(batchSize, data.size());
    BatchAugmenter augmenter = new BatchAugmenter(augmentation, data, rows, classes);
    // One buffer more than the queue holds: the consumer reads one while the producer fills ahead.
    AugmentedBatches batches = new AugmentedBatches(augmenter, augmentation.prefetch() + 1,
        data.size(), rows, firstEpoch, epochs, order, seed);
    batches.producer.start();
    return batches;
  }

  /**
   * The next batch, waiting for it if the producer is behind. The batch before it goes back to
   * the producer, so read each batch before calling again.
   *
   * @return the batch, valid until the next call
   * @throws IllegalStateException if augmentation failed (the cause is its exception), if every
   *     batch of the run was taken, or if this was closed
   */
  public AugmentedBatch next() {
    if (closed) {
      throw new IllegalStateException("these augmented batches are closed");
    }
    if (current != null) {
      free.add(current); // never full: it has room for every buffer
      current = null;
    }
    if (taken == total) {
      throw new IllegalStateException("all " + total + " augmented batches of the run were taken");
    }
    long start = System.nanoTime();
    AugmentedBatch batch;
    try {
      batch = ready.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for an augmented batch", e);
    }
    waitedNanos += System.nanoTime() - start;
    if (batch == FAILED) {
      ready.add(FAILED); // any later call fails the same way
      throw new IllegalStateException(
          "augmentation failed on its thread: " + failure, failure);
    }
    taken++;
    current = batch;
    return batch;
  }

  /**
   * Nanoseconds {@link #next()} spent waiting for the producer: 0 when it keeps ahead.
   *
   * @return the time waited, in nanoseconds
   */
  public long waitedNanos() {
    return waitedNanos;
  }

  /**
   * CPU time the producer thread has spent so far, in nanoseconds (updated after each batch; 0
   * where the JVM cannot measure thread CPU time): the cost of augmentation, apart from
   * training's.
   *
   * @return the CPU time, in nanoseconds
   */
  public long producerCpuNanos() {
    return producerCpuNanos;
  }

  /**
   * Whether the producer thread has ended (the run is prepared, it failed, or it was closed).
   *
   * @return true once the producer has stopped
   */
  public boolean producerDone() {
    return !producer.isAlive();
  }

  /** Stops the producer and waits for its thread to end. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    producer.interrupt();
    boolean interrupted = false;
    while (producer.isAlive()) {
      try {
        producer.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void produce(BatchAugmenter augmenter, int size, int batchSize, int batches,
      int firstEpoch, int lastEpoch, IntFunction<int[]> order, long seed) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean timed = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
    try {
      Warmup.kernels(augmenter.augmentation());
      for (int epoch = firstEpoch; epoch <= lastEpoch; epoch++) {
        int[] samples = order.apply(epoch);
        if (samples.length != size) {
          throw new IllegalArgumentException("order(" + epoch + ") must hold " + size
              + " sample indices, got " + samples.length);
        }
        for (int b = 0; b < batches; b++) {
          AugmentedBatch batch = free.take();
          int first = b * batchSize;
          augmenter.fill(batch, samples, first, Math.min(batchSize, size - first), epoch, b, seed);
          if (timed) {
            producerCpuNanos = threads.getCurrentThreadCpuTime();
          }
          ready.put(batch);
        }
      }
    } catch (InterruptedException e) {
      // closed: end quietly
    } catch (RuntimeException | Error e) {
      failure = e;
      ready.add(FAILED);
    }
  }
}
