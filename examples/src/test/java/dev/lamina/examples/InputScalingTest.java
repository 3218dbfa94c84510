package dev.lamina.examples;

import static dev.lamina.Nonlinearity.TANH;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.Activation;
import dev.lamina.Dense;
import dev.lamina.Input;
import dev.lamina.Layer;
import dev.lamina.MinMaxScale;
import dev.lamina.Model;
import dev.lamina.Standardize;
import dev.lamina.data.Dataset;
import dev.lamina.io.ModelFile;
import dev.lamina.nn.InputScaling;
import dev.lamina.nn.Network;
import dev.lamina.nn.ReferenceNetwork;
import dev.lamina.nn.StateTensor;
import dev.lamina.train.Optimizer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input scaling that travels with the model: fitted on the training set only, applied in
 * training and inference as {@code (x - mean) / std}, saved and loaded with the model.
 */
class InputScalingTest {
  @TempDir Path dir;

  @Model
  static class Scaled {
    @Input(7) @Standardize Layer in;
    @Dense(units = 9) @Activation(TANH) Layer hidden;
    @Dense(units = 3) Layer out;
  }

  /** Scaled's layers without the scaling: given scaled rows, it must compute the same. */
  @Model
  static class Unscaled {
    @Input(7) Layer in;
    @Dense(units = 9) @Activation(TANH) Layer hidden;
    @Dense(units = 3) Layer out;
  }

  @Model
  static class Ranged {
    @Input(5) @MinMaxScale Layer in;
    @Dense(units = 2) Layer out;
  }

  @Test
  void theTrainerFitsTheStatisticsOnTheTrainingSetOnly() {
    Dataset train = raw(200, 7, 1);
    Dataset validation = raw(50, 7, 2);

    InputScalingTest_ScaledNet net = InputScalingTest_ScaledNet.trainer().optimizer(Optimizer.adam(1e-2)).epochs(2).batchSize(20)
        .seed(5).threads(1).build().fit(train, validation).network();

    float[] x = train.features();
    float[] mean = state(net, "in.mean");
    float[] std = state(net, "in.std");
    double worst = 0;
    for (int j = 0; j < 7; j++) {
      double m = 0;
      for (int r = 0; r < 200; r++) {
        m += x[r * 7 + j];
      }
      m /= 200;
      double v = 0;
      for (int r = 0; r < 200; r++) {
        v += (x[r * 7 + j] - m) * (x[r * 7 + j] - m);
      }
      double s = Math.sqrt(v / 200);
      worst = Math.max(worst, Math.abs(mean[j] - m) / s);
      worst = Math.max(worst, Math.abs(std[j] - s) / s);
    }
    assertTrue(worst < 1e-6, "largest relative difference from the float64 reference: " + worst);
    assertEquals(200f, state(net, "in.count")[0]);
  }

  @Test
  void rawRowsAreScaledBeforeTheFirstLayerInTrainingAndInference() {
    Dataset train = raw(100, 7, 3);
    InputScalingTest_ScaledNet scaled = new InputScalingTest_ScaledNet(11);
    InputScaling.fit(scaled, train);
    InputScalingTest_UnscaledNet plain = new InputScalingTest_UnscaledNet(11);
    assertTrue(plain.parameters().bitEquals(scaled.parameters()));
    float[] rows = raw(6, 7, 4).features();
    float[] byHand = rows.clone();
    float[] mean = state(scaled, "in.mean");
    float[] std = state(scaled, "in.std");
    for (int i = 0; i < byHand.length; i++) {
      byHand[i] = (byHand[i] - mean[i % 7]) / std[i % 7];
    }

    assertArrayEquals(Arrays.copyOf(plain.forwardInfer(byHand, 6), 18),
        Arrays.copyOf(scaled.forwardInfer(rows, 6), 18));
    assertArrayEquals(Arrays.copyOf(plain.forwardTrain(byHand, 6, 9), 18),
        Arrays.copyOf(scaled.forwardTrain(rows, 6, 9), 18));
    ReferenceNetwork reference = new ReferenceNetwork(InputScalingTest_ScaledNet.SPEC, scaled.parameters());
    copyState(scaled, reference);
    assertClose(scaled.forwardInfer(rows, 6), reference.forwardInfer(rows, 6), 18, 1e-5);
  }

