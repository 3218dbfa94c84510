package dev.lamina.io;

import static dev.lamina.testing.NumericAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.lamina.nn.ConvolutionCase;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.NetworkSpec;
import dev.lamina.nn.Parameter;
import dev.lamina.nn.ReferenceNetwork;
import dev.lamina.nn.Shape;
import dev.lamina.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Convolutional models in files have PyTorch's layouts: nn.Conv2d's (filters, channels, k, k)
 * weights, LayerNorm's (C, H, W) γ and β, and a dense layer after an image reading PyTorch's
 * (C, H, W) flattening. PyTorch's own tensors from fixtures/convolution.json
 * (scripts/pytorch_conv_fixtures.py), written under PyTorch's shapes, load and give PyTorch's
 * eval logits.
 */
class ConvolutionFilesTest {
  @TempDir Path dir;

  @Test
  void pyTorchConvolutionTensorsLoadAndGivePyTorchsLogits() throws Exception {
    for (Fixtures.Node c : ConvolutionCase.cases()) {
      String name = c.get("name").string();
      NetworkSpec spec = ConvolutionCase.spec(c);
      ReferenceNetwork network = new ReferenceNetwork(spec, 1);
      List<Tensor> tensors = new ArrayList<>();
      for (Parameter p : network.parameters()) {
        tensors.add(new Tensor(p.name(), torchShape(spec, p),
            c.get("parameters").get(p.name()).floats()));
      }
      if (c.get("norm").get("kind").string().equals("batch")) {
        tensors.add(new Tensor("conv1.running_mean", new int[] {4}, c.floats("running_mean")));
        tensors.add(new Tensor("conv1.running_var", new int[] {4}, c.floats("running_var")));
        tensors.add(new Tensor("conv1.batches_tracked", new int[] {1}, new float[] {3}));
      }
      Path file = dir.resolve(name + ".safetensors");
      SafeTensors.write(file, Map.of("format", "pt"), tensors);

      ModelFile.load(network, file);
      float[] x0 = c.get("inputs").at(0).floats();
      assertClose(name + " eval logits", c.floats("eval_logits"),
          network.forwardInfer(x0, x0.length / network.inputSize()),
          ConvolutionCase.ABS, ConvolutionCase.REL);

      Path again = dir.resolve(name + "-lamina.safetensors");
      ModelFile.save(network, again);
      SafeTensorsFile read = SafeTensors.read(again);
      for (Tensor t : tensors) {
        assertArrayEquals(t.values(), read.floats(t.name(), t.shape()), name + " " + t.name());
      }
    }
  }

  /** The parameter's shape in PyTorch, worked out here independently of ModelTensors. */
  private static int[] torchShape(NetworkSpec spec, Parameter p) {
    int[] s = p.shape();
    LayerSpec layer = spec.layers().stream()
        .filter(l -> p.name().startsWith(l.name() + ".")).findFirst().orElseThrow();
    if (p.name().endsWith(".weight") && layer.type() == LayerSpec.Type.CONV) {
      return new int[] {s[0], s[3], s[1], s[2]};
    }
    if (p.name().endsWith(".weight")) {
      return new int[] {s[1], s[0]};
    }
    if (s.length == 3) {
      Shape out = layer.image().out();
      return new int[] {out.channels(), out.height(), out.width()};
    }
    return s;
  }
}
