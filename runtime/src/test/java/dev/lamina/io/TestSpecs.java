package dev.lamina.io;

import dev.lamina.DropoutMode;
import dev.lamina.Init;
import dev.lamina.Loss;
import dev.lamina.NormPlacement;
import dev.lamina.Nonlinearity;
import dev.lamina.RunningStats;
import dev.lamina.init.InitSpec;
import dev.lamina.nn.ImageSpec;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.NetworkSpec;
import dev.lamina.nn.NormSpec;
import dev.lamina.nn.Shape;
import dev.lamina.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Specs for the io tests: a model with every tensor kind, and specs read from fixture layers. */
final class TestSpecs {
  private TestSpecs() {}

  /**
   * Input with classic dropout; dense + batch norm (running statistics) + ReLU without bias;
   * dense + layer norm + tanh; leaky ReLU without bias; logits.
   */
  static NetworkSpec normalized(String name) {
    return new NetworkSpec(name, Loss.SOFTMAX_CROSS_ENTROPY, 0, List.of(
        LayerSpec.input("in", 6, 0.8, DropoutMode.CLASSIC),
        LayerSpec.dense("a", 9, 6, false, Init.HE, 0, Nonlinearity.RELU, 0, 0.5,
            DropoutMode.INVERTED).withNorm(
                NormSpec.batch(NormPlacement.BEFORE_ACTIVATION, 1e-5, 0.1, RunningStats.EXPONENTIAL)),
        LayerSpec.dense("b", 7, 9, true, Init.XAVIER, 0, Nonlinearity.TANH, 0, 1,
            DropoutMode.INVERTED).withNorm(NormSpec.layer(NormPlacement.AFTER_ACTIVATION, 1e-5)),
        LayerSpec.dense("c", 5, 7, false, Init.NORMAL, 0.3, Nonlinearity.LEAKY_RELU, 0.1, 1,
            DropoutMode.INVERTED),
        LayerSpec.dense("out", 3, 5, true, Init.XAVIER, 0, Nonlinearity.IDENTITY, 0, 1,
            DropoutMode.INVERTED)));
  }

  /**
   * The spec of a fixture's layer descriptions (the same JSON as a file's lamina.layers): inputs,
   * flat or images; dense layers; convolutions; max, average and global average pooling; the four
   * normalizations.
   */
  static NetworkSpec of(String name, Fixtures.Node layers) {
    List<LayerSpec> list = new ArrayList<>();
    for (Fixtures.Node d : layers.elements()) {
      list.add(layer(d));
    }
    return new NetworkSpec(name, Loss.SOFTMAX_CROSS_ENTROPY, 0, list);
  }

  private static LayerSpec layer(Fixtures.Node d) {
    Map<?, ?> m = (Map<?, ?>) d.value();
    double keep = d.get("keep").doubleValue();
    DropoutMode mode = m.containsKey("dropout")
        ? DropoutMode.valueOf(upper(d.get("dropout").string())) : DropoutMode.INVERTED;
    String layer = d.get("name").string();
    int units = d.get("units").intValue();
    String type = d.get("type").string();
    Fixtures.Node g = m.containsKey("image") ? d.get("image") : null;
    Shape in = g == null ? null : shape(g.get("in"));
    if (type.equals("input")) {
      LayerSpec input = LayerSpec.input(layer, units, keep, mode);
      return g == null ? input : input.withImage(ImageSpec.input(in));
    }
    if (type.endsWith("pool")) {
      ImageSpec image = type.equals("global_avg_pool") ? ImageSpec.global(in)
          : ImageSpec.pool(in, g.get("kernel").intValue(), g.get("stride").intValue());
      return LayerSpec.pool(layer, LayerSpec.Type.valueOf(upper(type)), image, keep, mode);
    }
    double slope = m.containsKey("slope") ? d.get("slope").doubleValue() : 0.01;
    Nonlinearity activation = Nonlinearity.valueOf(upper(d.get("activation").string()));
    boolean bias = d.get("bias").bool();
    LayerSpec weighted = type.equals("conv")
        ? LayerSpec.conv(layer, ImageSpec.conv(in, shape(g.get("out")).channels(),
            g.get("kernel").intValue(), g.get("stride").intValue(), g.get("padding").intValue(),
            g.get("dilation").intValue()), bias, InitSpec.of(Init.AUTO), InitSpec.zeros(),
            activation, slope, keep, mode)
        : LayerSpec.dense(layer, units, d.get("fan_in").intValue(), bias, Init.AUTO, 0.01,
            activation, slope, keep, mode);
    return m.containsKey("norm") ? weighted.withNorm(norm(d.get("norm"))) : weighted;
  }

  private static Shape shape(Fixtures.Node chw) {
    int[] s = chw.ints();
    return new Shape(s[0], s[1], s[2]);
  }

  private static NormSpec norm(Fixtures.Node n) {
    NormPlacement placement = NormPlacement.valueOf(upper(n.get("placement").string()));
    double eps = n.get("eps").doubleValue();
    return switch (n.get("kind").string()) {
      case "layer" -> NormSpec.layer(placement, eps);
      case "instance" -> NormSpec.instance(placement, eps);
      case "group" -> NormSpec.group(n.get("groups").intValue(), placement, eps);
      default -> {
        RunningStats stats = RunningStats.valueOf(upper(n.get("running_stats").string()));
        double momentum = stats == RunningStats.EXPONENTIAL ? n.get("momentum").doubleValue() : 0.1;
        yield NormSpec.batch(placement, eps, momentum, stats);
      }
    };
  }

  private static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }
}
