package dev.lamina.examples;

import dev.lamina.Nonlinearity;
import dev.lamina.nn.Network;
import dev.lamina.nn.Seeds;
import dev.lamina.report.Histogram;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongFunction;

/**
 * The initialization experiment: 1000 samples of 100 features drawn from N(0, 1) go through ten
 * dense layers of width 100 without biases, for every pair of activation and initializer, and
 * each layer's activations are summarized. Each layer is a generated network ({@link
 * InitLabModels}) with its own seed, so the weights come from Lamina's initializers and the
 * forward pass is Lamina's generated code.
 */
final class InitLab {
  static final int SAMPLES = 1000;
  static final int WIDTH = 100;
  static final int DEPTH = 10;
  /** Histogram bins per layer. */
  static final int BINS = 40;
  /** ReLU activations are binned over [0, RELU_RANGE]; zeros are counted apart. */
  static final double RELU_RANGE = 4;

  /** One activation with one initializer: its name in the table and how to build a layer. */
  record Pair(Nonlinearity activation, String init, LongFunction<Network> layer) {
    String activationName() {
      return activation.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether activation {@code a} counts as saturated: flat, or (ReLU) exactly zero. */
    boolean saturated(float a) {
      return switch (activation) {
        case TANH -> Math.abs(a) > 0.99;
        case SIGMOID -> a < 0.01 || a > 0.99;
        case RELU -> a == 0;
        default -> throw new IllegalStateException("the lab has no " + activation + " layers");
      };
    }

    /** The histogram range that shows this activation's whole output. */
    double lo() {
      return activation == Nonlinearity.TANH ? -1 : 0;
    }

    double hi() {
      return activation == Nonlinearity.RELU ? RELU_RANGE : 1;
    }
  }

  /** The four initializers, in the table's order. */
  static final List<String> INITS = List.of("normal_0.01", "normal_1", "xavier", "he");

  /** Every pair, activation-major: tanh, sigmoid, relu, each with the four initializers. */
  static final List<Pair> PAIRS = List.of(
      new Pair(Nonlinearity.TANH, "normal_0.01", InitLabModels_TanhNormalSmallNet::new),
      new Pair(Nonlinearity.TANH, "normal_1", InitLabModels_TanhNormalLargeNet::new),
      new Pair(Nonlinearity.TANH, "xavier", InitLabModels_TanhXavierNet::new),
      new Pair(Nonlinearity.TANH, "he", InitLabModels_TanhHeNet::new),
      new Pair(Nonlinearity.SIGMOID, "normal_0.01", InitLabModels_SigmoidNormalSmallNet::new),
      new Pair(Nonlinearity.SIGMOID, "normal_1", InitLabModels_SigmoidNormalLargeNet::new),
      new Pair(Nonlinearity.SIGMOID, "xavier", InitLabModels_SigmoidXavierNet::new),
      new Pair(Nonlinearity.SIGMOID, "he", InitLabModels_SigmoidHeNet::new),
      new Pair(Nonlinearity.RELU, "normal_0.01", InitLabModels_ReluNormalSmallNet::new),
      new Pair(Nonlinearity.RELU, "normal_1", InitLabModels_ReluNormalLargeNet::new),
      new Pair(Nonlinearity.RELU, "xavier", InitLabModels_ReluXavierNet::new),
      new Pair(Nonlinearity.RELU, "he", InitLabModels_ReluHeNet::new));

  /** One layer's activations, summarized. */
  record LayerStats(int layer, double mean, double std, double saturatedFraction,
      Histogram histogram) {}

  /** One pair's ten layers. */
  record Run(Pair pair, List<LayerStats> layers) {}

  private InitLab() {}

  /** The input: SAMPLES × WIDTH draws from N(0, 1), the same for every pair. */
  static float[] input(long seed) {
    SplittableRandom random = new SplittableRandom(Seeds.derive(seed, "init-lab/input"));
    float[] x = new float[SAMPLES * WIDTH];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    return x;
  }

  /** Runs every pair from {@code seed}; the same seed gives the same numbers. */
  static List<Run> run(long seed) {
    float[] x = input(seed);
    List<Run> runs = new ArrayList<>();
    for (Pair pair : PAIRS) {
      runs.add(run(pair, x, seed));
    }
    return runs;
  }

  static Run run(Pair pair, float[] input, long seed) {
    List<LayerStats> layers = new ArrayList<>();
    float[] h = input;
    for (int l = 1; l <= DEPTH; l++) {
      long layerSeed = Seeds.derive(Seeds.derive(seed, "init-lab/" + pair.activationName() + "/"
          + pair.init()), l);
      Network layer = pair.layer().apply(layerSeed);
      h = layer.forwardInfer(h, SAMPLES).clone();
      layers.add(stats(pair, l, h));
    }
    return new Run(pair, layers);
  }

  /** Mean, population standard deviation and saturated fraction, in double precision. */
  static LayerStats stats(Pair pair, int layer, float[] a) {
    double sum = 0;
    int saturated = 0;
    for (float v : a) {
      sum += v;
      if (pair.saturated(v)) {
        saturated++;
      }
    }
    double mean = sum / a.length;
    double squares = 0;
    for (float v : a) {
      squares += (v - mean) * (v - mean);
    }
    // ReLU's exact zeros are its saturated fraction, reported apart; the histogram shows the rest.
    float[] shown = pair.activation() == Nonlinearity.RELU ? nonZero(a) : a;
    return new LayerStats(layer, mean, Math.sqrt(squares / a.length),
        (double) saturated / a.length, Histogram.of(shown, pair.lo(), pair.hi(), BINS));
  }

  private static float[] nonZero(float[] a) {
    int n = 0;
    for (float v : a) {
      n += v != 0 ? 1 : 0;
    }
    float[] out = new float[n];
    int k = 0;
    for (float v : a) {
      if (v != 0) {
        out[k++] = v;
      }
    }
    return out;
  }
}
