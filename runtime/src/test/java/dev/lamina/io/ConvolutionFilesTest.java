package dev.lamina.io;

import static dev.lamina.testing.NumericAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.lamina.nn.ConvolutionCase;
import dev.lamina.nn.NetworkSpec;
import dev.lamina.nn.ReferenceNetwork;
import dev.lamina.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
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
      Path file = dir.resolve(name + ".safetensors");
      List<Tensor> tensors = ConvolutionFiles.write(c, spec, file);

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
}
