package dev.lamina.train;

import dev.lamina.DropoutMode;
import dev.lamina.Init;
import dev.lamina.Loss;
import dev.lamina.Nonlinearity;
import dev.lamina.data.Dataset;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.NetworkSpec;
import dev.lamina.nn.ReferenceNetwork;
import java.util.List;
import java.util.SplittableRandom;

/** A 6-8-3 tanh network on the scalar reference and a learnable synthetic task, for trainer tests. */
final class TinyModel {
  private TinyModel() {}

  static final NetworkSpec SPEC = new NetworkSpec("Tiny", Loss.SOFTMAX_CROSS_ENTROPY, 0, List.of(
      LayerSpec.input("in", 6, 1, DropoutMode.INVERTED),
      LayerSpec.dense("hidden", 8, 6, true, Init.XAVIER, 0, Nonlinearity.TANH, 0, 1, DropoutMode.INVERTED),
      LayerSpec.dense("out", 3, 8, true, Init.XAVIER, 0, Nonlinearity.IDENTITY, 0, 1, DropoutMode.INVERTED)));

  static ReferenceNetwork network(long seed) {
    return new ReferenceNetwork(SPEC, seed);
  }

  static Trainer.Builder<ReferenceNetwork> trainer() {
    return Trainer.builder(TinyModel::network).optimizer(Optimizer.sgd(0.1)).batchSize(16).threads(1);
  }

  /** The label is which of the first three features is largest. */
  static Dataset data(int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[size * 6];
    int[] y = new int[size];
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < 6; j++) {
        x[i * 6 + j] = (float) random.nextGaussian();
      }
      int best = 0;
      for (int j = 1; j < 3; j++) {
        best = x[i * 6 + j] > x[i * 6 + best] ? j : best;
      }
      y[i] = best;
    }
    return Dataset.of(x, y, 6, 3);
  }
}
