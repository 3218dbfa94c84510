package dev.lamina.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.DropoutMode;
import dev.lamina.Init;
import dev.lamina.Loss;
import dev.lamina.NormPlacement;
import dev.lamina.Nonlinearity;
import dev.lamina.RunningStats;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Many threads calling one predictor at once each get exactly the answers one network gives
 * alone; the predictor keeps the weights it was made with; bad arguments name themselves.
 */
class PredictorTest {
  private static final int THREADS = 8;
  private static final int CALLS = 400;
  private static final int SAMPLES = 64;

  /** 5 inputs, dense with batch norm (running statistics matter), dropout, 4 classes. */
  private static final NetworkSpec SPEC = new NetworkSpec("Classifier", Loss.SOFTMAX_CROSS_ENTROPY,
      0, List.of(
          LayerSpec.input("in", 5, 0.8, DropoutMode.INVERTED),
          LayerSpec.dense("h", 16, 5, true, Init.HE, 0, Nonlinearity.RELU, 0, 0.5,
              DropoutMode.INVERTED).withNorm(NormSpec.batch(NormPlacement.BEFORE_ACTIVATION, 1e-5,
                  0.1, RunningStats.EXPONENTIAL)),
          LayerSpec.dense("out", 4, 16, true, Init.XAVIER, 0, Nonlinearity.IDENTITY, 0, 1,
              DropoutMode.INVERTED)));

  private static ReferenceNetwork trained() {
    ReferenceNetwork network = new ReferenceNetwork(SPEC, 3);
    SplittableRandom random = new SplittableRandom(9);
    for (StateTensor s : network.state()) {
      for (int i = 0; i < s.values().length; i++) {
        s.values()[i] = (float) (s.name().endsWith("running_var")
            ? random.nextDouble(0.5, 2) : random.nextDouble(-1, 1));
      }
    }
    return network;
  }

  @Test
  void manyThreadsAtOnceEachGetTheSingleThreadedAnswers() throws Exception {
    ReferenceNetwork network = trained();
    float[] samples = random(SAMPLES * 5, 1);
    float[] logits = network.forwardInfer(samples, SAMPLES).clone();
    Predictor predictor = Predictor.of(network, seed -> new ReferenceNetwork(SPEC, seed));
    checkFromManyThreads(predictor, samples, logits);
  }

  @Test
  void aBf16PredictorGivesItsInferenceCopysAnswersOnEveryThread() throws Exception {
    ReferenceNetwork network = trained();
    float[] samples = random(SAMPLES * 5, 3);
    float[] logits = network.inferenceCopy(WeightPrecision.BFLOAT16).forwardInfer(samples, SAMPLES)
        .clone();
    Predictor predictor = Predictor.of(network, WeightPrecision.BFLOAT16);
    for (Parameter p : network.parameters()) {
      java.util.Arrays.fill(p.values(), 0f); // the predictor keeps the weights it was made with
    }
    checkFromManyThreads(predictor, samples, logits);
  }

