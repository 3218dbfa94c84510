package dev.lamina.train;

import static dev.lamina.testing.NumericAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.data.Dataset;
import dev.lamina.internal.TrainableNetwork;
import dev.lamina.nn.Parameter;
import dev.lamina.nn.ReferenceNetwork;
import dev.lamina.nn.Seeds;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Weight noise: the gradient is taken at perturbed weights and applied to the clean ones; only
 * weights are perturbed; the perturbation has the requested spread and is fresh every step.
 */
class WeightNoiseTest {
  private static final long SEED = 42;

  @Test
  void oneStepIsTheCleanWeightsMinusLrTimesTheGradientAtThePerturbedWeights() {
    Dataset data = TinyModel.data(16, 3);
    double lr = 0.5;
    double std = 0.3;
    // The trainer: one epoch of one batch (16 rows), SGD.
    ReferenceNetwork trained = TinyModel.trainer().epochs(1).batchSize(16).seed(SEED)
        .optimizer(Optimizer.sgd(lr)).weightNoise(std).build().fit(data, data).network();

    // By hand: perturb as the trainer's first step does, take the gradient there, restore, step.
    ReferenceNetwork net = TinyModel.network(Seeds.derive(SEED, "init"));
    float[][] clean = net.parameters().snapshot();
    WeightNoise noise = new WeightNoise(net.parameters(), std, Seeds.derive(SEED, "weight-noise"));
    noise.perturb(0);
    int[] order = Dataset.permutation(16,
        new java.util.SplittableRandom(Seeds.derive(Seeds.derive(SEED, "shuffle"), 1)));
    Dataset batch = data.select(order);
    float[] out = net.forwardTrain(batch.features(), 16, 0);
    float[] grad = new float[16 * 3];
    net.loss(out, batch.labels(), 16, grad);
    net.backward(grad, 16);
    for (int i = 0; i < clean.length; i++) {
      Parameter p = net.parameters().list().get(i);
      float[] expected = clean[i].clone();
      for (int k = 0; k < expected.length; k++) {
        expected[k] -= (float) lr * p.gradient()[k];
      }
      assertClose(p.name() + " after one noisy step", expected,
          trained.parameters().list().get(i).values(), 1e-6, 1e-5);
    }
  }

  @Test
  void perturbingInPartsGivesTheSameBitsAsWhole() {
    ReferenceNetwork whole = TinyModel.network(1);
    ReferenceNetwork split = TinyModel.network(1);
    WeightNoise wholeNoise = new WeightNoise(whole.parameters(), 0.05, 9);
    WeightNoise splitNoise = new WeightNoise(split.parameters(), 0.05, 9);
    wholeNoise.perturb(7);
    splitNoise.begin(7);
    for (int part = 2; part >= 0; part--) {
      splitNoise.perturb(part, 3);
    }
    assertTrue(whole.parameters().bitEquals(split.parameters()), "perturbed weights");
    wholeNoise.restore();
    splitNoise.restore();
    assertTrue(whole.parameters().bitEquals(split.parameters()), "restored weights");
  }

  @Test
  void onlyWeightsArePerturbedWithTheRequestedSpreadAndRestoreIsExact() {
    ReferenceNetwork net = TinyModel.network(1);
    float[][] clean = net.parameters().snapshot();
    WeightNoise noise = new WeightNoise(net.parameters(), 0.05, 9);
    noise.perturb(0);
    double sum = 0;
    double squares = 0;
    int n = 0;
    for (int i = 0; i < clean.length; i++) {
      Parameter p = net.parameters().list().get(i);
      if (p.name().endsWith(".bias")) {
        assertArrayEquals(clean[i], p.values(), p.name() + " is not perturbed");
        continue;
      }
      for (int k = 0; k < clean[i].length; k++) {
        double d = p.values()[k] - clean[i][k];
        sum += d;
        squares += d * d;
        n++;
      }
    }
    double std = Math.sqrt(squares / n - (sum / n) * (sum / n));
    // 72 draws: the sample std of N(0, 0.05²) is within ±30% with overwhelming probability.
    assertTrue(std > 0.035 && std < 0.065, "perturbation std " + std + " for 0.05");
    noise.restore();
    for (int i = 0; i < clean.length; i++) {
      assertArrayEquals(clean[i], net.parameters().list().get(i).values(), "restored exactly");
    }
  }

