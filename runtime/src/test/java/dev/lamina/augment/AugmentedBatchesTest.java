package dev.lamina.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.data.Dataset;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The prefetching producer: the same batches as on the caller, bounded, and clean shutdown. */
@Timeout(20)
class AugmentedBatchesTest {
  private static final ImageShape SHAPE = BatchAugmenterTest.SHAPE;
  private static final Augmentation AUGMENTATION = Augmentation.builder(SHAPE)
      .horizontalFlip(0.5).rotate(0.7, 15).noise(0.5, 0.05).mixup(0.3, 0.2).prefetch(2).build();

  @Test
  void batchesAreTheSynchronousOnesWhateverTheTiming() throws Exception {
    Dataset data = BatchAugmenterTest.data(45, 3, 1);
    IntFunction<int[]> order = epoch -> BatchAugmenterTest.order(45, epoch);
    // The synchronous truth: 3 epochs of 45 samples in batches of 10 (the last of 5).
    BatchAugmenter sync = new BatchAugmenter(AUGMENTATION, data, 10, 4);
    AugmentedBatch expected = sync.newBatch();
    for (int slowConsumer = 0; slowConsumer < 2; slowConsumer++) {
      try (AugmentedBatches batches =
          AugmentedBatches.start(AUGMENTATION, data, 10, 4, 3, order, 77)) {
        for (int epoch = 1; epoch <= 3; epoch++) {
          for (int b = 0; b < 5; b++) {
            if (slowConsumer == 1) {
              Thread.sleep(3); // the producer fills the queue and waits
            }
            AugmentedBatch batch = batches.next();
            int rows = b < 4 ? 10 : 5;
            sync.fill(expected, order.apply(epoch), b * 10, rows, epoch, b, 77);
            assertEquals(epoch, batch.epoch());
            assertEquals(b, batch.index());
            assertEquals(rows, batch.rows());
            assertArrayEquals(Arrays.copyOf(expected.features(), rows * SHAPE.size()),
                Arrays.copyOf(batch.features(), rows * SHAPE.size()), "epoch " + epoch + " batch " + b);
            assertArrayEquals(Arrays.copyOf(expected.labels(), rows), Arrays.copyOf(batch.labels(), rows));
            assertEquals(expected.soft(), batch.soft());
            if (batch.soft()) {
              assertArrayEquals(Arrays.copyOf(expected.targets(), rows * 4),
                  Arrays.copyOf(batch.targets(), rows * 4));
            }
          }
        }
        IllegalStateException done = assertThrows(IllegalStateException.class, batches::next);
        assertTrue(done.getMessage().contains("all 15 augmented batches"), done.getMessage());
        awaitProducerEnd(batches);
      }
    }
  }

  @Test
  void aResumedRunGetsTheBatchesOfTheWholeRun() {
    Dataset data = BatchAugmenterTest.data(30, 3, 6);
    IntFunction<int[]> order = epoch -> BatchAugmenterTest.order(30, epoch);
    try (AugmentedBatches whole = AugmentedBatches.start(AUGMENTATION, data, 8, 3, 3, order, 9);
        AugmentedBatches resumed =
            AugmentedBatches.resume(AUGMENTATION, data, 8, 3, 3, 3, order, 9)) {
      for (int b = 0; b < 8; b++) {
        whole.next(); // epochs 1 and 2: 4 batches each
      }
      for (int b = 0; b < 4; b++) {
        AugmentedBatch expected = whole.next();
        AugmentedBatch actual = resumed.next();
        assertEquals(3, actual.epoch());
        assertArrayEquals(expected.features(), actual.features(), "epoch 3 batch " + b);
        assertArrayEquals(expected.labels(), actual.labels());
      }
      assertThrows(IllegalStateException.class, resumed::next);
    }
  }

  @Test
  void theProducerRunsAtMostThePrefetchAhead() throws Exception {
    Dataset data = BatchAugmenterTest.data(100, 3, 2);
    AtomicInteger epochsStarted = new AtomicInteger();
    try (AugmentedBatches batches = AugmentedBatches.start(AUGMENTATION, data, 1, 3, 5,
        epoch -> {
          epochsStarted.incrementAndGet();
          return BatchAugmenterTest.order(100, epoch);
        }, 1)) {
      batches.next();
      Thread.sleep(200);
      // 500 batches to make; with 2 prefetched and 1 in hand the producer waits after 3–4.
      assertEquals(1, epochsStarted.get(), "the producer stays in the first epoch");
      assertEquals(Thread.State.WAITING, producerState(batches));
    }
  }

  @Test
  void closeStopsTheProducerEarly() {
    Dataset data = BatchAugmenterTest.data(100, 3, 3);
    AugmentedBatches batches = AugmentedBatches.start(AUGMENTATION, data, 4, 3, 50,
        epoch -> BatchAugmenterTest.order(100, epoch), 1);
    batches.next();
    batches.next();
    batches.close();
    assertTrue(batches.producerDone(), "the producer thread has ended when close returns");
    batches.close(); // idempotent
    IllegalStateException e = assertThrows(IllegalStateException.class, batches::next);
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
  }

  @Test
  void aFailureOnTheProducerReachesTheConsumerAfterTheGoodBatches() throws Exception {
    Dataset data = BatchAugmenterTest.data(20, 3, 4);
    RuntimeException boom = new RuntimeException("no order for epoch 2");
    try (AugmentedBatches batches = AugmentedBatches.start(AUGMENTATION, data, 10, 3, 3,
        epoch -> {
          if (epoch == 2) {
            throw boom;
          }
          return BatchAugmenterTest.order(20, epoch);
        }, 1)) {
      assertEquals(1, batches.next().epoch());
      assertEquals(1, batches.next().epoch());
      IllegalStateException e = assertThrows(IllegalStateException.class, batches::next);
      assertSame(boom, e.getCause());
      assertTrue(e.getMessage().contains("augmentation failed"), e.getMessage());
      assertThrows(IllegalStateException.class, batches::next, "it keeps failing");
      awaitProducerEnd(batches);
    }
  }

  @Test
  void aWrongOrderIsReportedWithItsSize() {
    Dataset data = BatchAugmenterTest.data(20, 3, 5);
    try (AugmentedBatches batches = AugmentedBatches.start(AUGMENTATION, data, 10, 3, 1,
        epoch -> new int[7], 1)) {
      IllegalStateException e = assertThrows(IllegalStateException.class, batches::next);
      assertTrue(e.getCause().getMessage().contains("order(1) must hold 20 sample indices, got 7"),
          e.getCause().getMessage());
    }
  }

  private static void awaitProducerEnd(AugmentedBatches batches) throws InterruptedException {
    for (int i = 0; i < 1000 && !batches.producerDone(); i++) {
      Thread.sleep(5);
    }
    assertTrue(batches.producerDone(), "the producer thread ends on its own");
  }

  private static Thread.State producerState(AugmentedBatches batches) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("lamina-augment") && t.isAlive())
        .map(Thread::getState).findFirst().orElseThrow();
  }
}
