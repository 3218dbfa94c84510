package dev.lamina.nn;

import static dev.lamina.testing.NumericAssertions.assertClose;

import dev.lamina.internal.TrainableNetwork;
import dev.lamina.testing.Fixtures;

/**
 * What the PyTorch fixture cases share: their tensors converted from PyTorch's layouts to
 * Lamina's, and the check of a network against a case — three training batches, then the last
 * batch's logits, loss and gradients, the running statistics, and eval-mode logits.
 *
 * <p>The layouts: a dense weight (units, fanIn) to (fanIn, units), its columns from PyTorch's
 * (C, H, W) flatten order to (H, W, C) after an image layer; a convolution's weight (filters, in,
 * kh, kw) to (kh, kw, in, filters); layer normalization's γ and β (C, H, W) to (H, W, C).
 */
final class PyTorchCase {
  private PyTorchCase() {}

  /**
   * Runs case {@code c} on {@code network} (fresh state) and fails with the largest difference;
   * {@code normLayer} is the layer whose running statistics a batch-normalized case checks.
   */
  static void check(Fixtures.Node c, TrainableNetwork network, boolean batchNorm, String normLayer,
      double abs, double rel) {
    String name = c.get("name").string();
    NetworkSpec spec = network.spec();
    load(spec, network.parameters(), c.get("parameters"));
    float[] logits = null;
    int rows = 0;
    int[] labels = null;
    for (int step = 0; step < 3; step++) {
      float[] x = c.get("inputs").at(step).floats();
      labels = c.get("labels").at(step).ints();
      rows = labels.length;
      logits = network.forwardTrain(x, rows, 0).clone();
    }
    assertClose(name + " training logits", c.floats("train_logits"), logits, abs, rel);
    float[] gradient = new float[logits.length];
    double loss = network.loss(logits, labels, rows, gradient) / rows;
    assertClose(name + " loss", c.get("loss").floatValue(), loss, abs, rel);
    network.backward(gradient, rows);
    for (Parameter p : network.parameters()) {
      assertClose(name + " d/d" + p.name(),
          toLamina(spec, p, c.get("gradients").get(p.name()).floats()), p.gradient(), abs, rel);
    }
    if (batchNorm) {
      assertClose(name + " running mean", c.floats("running_mean"),
          state(network, normLayer + ".running_mean"), abs, rel);
      assertClose(name + " running variance", c.floats("running_var"),
          state(network, normLayer + ".running_var"), abs, rel);
    }
    float[] x0 = c.get("inputs").at(0).floats();
    assertClose(name + " eval logits", c.floats("eval_logits"),
        network.forwardInfer(x0, x0.length / network.inputSize()), abs, rel);
  }

  /** Sets every parameter to its value in {@code values}, named as the parameter is. */
  static void load(NetworkSpec spec, Parameters parameters, Fixtures.Node values) {
    for (Parameter p : parameters) {
      float[] v = toLamina(spec, p, values.get(p.name()).floats());
      System.arraycopy(v, 0, p.values(), 0, v.length);
    }
  }

  /** Parameter {@code p}'s tensor (or its gradient) in PyTorch's layout, in Lamina's. */
  static float[] toLamina(NetworkSpec spec, Parameter p, float[] torch) {
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
      // dense (out, C·H·W in torch's order) → (H·W·C in Lamina's order, out); after a layer
      // that is not an image, C is fanIn and H·W is 1: a plain transpose
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

  private static float[] state(Network network, String name) {
    return network.state().stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no state " + name)).values();
  }
}
