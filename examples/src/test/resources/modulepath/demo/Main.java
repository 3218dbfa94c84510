package demo;

import dev.lamina.data.Dataset;
import dev.lamina.nn.Evaluation;
import dev.lamina.nn.Network;
import dev.lamina.train.Optimizer;
import java.util.SplittableRandom;

/** Trains Tiny on "which of the first three features is largest" and prints where it ran. */
public final class Main {
  public static void main(String[] args) {
    SplittableRandom random = new SplittableRandom(7);
    int rows = 96;
    float[] x = new float[rows * 4];
    int[] y = new int[rows];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < 4; j++) {
        x[r * 4 + j] = (float) random.nextGaussian();
      }
      y[r] = x[r * 4] > x[r * 4 + 1] ? (x[r * 4] > x[r * 4 + 2] ? 0 : 2)
          : (x[r * 4 + 1] > x[r * 4 + 2] ? 1 : 2);
    }
    Dataset data = Dataset.of(x, y, 4, 3);
    Network network = TinyNet.trainer().optimizer(Optimizer.adam(0.03)).batchSize(16).epochs(30)
        .seed(3).threads(2).build().fit(data, data).network();
    Evaluation e = network.evaluate(data);
    System.out.println("module " + Main.class.getModule().getName() + " lamina "
        + Network.class.getModule().getName());
    System.out.println("loss " + e.loss() + " accuracy " + e.accuracy());
  }
}