  @Test
  void eachStepDrawsFreshNoise() {
    ReferenceNetwork net = TinyModel.network(1);
    WeightNoise noise = new WeightNoise(net.parameters(), 0.05, 9);
    noise.perturb(0);
    float[] first = net.parameters().get("hidden.weight").values().clone();
    noise.restore();
    noise.perturb(1);
    float[] second = net.parameters().get("hidden.weight").values().clone();
    noise.restore();
    noise.perturb(0);
    assertFalse(Arrays.equals(first, second));
    assertArrayEquals(first, net.parameters().get("hidden.weight").values(), "step 0 again, same noise");
  }

  @Test
  void weightNoiseAndDecayAreReproducibleAndChangeTraining() {
    Dataset data = TinyModel.data(64, 5);
    var plain = TinyModel.trainer().epochs(2).build().fit(data, data).network();
    var noisy = TinyModel.trainer().epochs(2).weightNoise(0.01).build().fit(data, data).network();
    var again = TinyModel.trainer().epochs(2).weightNoise(0.01).build().fit(data, data).network();
    var decayed = TinyModel.trainer().epochs(2).weightDecay(WeightDecay.l2(1e-3)).build()
        .fit(data, data).network();
    assertTrue(noisy.parameters().bitEquals(again.parameters()));
    assertFalse(noisy.parameters().bitEquals(plain.parameters()));
    assertFalse(decayed.parameters().bitEquals(plain.parameters()));
    var none = TinyModel.trainer().epochs(2).weightNoise(0).weightDecay(WeightDecay.NONE).build()
        .fit(data, data).network();
    assertTrue(none.parameters().bitEquals(plain.parameters()), "off is bit-identical to unset");
  }

  /** The scalar reference, failing in its {@code failAt}-th training pass. */
  static final class Failing implements TrainableNetwork {
    final ReferenceNetwork inner = TinyModel.network(4);
    final int failAt;
    int passes;

    Failing(int failAt) {
      this.failAt = failAt;
    }

    @Override
    public dev.lamina.nn.NetworkSpec spec() {
      return inner.spec();
    }

    @Override
    public dev.lamina.nn.Parameters parameters() {
      return inner.parameters();
    }

    @Override
    public float[] forwardTrain(float[] input, int rows, long maskSeed) {
      if (++passes == failAt) {
        throw new IllegalStateException("pass " + passes + " failed");
      }
      return inner.forwardTrain(input, rows, maskSeed);
    }

    @Override
    public float[] forwardInfer(float[] input, int rows) {
      return inner.forwardInfer(input, rows);
    }

    @Override
    public void backward(float[] outputGradient, int rows) {
      inner.backward(outputGradient, rows);
    }
  }

  @Test
  void aStepThatFailsAfterThePerturbationLeavesTheCleanWeights() {
    Failing net = new Failing(3);
    float[][][] clean = new float[1][][];
    TrainingListener afterEachStep = new TrainingListener() {
      @Override
      public void onBatch(int epoch, int batch, int batches, double loss) {
        clean[0] = net.parameters().snapshot();
      }
    };
    Trainer<Failing> trainer = Trainer.builder(seed -> net).optimizer(Optimizer.sgd(0.1))
        .batchSize(16).threads(1).epochs(2).weightNoise(0.05).listener(afterEachStep).build();
    Dataset data = TinyModel.data(64, 1);
    var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> trainer.fit(net, data, data));
    assertTrue(e.getMessage().equals("pass 3 failed"), e.getMessage());
    for (int i = 0; i < clean[0].length; i++) {
      assertArrayEquals(clean[0][i], net.parameters().list().get(i).values(),
          net.parameters().list().get(i).name() + " is the clean value after step 2");
    }
  }

  @Test
  void badWeightNoiseIsRejected() {
    var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> TinyModel.trainer().weightNoise(-0.1));
    assertTrue(e.getMessage().startsWith("weightNoise must be >= 0 and finite, got -0.1"), e.getMessage());
  }
}
