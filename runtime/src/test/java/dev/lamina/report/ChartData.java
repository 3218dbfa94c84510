package dev.lamina.report;

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

/** A tiny scalar-reference network and data, so chart tests draw a real training history. */
final class ChartData {
  private ChartData() {}

  private static final NetworkSpec SPEC = new NetworkSpec("Chart", Loss.SOFTMAX_CROSS_ENTROPY, 0,
      List.of(LayerSpec.input("in", 4, 1, DropoutMode.INVERTED),
          LayerSpec.dense("out", 2, 4, true, Init.XAVIER, 0, Nonlinearity.IDENTITY, 0, 1,
              DropoutMode.INVERTED)));

  static ReferenceNetwork network(long seed) {
    return new ReferenceNetwork(SPEC, seed);
  }

  static Dataset data() {
    SplittableRandom random = new SplittableRandom(3);
    float[] x = new float[64 * 4];
    int[] y = new int[64];
    for (int i = 0; i < 64; i++) {
      for (int j = 0; j < 4; j++) {
        x[i * 4 + j] = (float) random.nextGaussian();
      }
      y[i] = x[i * 4] + 0.5f * x[i * 4 + 1] > 0 ? 1 : 0;
    }
    return Dataset.of(x, y, 4, 2);
  }
}
