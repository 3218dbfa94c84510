package dev.lamina.nn;

import dev.lamina.DropoutMode;
import dev.lamina.Loss;
import dev.lamina.Nonlinearity;
import dev.lamina.NormPlacement;
import dev.lamina.RunningStats;
import dev.lamina.init.InitSpec;
import dev.lamina.internal.TrainableNetwork;
import dev.lamina.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One case of fixtures/convolution.json (scripts/pytorch_conv_fixtures.py) checked against any
 * network with layers {@code in (2, 7, 6) → conv1 (norm + activation) → [pool] → conv2 (activation)
 * → last (3)}: three training batches, then the last batch's logits, loss and gradients, the
 * running statistics, and eval-mode logits. Shared by the reference network's test and the
 * generated networks' test; {@link PyTorchCase} converts PyTorch's layouts to Lamina's.
 */
public final class ConvolutionCase {
  /** Float32 on both sides; they differ in summation order only. */
  public static final double ABS = 5e-6;
  public static final double REL = 5e-5;

  private ConvolutionCase() {}

  public static List<Fixtures.Node> cases() {
    return Fixtures.load("convolution").get("cases").elements();
  }

  /** The spec the case describes, as the processor would build it from annotations. */
  public static NetworkSpec spec(Fixtures.Node c) {
    int[] in = c.get("input").ints();
    Shape shape = new Shape(in[0], in[1], in[2]);
    List<LayerSpec> layers = new ArrayList<>();
    layers.add(LayerSpec.input("in", shape.size(), 1, DropoutMode.INVERTED)
        .withImage(ImageSpec.input(shape)));
    Fixtures.Node n = c.get("norm");
    NormPlacement placement = NormPlacement.valueOf(n.get("placement").string());
    NormSpec norm = switch (n.get("kind").string()) {
      case "batch" -> NormSpec.batch(placement, 1e-5, 0.1, RunningStats.EXPONENTIAL);
      case "layer" -> NormSpec.layer(placement, 1e-5);
      case "instance" -> NormSpec.instance(placement, 1e-5);
      default -> NormSpec.group(n.get("groups").intValue(), placement, 1e-5);
    };
    LayerSpec conv1 = conv("conv1", shape, c.get("conv1"), activation(c.get("activation").string()),
        c.get("slope").doubleValue()).withNorm(norm);
    layers.add(conv1);
    Shape next = conv1.image().out();
    if (c.get("pool").value() != null) {
      Fixtures.Node p = c.get("pool");
      LayerSpec pool = switch (p.get("kind").string()) {
        case "max" -> LayerSpec.pool("pool", LayerSpec.Type.MAX_POOL,
            ImageSpec.pool(next, p.get("kernel").intValue(), p.get("stride").intValue()), 1, DropoutMode.INVERTED);
        case "avg" -> LayerSpec.pool("pool", LayerSpec.Type.AVG_POOL,
            ImageSpec.pool(next, p.get("kernel").intValue(), p.get("stride").intValue()), 1, DropoutMode.INVERTED);
        case "up" -> LayerSpec.resample("pool", LayerSpec.Type.UPSAMPLE, new ImageSpec(next,
            new Shape(next.channels(), next.height() * p.get("kernel").intValue(),
                next.width() * p.get("kernel").intValue()), 1, 1, 0, 1), 1, DropoutMode.INVERTED);
        default -> LayerSpec.pool("pool", LayerSpec.Type.GLOBAL_AVG_POOL, ImageSpec.global(next), 1,
            DropoutMode.INVERTED);
      };
      layers.add(pool);
      next = pool.image().out();
    }
    Fixtures.Node c2 = c.get("conv2");
    LayerSpec conv2 = conv("conv2", next, c2, activation(c2.get("activation").string()),
        c.get("slope").doubleValue());
    layers.add(conv2);
    layers.add(LayerSpec.dense("last", 3, conv2.units(), true, InitSpec.of(dev.lamina.Init.XAVIER),
        InitSpec.zeros(), Nonlinearity.IDENTITY, 0.01, 1, DropoutMode.INVERTED));
    return new NetworkSpec(c.get("name").string(), Loss.SOFTMAX_CROSS_ENTROPY, 0, layers);
  }

  private static LayerSpec conv(String name, Shape in, Fixtures.Node d, Nonlinearity f, double slope) {
    ImageSpec image = ImageSpec.conv(in, d.get("filters").intValue(), d.get("kernel").intValue(),
        d.get("stride").intValue(), d.get("padding").intValue(), d.get("dilation").intValue());
    return LayerSpec.conv(name, image, d.get("bias").bool(), InitSpec.of(dev.lamina.Init.AUTO),
        InitSpec.zeros(), f, slope, 1, DropoutMode.INVERTED);
  }

  private static Nonlinearity activation(String name) {
    return Nonlinearity.valueOf(name.toUpperCase(Locale.ROOT));
  }

  /** Runs the case on {@code network} (fresh state) and fails with the largest difference. */
  public static void check(Fixtures.Node c, TrainableNetwork network) {
    PyTorchCase.check(c, network, c.get("norm").get("kind").string().equals("batch"), "conv1",
        ABS, REL);
  }
}
