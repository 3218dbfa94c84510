package dev.lamina.examples;

import static dev.lamina.examples.GradientCheck.randomInput;
import static dev.lamina.examples.GradientCheck.randomLabels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.data.Dataset;
import dev.lamina.internal.TrainableNetwork;
import dev.lamina.train.Optimizer;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/** Splitting a batch over threads changes no bit of any output, gradient or trained weight. */
class ThreadsTest {
  @Test
  void passesAreBitIdenticalForEveryThreadCount() {
    assertSameForThreads(FashionMlpNet::new, 96);
    assertSameForThreads(TestModels_SmoothNet::new, 77);
    assertSameForThreads(TestModels_RectifiedNet::new, 64);
    assertSameForThreads(TestModels_NormalizedNet::new, 83);
    assertSameForThreads(ConvTestModels_ImageMixNet::new, 37);
    assertSameForThreads(ConvTestModels_ImageNoiseNet::new, 53);
  }

  @Test
  void smallBatchesSplitTheirProductsByColumnsWithTheSameBits() {
    // Too few rows to split by rows: the caller runs the pass and the team shares each product.
    for (int rows : new int[] {1, 5}) {
      assertSameForThreads(FashionMlpNet::new, rows);
    }
    for (int rows : new int[] {2, 9}) {
      assertSameForThreads(FashionMlpBnNet::new, rows);
    }
  }

  @Test
  void trainingIsBitIdenticalOnOneAndThreeThreads() {
    Dataset data = ReproducibilityTest.synthetic(640, 784, 3);
    var one = FashionMlpNet.trainer().epochs(2).batchSize(64).threads(1)
        .optimizer(Optimizer.sgd(0.05).momentum(0.9)).build().fit(data, data.head(64));
    var three = FashionMlpNet.trainer().epochs(2).batchSize(64).threads(3)
        .optimizer(Optimizer.sgd(0.05).momentum(0.9)).build().fit(data, data.head(64));
    assertTrue(one.network().parameters().bitEquals(three.network().parameters()));
    // The loss is scored by row on the team and summed in row order: the same bits too.
    for (int epoch = 0; epoch < 2; epoch++) {
      assertEquals(one.history().epochs().get(epoch).trainLoss(),
          three.history().epochs().get(epoch).trainLoss(), "epoch " + epoch + " training loss");
    }
  }

  @Test
  void aTeamThatGrowsBetweenPassesGetsScratchForEachPart() {
    // Each part's convolution scratch is allocated for the team the buffers were made with: a
    // team grown after a training pass, even between it and its backward pass, gets its own.
    int rows = 37;
    TrainableNetwork single = new ConvTestModels_ImageMixNet(1);
    float[] x = randomInput(rows, single.inputSize(), 2);
    int[] labels = randomLabels(rows, single.outputSize(), 3);
    float[] grad = new float[rows * single.outputSize()];
    single.loss(single.forwardTrain(x, rows, 5), labels, rows, grad);
    single.backward(grad.clone(), rows);
    TrainableNetwork grown = new ConvTestModels_ImageMixNet(1);
    grown.forwardTrain(x, rows, 5);
    grown.threads(4);
    grown.backward(grad.clone(), rows);
    for (int i = 0; i < single.parameters().list().size(); i++) {
      assertArrayEquals(single.parameters().list().get(i).gradient(),
          grown.parameters().list().get(i).gradient(),
          single.parameters().list().get(i).name() + " gradient, team grown to 4 before backward");
    }
    assertArrayEquals(single.forwardInfer(x, rows), grown.forwardInfer(x, rows),
        "inference output on the grown team");
  }

  private static void assertSameForThreads(LongFunction<TrainableNetwork> factory, int rows) {
    TrainableNetwork single = factory.apply(1);
    float[] x = randomInput(rows, single.inputSize(), 2);
    int[] labels = randomLabels(rows, single.outputSize(), 3);
    float[] expectedOut = single.forwardTrain(x, rows, 5).clone();
    float[] grad = new float[rows * single.outputSize()];
    single.loss(expectedOut, labels, rows, grad);
    single.backward(grad.clone(), rows);
    float[] expectedInfer = single.forwardInfer(x, rows).clone();
    for (int threads = 2; threads <= 4; threads++) {
      TrainableNetwork net = factory.apply(1);
      net.threads(threads);
      String what = net.spec().name() + " on " + threads + " threads: ";
      assertArrayEquals(expectedOut, net.forwardTrain(x, rows, 5).clone(), what + "training output");
      net.backward(grad.clone(), rows);
      for (int i = 0; i < net.parameters().list().size(); i++) {
        assertArrayEquals(single.parameters().list().get(i).gradient(),
            net.parameters().list().get(i).gradient(),
            what + net.parameters().list().get(i).name() + " gradient");
      }
      assertArrayEquals(expectedInfer, net.forwardInfer(x, rows), what + "inference output");
    }
  }
}
