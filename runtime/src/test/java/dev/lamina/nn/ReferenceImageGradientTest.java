package dev.lamina.nn;

import static dev.lamina.testing.NumericAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.DropoutMode;
import dev.lamina.Init;
import dev.lamina.Loss;
import dev.lamina.NormPlacement;
import dev.lamina.Nonlinearity;
import dev.lamina.RunningStats;
import dev.lamina.init.InitSpec;
import dev.lamina.testing.NumericAssertions.Diff;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference network's image layers against central finite differences of the training loss:
 * every parameter of {@code in (2, 5, 6) → conv1 [norm] tanh → [pool] → conv2 tanh → dense 3},
 * for convolutions with stride, padding and dilation, each pooling and upsampling, and each
 * normalization of an image. conv2's input gradient and the pooling's feed conv1's weight gradient, so they are
 * checked too.
 *
 * <p>As in {@link ReferenceNetworkGradientTest}, parameters and inputs are multiples of 2⁻¹², so
 * the five-point stencil's steps are exact. A max-pooling step can move a window's maximum to
 * another value, where the loss has a kink: such entries (found by comparing every window's argmax
 * before and after each step) are skipped, and only max-pooling cases may have them.
 */
class ReferenceImageGradientTest {
  private static final Shape IN = new Shape(2, 5, 6);
  private static final int ROWS = 3;
  private static final double GRID = 4096;
  private static final double H = 1.0 / 64;
  private static final double NOISE = 10;
  private static final double REL = 1e-4;

