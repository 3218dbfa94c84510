package dev.lamina.nn;

import static dev.lamina.testing.NumericAssertions.assertClose;

import dev.lamina.DropoutMode;
import dev.lamina.Loss;
import dev.lamina.NormPlacement;
import dev.lamina.Nonlinearity;
import dev.lamina.RunningStats;
import dev.lamina.init.InitSpec;
import dev.lamina.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One case of fixtures/convolution.json (scripts/pytorch_conv_fixtures.py) checked against any
 * network with layers {@code in (2, 7, 6) → conv1 (norm + activation) → [pool] → conv2 (activation)
 * → last (3)}: three training batches, then the last batch's logits, loss and gradients, the
 * running statistics, and eval-mode logits. Shared by the reference network's test and the
 * generated networks' test. PyTorch's layouts are converted to Lamina's: a convolution's weight
 * (filters, in, kh, kw) to (kh, kw, in, filters), layer normalization's γ and β (C, H, W) to
 * (H, W, C), and the dense weight's columns from PyTorch's (C, H, W) flatten order to (H, W, C).
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
  public static void check(Fixtures.Node c, Network network) {
    String name = c.get("name").string();
    NetworkSpec spec = network.spec();
    for (Parameter p : network.parameters()) {
      float[] v = fromTorch(spec, p, c.get("parameters").get(p.name()).floats());
      System.arraycopy(v, 0, p.values(), 0, v.length);
    }
    float[] logits = null;
    int rows = 0;
    int[] labels = null;
    for (int step = 0; step < 3; step++) {
      float[] x = c.get("inputs").at(step).floats();
      labels = c.get("labels").at(step).ints();
      rows = labels.length;
      logits = network.forwardTrain(x, rows, 0).clone();
    }
    assertClose(name + " training logits", c.floats("train_logits"), logits, ABS, REL);
    float[] gradient = new float[logits.length];
    double loss = network.loss(logits, labels, rows, gradient) / rows;
    assertClose(name + " loss", c.get("loss").floatValue(), loss, ABS, REL);
    network.backward(gradient, rows);
    for (Parameter p : network.parameters()) {
      assertClose(name + " d/d" + p.name(),
          fromTorch(spec, p, c.get("gradients").get(p.name()).floats()), p.gradient(), ABS, REL);
    }
    if (c.get("norm").get("kind").string().equals("batch")) {
      assertClose(name + " running mean", c.floats("running_mean"), state(network, "conv1.running_mean"), ABS, REL);
      assertClose(name + " running variance", c.floats("running_var"), state(network, "conv1.running_var"), ABS, REL);
    }
    float[] x0 = c.get("inputs").at(0).floats();
    assertClose(name + " eval logits", c.floats("eval_logits"),
        network.forwardInfer(x0, x0.length / network.inputSize()), ABS, REL);
  }

  private static float[] state(Network network, String name) {
    return network.state().stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no state " + name)).values();
  }

  /** A tensor in PyTorch's layout, in Lamina's. */
  static float[] fromTorch(NetworkSpec spec, Parameter p, float[] torch) {
    if (torch.length != p.size()) {
      throw new AssertionError(p + " has " + p.size() + " values, fixture " + torch.length);
    }
    int[] s = p.shape();
    float[] lamina = new float[torch.length];
    if (p.kind() == ParameterKind.WEIGHT && s.length == 4) {
      // (f, in, kh, kw) → (kh, kw, in, f)
      int k = s[0];
      int in = s[2];
      int f = s[3];
      for (int o = 0; o < f; o++) {
        for (int c = 0; c < in; c++) {
          for (int kh = 0; kh < k; kh++) {
            for (int kw = 0; kw < k; kw++) {
              lamina[((kh * k + kw) * in + c) * f + o] = torch[((o * in + c) * k + kh) * k + kw];
            }
          }
        }
      }
      return lamina;
    }
    if (s.length == 3) {
      // layer normalization's (C, H, W) → (H, W, C)
      int h = s[0];
      int w = s[1];
      int ch = s[2];
      for (int c = 0; c < ch; c++) {
        for (int i = 0; i < h * w; i++) {
          lamina[i * ch + c] = torch[c * h * w + i];
        }
      }
      return lamina;
    }
    if (p.kind() == ParameterKind.WEIGHT) {
      // dense (out, C·H·W in torch's order) → (H·W·C in Lamina's order, out)
      int fanIn = s[0];
      int out = s[1];
      LayerSpec previous = previousOf(spec, p.name());
      Shape image = previous.isImage() ? previous.image().out() : new Shape(fanIn, 1, 1);
      int hw = image.pixels();
      int ch = image.channels();
      for (int j = 0; j < out; j++) {
        for (int c = 0; c < ch; c++) {
          for (int i = 0; i < hw; i++) {
            lamina[(i * ch + c) * out + j] = torch[j * fanIn + c * hw + i];
          }
        }
      }
      return lamina;
    }
    return torch;
  }

  private static LayerSpec previousOf(NetworkSpec spec, String parameter) {
    String layer = parameter.substring(0, parameter.indexOf('.'));
    for (int i = 1; i < spec.layers().size(); i++) {
      if (spec.layers().get(i).name().equals(layer)) {
        return spec.layers().get(i - 1);
      }
    }
    throw new AssertionError("no layer " + layer);
  }
}
