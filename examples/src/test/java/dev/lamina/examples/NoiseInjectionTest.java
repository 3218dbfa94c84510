package dev.lamina.examples;

import static dev.lamina.examples.GradientCheck.assertClose;
import static dev.lamina.examples.GradientCheck.randomInput;
import static dev.lamina.examples.GradientCheck.randomLabels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.data.Dataset;
import dev.lamina.internal.TrainableNetwork;
import dev.lamina.nn.Parameter;
import dev.lamina.nn.Parameters;
import dev.lamina.nn.ReferenceNetwork;
import dev.lamina.train.EarlyStopping;
import dev.lamina.train.Metric;
import dev.lamina.train.Optimizer;
import dev.lamina.train.WeightDecay;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated networks with @GaussianNoise against the scalar reference (same noise, bit-exact
 * draws), finite differences at fixed noise, every thread count, and inference without noise.
 */
class NoiseInjectionTest {
  record Case(String name, LongFunction<TrainableNetwork> factory) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> models() {
    return Stream.of(new Case("Noisy", NoisyModels_NoisyNet::new),
        new Case("NoisyNormalized", NoisyModels_NoisyNormalizedNet::new));
  }

  @ParameterizedTest
  @MethodSource("models")
  void trainingPassesMatchTheReferenceWithTheSameNoise(Case c) {
    TrainableNetwork net = c.factory().apply(3);
    ReferenceNetwork reference = new ReferenceNetwork(net.spec(), net.parameters());
    for (int rows : List.of(33, 7, 2)) {
      float[] x = randomInput(rows, net.inputSize(), rows);
      int[] labels = randomLabels(rows, net.outputSize(), rows);
      long seed = 500 + rows;
      float[] expected = reference.forwardTrain(x, rows, seed).clone();
      float[] actual = net.forwardTrain(x, rows, seed).clone();
      assertClose(c + " noisy training output, rows " + rows, expected, actual, expected.length,
          1e-5, 1e-4);
      float[] grad = new float[rows * net.outputSize()];
      net.loss(actual, labels, rows, grad);
      net.backward(grad.clone(), rows);
      List<float[]> generated = net.parameters().list().stream().map(p -> p.gradient().clone()).toList();
      reference.forwardTrain(x, rows, seed);
      reference.backward(grad, rows);
      for (int i = 0; i < generated.size(); i++) {
        Parameter p = net.parameters().list().get(i);
        assertClose(c + " " + p.name() + " gradient, rows " + rows, p.gradient(), generated.get(i),
            p.size(), 1e-5, 1e-3);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void gradientsAtFixedNoiseMatchFiniteDifferences(Case c) {
    TrainableNetwork net = c.factory().apply(5);
    int rows = 6;
    GradientCheck.assertFiniteDifferences(net, randomInput(rows, net.inputSize(), 3), rows,
        randomLabels(rows, net.outputSize(), 4), 77, 5);
  }

  @ParameterizedTest
  @MethodSource("models")
  void noiseIsBitIdenticalForEveryThreadCount(Case c) {
    int rows = 96;
    TrainableNetwork one = c.factory().apply(1);
    float[] x = randomInput(rows, one.inputSize(), 2);
    int[] labels = randomLabels(rows, one.outputSize(), 3);
    float[] out = one.forwardTrain(x, rows, 9).clone();
    float[] grad = new float[rows * one.outputSize()];
    one.loss(out, labels, rows, grad);
    one.backward(grad.clone(), rows);
    for (int threads = 2; threads <= 4; threads++) {
      TrainableNetwork net = c.factory().apply(1);
      net.threads(threads);
      assertArrayEquals(out, net.forwardTrain(x, rows, 9).clone(), c + " output on " + threads + " threads");
      net.backward(grad.clone(), rows);
      for (int i = 0; i < net.parameters().list().size(); i++) {
        assertArrayEquals(one.parameters().list().get(i).gradient(),
            net.parameters().list().get(i).gradient(), c + " gradient on " + threads + " threads");
      }
    }
  }

  @Test
  void inferenceAddsNoNoiseAndTrainingDrawsFreshNoiseEachStep() {
    TrainableNetwork net = new NoisyModels_NoisyNet(1);
    ReferenceNetwork reference = new ReferenceNetwork(net.spec(), net.parameters());
    float[] x = randomInput(4, net.inputSize(), 5);
    float[] first = net.forwardInfer(x, 4).clone();
    float[] a = net.forwardTrain(x, 4, 1).clone();
    float[] b = net.forwardTrain(x, 4, 2).clone();
    assertArrayEquals(first, net.forwardInfer(x, 4), "inference is the same before and after training passes");
    assertClose("inference vs the reference's", reference.forwardInfer(x, 4), first, first.length, 1e-5, 1e-4);
    assertFalse(java.util.Arrays.equals(a, b), "another step, other noise");
    assertArrayEquals(a, net.forwardTrain(x, 4, 1), "the same step seed, the same noise");
  }

  @Test
  void inputNoiseHasTheDeclaredSpread() {
    // The reference's input-layer output minus the input is the noise (no dropout on this input).
    ReferenceNetwork net = new ReferenceNetwork(NoisyModels_NoisyNormalizedNet.SPEC, 1);
    int rows = 400;
    float[] x = randomInput(rows, 11, 6);
    net.forwardTrain(x, rows, 3);
    float[] noisy = net.layerOutput(0);
    double sum = 0;
    double squares = 0;
    for (int i = 0; i < noisy.length; i++) {
      double d = noisy[i] - x[i];
      sum += d;
      squares += d * d;
    }
    double mean = sum / noisy.length;
    double std = Math.sqrt(squares / noisy.length - mean * mean);
    assertEquals(0, mean, 0.02, "noise mean over 4400 draws");
    assertEquals(0.5, std, 0.02, "noise std over 4400 draws");
  }

  @Test
  void decayOverridesReachTheParameters() {
    Parameters noisy = new NoisyModels_NoisyNet(1).parameters();
    assertEquals(1f, noisy.get("a.weight").decayScale());
    assertEquals(0f, noisy.get("a.bias").decayScale());
    assertEquals(0.5f, noisy.get("out.weight").decayScale());
    assertEquals(0.5f, noisy.get("out.bias").decayScale());
    Parameters normalized = new NoisyModels_NoisyNormalizedNet(1).parameters();
    assertEquals(0f, normalized.get("out.weight").decayScale());
    assertEquals(0f, normalized.get("a.gamma").decayScale(), "γ is not decayed");
  }

  @Test
  void trainingWithEveryRegularizerIsReproducibleOnAnyThreadCount() {
    Dataset data = ReproducibilityTest.synthetic(300, 13, 4);
    var one = train(data, 1);
    var three = train(data, 3);
    assertTrue(one.network().parameters().bitEquals(three.network().parameters()));
    assertEquals(one.history().toCsv().replaceAll(",[^,]*\\n", "\n"),
        three.history().toCsv().replaceAll(",[^,]*\\n", "\n"), "same losses, seconds aside");
  }

  private static dev.lamina.train.TrainingResult<NoisyModels_NoisyNet> train(Dataset data, int threads) {
    return NoisyModels_NoisyNet.trainer().epochs(4).batchSize(50).threads(threads)
        .optimizer(Optimizer.adam(3e-3))
        .weightDecay(WeightDecay.elasticNet(1e-5, 1e-4)).weightNoise(0.01)
        .earlyStopping(EarlyStopping.on(Metric.VALIDATION_ACCURACY).patience(2))
        .build().fit(data.head(250), data.select(java.util.stream.IntStream.range(250, 300).toArray()));
  }
}
