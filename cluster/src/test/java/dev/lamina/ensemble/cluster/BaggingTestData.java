package dev.lamina.ensemble.cluster;

import dev.lamina.data.Dataset;
import java.util.SplittableRandom;

/**
 * Synthetic data that cluster members load themselves, by class name: {@code argument} is
 * "rows,features,classes,seed". The class of a sample is the largest of {@code classes} fixed
 * projections of its features, so a network can learn it, but not perfectly from few samples.
 */
public final class BaggingTestData implements TrainingData {
  @Override
  public Dataset.Split load(String argument) {
    String[] p = argument.split(",");
    return new Dataset.Split(make(Integer.parseInt(p[0]), Integer.parseInt(p[1]),
        Integer.parseInt(p[2]), Long.parseLong(p[3])), null);
  }

  public static Dataset make(int rows, int features, int classes, long seed) {
    SplittableRandom projections = new SplittableRandom(1234);
    float[][] w = new float[classes][features];
    for (float[] row : w) {
      for (int j = 0; j < features; j++) {
        row[j] = (float) projections.nextGaussian();
      }
    }
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[rows * features];
    int[] y = new int[rows];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < features; j++) {
        x[i * features + j] = (float) random.nextGaussian();
      }
      double best = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        double score = random.nextGaussian() * 0.25 * Math.sqrt(features);
        for (int j = 0; j < features; j++) {
          score += w[c][j] * x[i * features + j];
        }
        if (score > best) {
          best = score;
          y[i] = c;
        }
      }
    }
    return Dataset.of(x, y, features, classes);
  }
}