  /** THREADS threads call the predictor at once; each answer must be {@code logits}' bits. */
  private static void checkFromManyThreads(Predictor predictor, float[] samples, float[] logits)
      throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> checked = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
      for (int t = 0; t < THREADS; t++) {
        long seed = t;
        checked.add(pool.submit(() -> {
          start.await();
          return callAndCheck(predictor, samples, logits, new SplittableRandom(seed));
        }));
      }
      start.countDown();
      for (Future<Integer> f : checked) {
        assertEquals(CALLS, f.get());
      }
    }
  }

  /** Calls the predictor CALLS times on random samples, every kind of call; returns the count. */
  private static int callAndCheck(Predictor predictor, float[] samples, float[] logits,
      SplittableRandom random) {
    float[] sample = new float[5];
    float[] values = new float[4];
    float[] probabilities = new float[4];
    int calls = 0;
    for (int i = 0; i < CALLS; i++) {
      int s = random.nextInt(SAMPLES);
      System.arraycopy(samples, s * 5, sample, 0, 5);
      float[] expected = java.util.Arrays.copyOfRange(logits, s * 4, s * 4 + 4);
      switch (i % 4) {
        case 0 -> assertEquals(argmax(expected), predictor.classOf(sample), "class of " + s);
        case 1 -> {
          predictor.values(sample, values);
          assertArrayEquals(expected, values, 0f, "logits of " + s);
        }
        case 2 -> {
          predictor.probabilities(sample, probabilities);
          assertArrayEquals(softmax(expected), probabilities, 1e-6f, "probabilities of " + s);
        }
        default -> {
          int rows = 1 + random.nextInt(SAMPLES - s);
          float[] batch = java.util.Arrays.copyOfRange(samples, s * 5, (s + rows) * 5);
          assertArrayEquals(java.util.Arrays.copyOfRange(logits, s * 4, (s + rows) * 4),
              predictor.values(batch, rows), 0f, rows + " rows from " + s);
          int[] classes = predictor.classes(batch, rows);
          for (int r = 0; r < rows; r++) {
            assertEquals(argmax(java.util.Arrays.copyOfRange(logits, (s + r) * 4, (s + r) * 4 + 4)),
                classes[r]);
          }
        }
      }
      calls++;
    }
    return calls;
  }

  @Test
  void probabilitiesAreTheSoftmaxOfTheLogitsAndSumToOne() {
    ReferenceNetwork network = trained();
    float[] samples = random(3 * 5, 2);
    float[] logits = network.forwardInfer(samples, 3).clone();
    float[] probabilities = Predictor.of(network, seed -> new ReferenceNetwork(SPEC, seed))
        .probabilities(samples, 3);
    for (int r = 0; r < 3; r++) {
      float[] row = java.util.Arrays.copyOfRange(probabilities, r * 4, r * 4 + 4);
      assertArrayEquals(softmax(java.util.Arrays.copyOfRange(logits, r * 4, r * 4 + 4)), row, 1e-7f);
      double sum = 0;
      for (float p : row) {
        sum += p;
      }
      assertEquals(1, sum, 1e-6);
    }
  }

  @Test
  void keepsTheWeightsItWasMadeWith() {
    ReferenceNetwork network = trained();
    float[] sample = random(5, 3);
    float[] before = network.forwardInfer(sample, 1).clone();
    Predictor predictor = Predictor.of(network, seed -> new ReferenceNetwork(SPEC, seed));
    network.parameters().get("out.bias").values()[0] += 10;
    float[] values = new float[4];
    predictor.values(sample, values);
    assertArrayEquals(before, values, 0f);
  }

  @Test
  void badArgumentsNameThemselves() {
    Predictor predictor = Predictor.of(trained(), seed -> new ReferenceNetwork(SPEC, seed));
    assertEquals("sample must have 5 values, got 4", assertThrows(IllegalArgumentException.class,
        () -> predictor.classOf(new float[4])).getMessage());
    assertEquals("into must have 4 values, got 10", assertThrows(IllegalArgumentException.class,
        () -> predictor.probabilities(new float[5], new float[10])).getMessage());
    assertEquals("rows must be > 0, got 0", assertThrows(IllegalArgumentException.class,
        () -> predictor.classes(new float[5], 0)).getMessage());
    assertEquals("samples must hold rows × inputSize = 3 × 5 values, got 10",
        assertThrows(IllegalArgumentException.class,
            () -> predictor.values(new float[10], 3)).getMessage());

    NetworkSpec other = new NetworkSpec("Other", Loss.MEAN_SQUARED_ERROR, 0, List.of(
        LayerSpec.input("in", 5, 1, DropoutMode.INVERTED),
        LayerSpec.dense("out", 4, 5, true, Init.XAVIER, 0, Nonlinearity.IDENTITY, 0, 1,
            DropoutMode.INVERTED)));
    String wrongModel = assertThrows(IllegalArgumentException.class,
        () -> Predictor.of(trained(), seed -> new ReferenceNetwork(other, seed))).getMessage();
    assertTrue(wrongModel.startsWith("factory must make the trained network's model Classifier, "
        + "got Other"), wrongModel);
    Predictor regression = Predictor.of(new ReferenceNetwork(other, 1),
        seed -> new ReferenceNetwork(other, seed));
    assertEquals("probabilities need a softmax classifier; Other is trained with "
        + "MEAN_SQUARED_ERROR: use values() for its outputs", assertThrows(
            IllegalStateException.class,
            () -> regression.probabilities(new float[5], new float[4])).getMessage());
  }

  private static int argmax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      best = v[i] > v[best] ? i : best;
    }
    return best;
  }

  /** The softmax in double, as a reference. */
  private static float[] softmax(float[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (float l : logits) {
      max = Math.max(max, l);
    }
    double sum = 0;
    for (float l : logits) {
      sum += Math.exp(l - max);
    }
    float[] p = new float[logits.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = (float) (Math.exp(logits[i] - max) / sum);
    }
    return p;
  }

  private static float[] random(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) random.nextDouble(-2, 2);
    }
    return x;
  }
}
