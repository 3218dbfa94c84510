package dev.lamina.examples;

import dev.lamina.data.Dataset;
import java.util.Arrays;
import java.util.SplittableRandom;

/** The input of the benches, where only the amount of work matters, not what is learned. */
final class BenchData {
  private BenchData() {}

  /** Features uniform in [0, 1), then labels 0–9, all from one generator seeded {@code seed}. */
  static Dataset random(int samples, int features, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[samples * features];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextDouble();
    }
    int[] y = new int[samples];
    Arrays.setAll(y, i -> random.nextInt(10));
    return Dataset.of(x, y, features, 10);
  }
}
