package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.data.Dataset;
import dev.lamina.nn.StateTensor;
import dev.lamina.train.EpochStats;
import dev.lamina.train.Optimizer;
import dev.lamina.train.Trainer;
import dev.lamina.train.TrainingListener;
import dev.lamina.train.TrainingRun;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A listener may read the network it is given while it trains — evaluate it, run inference on a
 * batch of another size, copy its parameters — after every batch and every epoch, and the run
 * ends with the same bits, weights and batch normalization's running statistics, as without it:
 * a generated network with dropout and both normalizations, on two threads.
 */
class ListenerReadsNetworkTest {
  @Test
  void readingTheNetworkAfterEveryBatchChangesNoBit() {
    Dataset train = ReproducibilityTest.synthetic(200, 13, 4);
    Dataset validation = ReproducibilityTest.synthetic(45, 13, 5);
    float[] probe = validation.features();
    AtomicInteger reads = new AtomicInteger();
    TrainingListener reader = new TrainingListener() {
      TrainingRun run;

      @Override
      public void onTrainingStart(TrainingRun run) {
        this.run = run;
      }

      @Override
      public void onBatch(int epoch, int batch, int batches, double loss) {
        run.network().evaluate(validation);
        run.network().forwardInfer(probe, 7);
        run.network().parameters().snapshot();
        reads.incrementAndGet();
      }

      @Override
      public void onEpochEnd(EpochStats stats, int epochs) {
        run.network().evaluate(train);
      }
    };
    TestModels_NormalizedNet quiet = trainer().build().fit(train, validation).network();
    TestModels_NormalizedNet read = trainer().listener(reader).build().fit(train, validation)
        .network();

    assertEquals(3 * 7, reads.get(), "200 samples in batches of 32, 3 epochs");
    assertTrue(read.parameters().bitEquals(quiet.parameters()), "the same weights, bit for bit");
    assertEquals(quiet.state().size(), read.state().size());
    for (int i = 0; i < quiet.state().size(); i++) {
      StateTensor t = quiet.state().get(i);
      assertArrayEquals(t.values(), read.state().get(i).values(), t.name());
    }
  }

  private static Trainer.Builder<TestModels_NormalizedNet> trainer() {
    return TestModels_NormalizedNet.trainer().epochs(3).batchSize(32).threads(2).seed(8)
        .optimizer(Optimizer.adam(3e-3));
  }
}
