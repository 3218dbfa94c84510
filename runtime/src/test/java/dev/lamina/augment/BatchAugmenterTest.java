package dev.lamina.augment;

import static dev.lamina.testing.NumericAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.data.Dataset;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Batches: rows augmented from (seed, epoch, position); mixup's blends and soft targets. */
class BatchAugmenterTest {
  static final ImageShape SHAPE = ImageShape.of(1, 6, 5);

  @Test
  void rowsAreTheSamplesAugmentedFromTheirPosition() {
    Dataset data = data(40, 4, 1);
    Augmentation augmentation = Augmentation.builder(SHAPE).rotate(1, 20).noise(0.5, 0.1).build();
    BatchAugmenter batches = new BatchAugmenter(augmentation, data, 8, 4);
    AugmentedBatch batch = batches.newBatch();
    int[] order = order(40, 2);
    batches.fill(batch, order, 16, 8, 3, 2, 99);
    Augmenter single = new Augmenter(augmentation);
    float[] sample = new float[SHAPE.size()];
    float[] expected = new float[SHAPE.size()];
    for (int r = 0; r < 8; r++) {
      data.copyFeatures(order[16 + r], sample, 0);
      single.apply(expected, 0, sample, 0, Augmentation.sampleSeed(99, 3, 16 + r));
      assertArrayEquals(expected,
          Arrays.copyOfRange(batch.features(), r * SHAPE.size(), (r + 1) * SHAPE.size()));
      assertEquals(data.label(order[16 + r]), batch.labels()[r]);
    }
    assertEquals(8, batch.rows());
    assertEquals(3, batch.epoch());
    assertEquals(2, batch.index());
    assertFalse(batch.soft());
    assertThrows(IllegalStateException.class, batch::targets);
  }

  @Test
  void mixupBlendsRowsAndTheirLabels() {
    Dataset data = data(64, 5, 3);
    Augmentation augmentation = Augmentation.builder(SHAPE).mixup(0.5, 0.4).build();
    BatchAugmenter batches = new BatchAugmenter(augmentation, data, 32, 7);
    AugmentedBatch batch = batches.newBatch();
    int[] order = order(64, 4);
    batches.fill(batch, order, 0, 32, 1, 0, 5);
    assertTrue(batch.soft());
    int size = SHAPE.size();
    int blended = 0;
    for (int r = 0; r < 32; r++) {
      float[] own = features(data, order[r]);
      float[] row = Arrays.copyOfRange(batch.features(), r * size, (r + 1) * size);
      float[] target = Arrays.copyOfRange(batch.targets(), r * 7, (r + 1) * 7);
      double total = 0;
      for (float t : target) {
        total += t;
        assertTrue(t >= 0, "targets are probabilities");
      }
      assertClose("targets of row " + r + " sum to 1", 1, total, 1e-6, 0);
      assertEquals(data.label(order[r]), batch.labels()[r]);
      if (Arrays.equals(own, row)) {
        assertEquals(1f, target[batch.labels()[r]], "an unblended row has a one-hot target");
        continue;
      }
      blended++;
      // row = λ·own + (1 − λ)·partner for one partner in the batch, λ ≥ 1/2 on the own class.
      float lambda = target[batch.labels()[r]];
      boolean found = false;
      for (int p = 0; p < 32 && !found; p++) {
        float[] partner = features(data, order[p]);
        float[] mix = new float[size];
        Pixels.blend(mix, 0, own, 0, partner, 0, size, lambda);
        found = data.label(order[p]) != batch.labels()[r] && Arrays.equals(mix, row);
      }
      if (!found) {
        // Partner of the same class: the own-class target is then 1, λ is not visible in it.
        assertEquals(1f, lambda, "row " + r + " is a blend with a partner of its own class");
      } else {
        assertTrue(lambda >= 0.5f, "λ = " + lambda + " must be ≥ 1/2");
      }
    }
    // Binomial(32, 0.5) (a few rows pick themselves as partner and stay whole).
    assertTrue(blended >= 6 && blended <= 26, blended + " of 32 rows blended");
  }

  @Test
  void mixupShareFollowsBetaOfAlpha() {
    // λ ~ Beta(α, α) folded to [1/2, 1]: for α = 1 (uniform) its mean is 3/4.
    SampleRandom random = new SampleRandom();
    double sum = 0;
    double squares = 0;
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      double x = random.reset(i).symmetricBeta(1);
      sum += Math.max(x, 1 - x);
      double y = random.reset(n + i).symmetricBeta(0.2);
      squares += (y - 0.5) * (y - 0.5);
    }
    assertClose("E[max(λ, 1 − λ)], α = 1", 0.75, sum / n, 4e-3, 0);
    // Var Beta(a, a) = 1 / (4(2a + 1)): 0.1786 for a = 0.2.
    assertClose("Var λ, α = 0.2", 1 / (4 * 1.4), squares / n, 4e-3, 0);
  }

  @Test
  void sameArgumentsSameBits() {
    Dataset data = data(30, 3, 6);
    Augmentation augmentation = Augmentation.builder(SHAPE).translate(1, 1.5, 1.5)
        .mixup(0.5, 0.2).cutout(0.5, 2, 2, 0).build();
    int[] order = order(30, 7);
    AugmentedBatch a = fill(augmentation, data, order, 12);
    AugmentedBatch b = fill(augmentation, data, order, 12);
    assertArrayEquals(a.features(), b.features());
    assertArrayEquals(a.targets(), b.targets());
    assertFalse(Arrays.equals(a.features(), fill(augmentation, data, order, 13).features()));
  }

  @Test
  void rejectsDataOfAnotherShape() {
    Dataset data = data(4, 2, 1);
    Augmentation wrong = Augmentation.builder(ImageShape.of(1, 28, 28)).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new BatchAugmenter(wrong, data, 4, 2));
    assertTrue(e.getMessage().contains("1×28×28 = 784 features, but the data has 30"),
        e.getMessage());
  }

  private static AugmentedBatch fill(Augmentation augmentation, Dataset data, int[] order,
      long seed) {
    BatchAugmenter batches = new BatchAugmenter(augmentation, data, 10, data.classes());
    AugmentedBatch batch = batches.newBatch();
    batches.fill(batch, order, 10, 10, 2, 1, seed);
    return batch;
  }

  private static float[] features(Dataset data, int index) {
    float[] f = new float[data.featureSize()];
    data.copyFeatures(index, f, 0);
    return f;
  }

  static Dataset data(int n, int classes, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[n * SHAPE.size()];
    int[] y = new int[n];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextDouble();
    }
    for (int i = 0; i < n; i++) {
      y[i] = random.nextInt(classes);
    }
    return Dataset.of(x, y, SHAPE.size(), classes);
  }

  static int[] order(int n, long seed) {
    return Dataset.permutation(n, new SplittableRandom(seed));
  }
}