  record Case(String name, ImageSpec conv1, NormSpec norm, LayerSpec.Type pool, int poolKernel,
      int poolStride) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    ImageSpec plain = ImageSpec.conv(IN, 3, 3, 1, 1, 1);
    NormPlacement before = NormPlacement.BEFORE_ACTIVATION;
    return Stream.of(
        new Case("conv stride 2 padding 1", ImageSpec.conv(IN, 3, 3, 2, 1, 1), NormSpec.NONE, null, 0, 0),
        new Case("conv dilation 2 padding 2", ImageSpec.conv(IN, 4, 2, 1, 2, 2), NormSpec.NONE, null, 0, 0),
        new Case("max pool 2", plain, NormSpec.NONE, LayerSpec.Type.MAX_POOL, 2, 2),
        new Case("max pool 3 stride 2 (overlapping)", plain, NormSpec.NONE, LayerSpec.Type.MAX_POOL, 3, 2),
        new Case("average pool 2 stride 1", plain, NormSpec.NONE, LayerSpec.Type.AVG_POOL, 2, 1),
        new Case("global average pool", plain, NormSpec.NONE, LayerSpec.Type.GLOBAL_AVG_POOL, 0, 0),
        new Case("upsample 2", plain, NormSpec.NONE, LayerSpec.Type.UPSAMPLE, 2, 0),
        new Case("batch norm", plain, NormSpec.batch(before, 1e-5, 0.1, RunningStats.EXPONENTIAL), null, 0, 0),
        new Case("batch norm after the activation", plain,
            NormSpec.batch(NormPlacement.AFTER_ACTIVATION, 1e-5, 0.1, RunningStats.EXPONENTIAL), null, 0, 0),
        new Case("layer norm", plain, NormSpec.layer(before, 1e-5), null, 0, 0),
        new Case("instance norm", plain, NormSpec.instance(before, 1e-5), null, 0, 0),
        new Case("group norm", ImageSpec.conv(IN, 4, 3, 1, 1, 1), NormSpec.group(2, before, 1e-5), null, 0, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void backwardMatchesFiniteDifferences(Case c) {
    NetworkSpec spec = spec(c);
    Parameters parameters = spec.newParameters();
    ReferenceNetwork network = new ReferenceNetwork(spec, parameters);
    Random random = new Random(c.name().hashCode());
    for (Parameter p : parameters) {
      double std = p.kind() == ParameterKind.WEIGHT ? 1.5 / Math.sqrt(p.fanIn())
          : p.kind() == ParameterKind.GAMMA ? 0.3 : 0.5;
      fillOnGrid(p.values(), std, p.kind() == ParameterKind.GAMMA ? 1 : 0, random);
    }
    float[] input = new float[ROWS * IN.size()];
    fillOnGrid(input, 1, 0, random);
    int[] labels = new int[ROWS];
    for (int r = 0; r < ROWS; r++) {
      labels[r] = random.nextInt(3);
    }
    float[] out = network.forwardTrain(input, ROWS, 1).clone();
    float[] g = new float[out.length];
    double loss = network.loss(out, labels, ROWS, g) / ROWS;
    network.backward(g, ROWS);
    double abs = NOISE * (1 + Math.abs(loss)) * 0x1p-24 / H;
    int skipped = 0;
    int checked = 0;
    double worst = 0;
    for (Parameter p : parameters) {
      float[] analytic = p.gradient().clone();
      float[] fd = new float[p.size()];
      for (int k = 0; k < p.size(); k++) {
        boolean[] kink = {false};
        fd[k] = (float) stencil(network, p.values(), k, input, labels, H, kink);
        if (kink[0]) {
          skipped++; // a step moved a window's maximum: the loss has a kink there
          fd[k] = analytic[k];
        }
      }
      checked += p.size();
      Diff diff = assertClose(c + ": d/d" + p.name() + " backward vs FD", fd, analytic, abs, REL);
      worst = Math.max(worst, diff.maxAbs());
    }
    System.out.printf("%s: %d entries match FD (max |diff| %.3g), %d skipped at max-pool kinks%n",
        c, checked - skipped, worst, skipped);
    // A step of one conv1 weight moves every value of its channel, so it crosses a near-tie in
    // one of the 36 windows per channel fairly often; a quarter is the budget.
    assertTrue(skipped <= (c.pool() == LayerSpec.Type.MAX_POOL ? checked / 4 : 0),
        c + ": " + skipped + " of " + checked + " entries straddle a kink");
  }

  /**
   * The five-point central difference of the batch-mean training loss in {@code values[k]}; sets
   * {@code kink[0]} when a step moves the maximum of a max-pooling window.
   */
  private static double stencil(ReferenceNetwork network, float[] values, int k, float[] input,
      int[] labels, double h, boolean[] kink) {
    float original = values[k];
    network.forwardTrain(input, ROWS, 1);
    String maxima = maxima(network);
    double[] loss = new double[5];
    for (int s = -2; s <= 2; s++) {
      if (s == 0) {
        continue;
      }
      values[k] = (float) (original + s * h);
      if (values[k] - original != s * h) {
        throw new AssertionError("a step of " + s * h + " from " + original + " is not exact");
      }
      float[] out = network.forwardTrain(input, ROWS, 1);
      loss[s + 2] = network.loss(out, labels, ROWS, null) / ROWS;
      kink[0] |= !maxima.equals(maxima(network));
      values[k] = original;
    }
    return (loss[0] - 8 * loss[1] + 8 * loss[3] - loss[4]) / (12 * h);
  }

  /** Where each max-pooling window's maximum is, as text, or "" without max pooling. */
  private static String maxima(ReferenceNetwork network) {
    List<LayerSpec> layers = network.spec().layers();
    StringBuilder where = new StringBuilder();
    for (int l = 1; l < layers.size(); l++) {
      if (layers.get(l).type() != LayerSpec.Type.MAX_POOL) {
        continue;
      }
      ImageSpec g = layers.get(l).image();
      float[] x = network.layerOutput(l - 1);
      Shape in = g.in();
      Shape out = g.out();
      for (int s = 0; s < ROWS; s++) {
        for (int oh = 0; oh < out.height(); oh++) {
          for (int ow = 0; ow < out.width(); ow++) {
            for (int c = 0; c < out.channels(); c++) {
              int best = -1;
              float max = Float.NEGATIVE_INFINITY;
              for (int kh = 0; kh < g.kernel(); kh++) {
                for (int kw = 0; kw < g.kernel(); kw++) {
                  int h = oh * g.stride() + kh;
                  int w = ow * g.stride() + kw;
                  float v = x[((s * in.height() + h) * in.width() + w) * in.channels() + c];
                  if (v > max) {
                    max = v;
                    best = kh * g.kernel() + kw;
                  }
                }
              }
              where.append((char) ('a' + best));
            }
          }
        }
      }
    }
    return where.toString();
  }

  private static NetworkSpec spec(Case c) {
    List<LayerSpec> layers = new ArrayList<>();
    layers.add(LayerSpec.input("in", IN.size(), 1, DropoutMode.INVERTED).withImage(ImageSpec.input(IN)));
    LayerSpec conv1 = LayerSpec.conv("conv1", c.conv1(), true, InitSpec.of(Init.AUTO), InitSpec.zeros(),
        Nonlinearity.TANH, 0, 1, DropoutMode.INVERTED).withNorm(c.norm());
    layers.add(conv1);
    Shape next = c.conv1().out();
    if (c.pool() != null) {
      ImageSpec pool = switch (c.pool()) {
        case GLOBAL_AVG_POOL -> ImageSpec.global(next);
        case UPSAMPLE -> new ImageSpec(next, new Shape(next.channels(),
            next.height() * c.poolKernel(), next.width() * c.poolKernel()), 1, 1, 0, 1);
        default -> ImageSpec.pool(next, c.poolKernel(), c.poolStride());
      };
      layers.add(LayerSpec.resample("pool", c.pool(), pool, 1, DropoutMode.INVERTED));
      next = pool.out();
    }
    ImageSpec second = ImageSpec.conv(next, 2, Math.min(2, next.height()), 1, 0, 1);
    layers.add(LayerSpec.conv("conv2", second, true, InitSpec.of(Init.AUTO), InitSpec.zeros(),
        Nonlinearity.TANH, 0, 1, DropoutMode.INVERTED));
    layers.add(LayerSpec.dense("out", 3, second.out().size(), true, InitSpec.of(Init.AUTO),
        InitSpec.zeros(), Nonlinearity.IDENTITY, 0, 1, DropoutMode.INVERTED));
    return new NetworkSpec("fd-" + c.name(), Loss.SOFTMAX_CROSS_ENTROPY, 0, layers);
  }

  /** Gaussian values around {@code mean}, rounded to multiples of 1/GRID. */
  private static void fillOnGrid(float[] values, double std, double mean, Random random) {
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (Math.rint((mean + random.nextGaussian() * std) * GRID) / GRID);
    }
  }
}