  @Test
  void aSavedThenLoadedModelPredictsARawRowAsBeforeSaving() throws Exception {
    Dataset train = raw(120, 7, 6);
    InputScalingTest_ScaledNet trained = InputScalingTest_ScaledNet.trainer().optimizer(Optimizer.adam(1e-2)).epochs(2)
        .batchSize(30).seed(7).threads(1).build().fit(train, train.head(30)).network();
    float[] rawRow = raw(1, 7, 8).features();
    float[] before = Arrays.copyOf(trained.forwardInfer(rawRow, 1), 3);
    Path file = dir.resolve("scaled.safetensors");

    ModelFile.save(trained, file);
    InputScalingTest_ScaledNet loaded = new InputScalingTest_ScaledNet(99);
    ModelFile.load(loaded, file);

    assertArrayEquals(state(trained, "in.mean"), state(loaded, "in.mean"));
    assertArrayEquals(state(trained, "in.std"), state(loaded, "in.std"));
    assertArrayEquals(before, Arrays.copyOf(loaded.forwardInfer(rawRow, 1), 3));
    assertEquals(120f, state(loaded, "in.count")[0]);
  }

  @Test
  void aFittedModelIsNotRefittedByTheTrainer() {
    Dataset first = raw(80, 7, 10);
    InputScalingTest_ScaledNet net = new InputScalingTest_ScaledNet(3);
    InputScaling.fit(net, first);
    float[] mean = state(net, "in.mean").clone();

    InputScalingTest_ScaledNet.trainer().epochs(1).batchSize(20).seed(1).threads(1).build()
        .fit(net, raw(80, 7, 11), first);

    assertArrayEquals(mean, state(net, "in.mean"));
  }

  @Test
  void minMaxScalingMapsTheTrainingRangeToZeroOne() {
    Dataset train = raw(60, 5, 12);
    InputScalingTest_RangedNet ranged = new InputScalingTest_RangedNet(2);
    InputScaling.fit(ranged, train);
    float[] x = train.features();
    float[] min = state(ranged, "in.min");
    float[] max = state(ranged, "in.max");
    for (int j = 0; j < 5; j++) {
      float lo = Float.MAX_VALUE;
      float hi = -Float.MAX_VALUE;
      for (int r = 0; r < 60; r++) {
        lo = Math.min(lo, x[r * 5 + j]);
        hi = Math.max(hi, x[r * 5 + j]);
      }
      assertEquals(lo, min[j]);
      assertEquals(hi, max[j]);
    }
    float[] row = Arrays.copyOf(x, 5);
    float[] scaled = new float[5];
    for (int j = 0; j < 5; j++) {
      scaled[j] = (row[j] - min[j]) / (max[j] - min[j]);
    }
    float[] w = ranged.parameters().get("out.weight").values();
    float[] b = ranged.parameters().get("out.bias").values();
    float[] out = ranged.forwardInfer(row, 1);
    for (int k = 0; k < 2; k++) {
      double expected = b[k];
      for (int j = 0; j < 5; j++) {
        expected += scaled[j] * w[j * 2 + k];
      }
      assertEquals(expected, out[k], 1e-5, "output " + k);
    }
  }

  @Test
  void nonFiniteTrainingValuesAreRefusedNamingTheSample() {
    float[] x = raw(10, 7, 13).features();
    x[3 * 7 + 2] = Float.NaN;
    Dataset bad = Dataset.ofAllowingNonFinite(x, new int[10], 7, 3);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> InputScaling.fit(new InputScalingTest_ScaledNet(1), bad));

    assertTrue(e.getMessage().startsWith("sample 3, feature 2 is NaN"), e.getMessage());
  }

  /** Rows whose features have very different offsets and spreads, as raw tabular data does. */
  static Dataset raw(int rows, int features, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[rows * features];
    int[] y = new int[rows];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < features; j++) {
        x[r * features + j] = (float) (Math.pow(10, j - 2) * (random.nextGaussian() + j * 3));
      }
      y[r] = x[r * features + features - 1] > features * 3 * Math.pow(10, features - 3) ? 1 : 0;
    }
    return Dataset.of(x, y, features, features == 5 ? 2 : 3);
  }

  private static float[] state(Network network, String name) {
    return network.state().stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow().values();
  }

  private static void copyState(Network from, Network to) {
    for (StateTensor s : to.state()) {
      float[] source = state(from, s.name());
      System.arraycopy(source, 0, s.values(), 0, source.length);
    }
  }

  private static void assertClose(float[] expected, float[] actual, int n, double tolerance) {
    double worst = 0;
    for (int i = 0; i < n; i++) {
      worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
    }
    assertTrue(worst <= tolerance, "largest difference " + worst + " > " + tolerance);
  }
}
