package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.augment.Augmentation;
import dev.lamina.augment.AugmentedBatch;
import dev.lamina.augment.BatchAugmenter;
import dev.lamina.augment.ImageShape;
import dev.lamina.data.Dataset;
import dev.lamina.internal.TrainingStep;
import dev.lamina.internal.kernel.SoftTargetLosses;
import dev.lamina.train.Optimizer;
import dev.lamina.train.Trainer;
import dev.lamina.train.TrainingListener;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The trainer with augmentation: wiring, reproducibility, soft targets, shutdown. */
@Timeout(60)
class AugmentedTrainingTest {
  private static final ImageShape MNIST = ImageShape.of(1, 28, 28);
  private static final Dataset DATA = ReproducibilityTest.synthetic(300, 784, 3);

  private static Trainer.Builder<FashionMlpNet> trainer(int threads) {
    return FashionMlpNet.trainer().optimizer(Optimizer.adam(1e-3)).epochs(2).batchSize(32)
        .seed(5).threads(threads);
  }

  @Test
  void anAugmentationWithEverythingOffTrainsTheSameWeightsAsNone() {
    var plain = trainer(1).build().fit(DATA, DATA.head(50));
    var identity = trainer(1).augmentation(Augmentation.builder(MNIST).build()).build()
        .fit(DATA, DATA.head(50));
    assertTrue(plain.network().parameters().bitEquals(identity.network().parameters()),
        "the prefetched batches are the trainer's own batches, in the same order");
  }

  @Test
  void augmentedTrainingIsReproducibleOnAnyThreadCount() {
    Augmentation augmentation = Augmentation.builder(MNIST).horizontalFlip(0.5).rotate(0.5, 10)
        .translate(0.5, 2, 2).noise(0.3, 0.05).cutout(0.3, 8, 8, 0).mixup(0.3, 0.2).build();
    // One epoch of 10 batches: the weights depend on every augmented batch.
    var one = trainer(1).epochs(1).augmentation(augmentation).build().fit(DATA, DATA.head(50));
    var two = trainer(2).epochs(1).augmentation(augmentation).build().fit(DATA, DATA.head(50));
    assertTrue(one.network().parameters().bitEquals(two.network().parameters()));
    var plain = trainer(1).epochs(1).build().fit(DATA, DATA.head(50));
    assertFalse(plain.network().parameters().bitEquals(one.network().parameters()),
        "augmentation changed what was trained");
  }

  @Test
  void aSoftBatchIsScoredAgainstItsTargets() {
    Augmentation mixup = Augmentation.builder(MNIST).mixup(1, 0.4).build();
    BatchAugmenter augmenter = new BatchAugmenter(mixup, DATA, 16, 10);
    AugmentedBatch batch = augmenter.newBatch();
    int[] order = Dataset.permutation(DATA.size(), new SplittableRandom(1));
    augmenter.fill(batch, order, 0, 16, 1, 0, 11);
    assertTrue(batch.soft());
    FashionMlpNet probe = new FashionMlpNet(7);
    float[] out = probe.forwardTrain(batch.features(), 16, 123).clone();
    double expected = SoftTargetLosses.softmaxCrossEntropy(out, batch.targets(), 16, 10, 0, null);
    TrainingStep step = new TrainingStep(new FashionMlpNet(7), Optimizer.sgd(0.01), 16);
    step.run(batch, 123);
    assertEquals(expected, step.loss(), 1e-12 * expected, "loss of the soft batch");
  }

  @Test
  void anErrorInTrainingStopsTheProducer() {
    TrainingListener failing = new TrainingListener() {
      @Override
      public void onBatch(int epoch, int batch, int batches, double loss) {
        if (batch == 3) {
          throw new IllegalStateException("listener failed");
        }
      }
    };
    Augmentation augmentation = Augmentation.builder(MNIST).rotate(1, 10).prefetch(2).build();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> trainer(1).epochs(20).augmentation(augmentation).listener(failing).build()
            .fit(DATA, DATA.head(50)));
    assertEquals("listener failed", e.getMessage());
    assertFalse(producerAlive(), "no lamina-augment thread outlives fit");
  }

  @Test
  void anAugmentationForAnotherShapeIsRejected() {
    Augmentation wrong = Augmentation.builder(ImageShape.of(3, 32, 32)).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> trainer(1).augmentation(wrong).build().fit(DATA, DATA.head(50)));
    assertTrue(e.getMessage().contains("3×32×32 = 3072 features, but the data has 784"),
        e.getMessage());
  }

  private static boolean producerAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("lamina-augment") && t.isAlive());
  }
}
