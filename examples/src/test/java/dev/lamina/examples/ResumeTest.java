package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.data.Dataset;
import dev.lamina.nn.Network;
import dev.lamina.nn.StateTensor;
import dev.lamina.train.Checkpoints;
import dev.lamina.train.EarlyStopping;
import dev.lamina.train.Metric;
import dev.lamina.train.Optimizer;
import dev.lamina.train.Trainer;
import dev.lamina.train.TrainingResult;
import dev.lamina.train.WeightDecay;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated networks resumed from a checkpoint end bit-identical to runs that never stopped, on
 * another number of threads too: dropout masks, augmented batches, batch-norm statistics and
 * optimizer state all carry over.
 */
class ResumeTest {
  @TempDir Path dir;

  @Test
  void fashionMlpWithAdamAndDropout() throws Exception {
    Dataset data = ReproducibilityTest.synthetic(200, 784, 3);
    check(FashionMlpNet.trainer().optimizer(Optimizer.adam(1e-3)).batchSize(50).seed(5),
        data, data.head(40), 3, 1);
  }

  @Test
  void fashionMlpWithAugmentation() throws Exception {
    Dataset data = ReproducibilityTest.synthetic(200, 784, 7);
    check(FashionMlpNet.trainer().optimizer(Optimizer.adam(1e-3)).batchSize(50).seed(8)
        .augmentation(FashionAugmentation.preset()), data, data.head(40), 3, 2);
  }

  @Test
  void batchNormalizedWithMomentumDecayAndEarlyStopping() throws Exception {
    Dataset data = ReproducibilityTest.synthetic(300, 13, 4);
    check(TestModels_NormalizedNet.trainer().optimizer(Optimizer.sgd(0.05).momentum(0.9))
            .weightDecay(WeightDecay.l2(1e-4)).batchSize(32).seed(6)
            .earlyStopping(EarlyStopping.on(Metric.VALIDATION_LOSS).patience(10)),
        data.head(240), data.select(java.util.stream.IntStream.range(240, 300).toArray()), 4, 2);
  }

  private <N extends Network> void check(Trainer.Builder<N> settings, Dataset train,
      Dataset validation, int epochs, int at) throws Exception {
    TrainingResult<N> whole = settings.epochs(epochs).threads(1).build().fit(train, validation);
    Path checkpoints = dir.resolve("run");
    settings.epochs(at).threads(1).checkpoints(Checkpoints.to(checkpoints)).build()
        .fit(train, validation);
    Path checkpoint = Checkpoints.latest(checkpoints).orElseThrow();
    TrainingResult<N> resumed = settings.epochs(epochs).threads(2).checkpoints(null).build()
        .resume(checkpoint, train, validation);

    assertTrue(whole.network().parameters().bitEquals(resumed.network().parameters()),
        "parameters after resuming from epoch " + at + " of " + epochs);
    for (int i = 0; i < whole.network().state().size(); i++) {
      StateTensor s = whole.network().state().get(i);
      assertArrayEquals(s.values(), resumed.network().state().get(i).values(), s.name());
    }
    assertEquals(whole.history().end(), resumed.history().end());
    assertEquals(whole.history().last().validationLoss(), resumed.history().last().validationLoss());
  }
}
