package dev.lamina.io;

import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.NetworkSpec;
import dev.lamina.nn.Parameter;
import dev.lamina.nn.Shape;
import dev.lamina.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Safetensors files of PyTorch's tensors from fixtures/convolution.json, under PyTorch's shapes
 * worked out here independently of {@link ModelTensors}: what {@code torch.save_file} of the
 * fixture's model would hold. Shared with the generated networks' tests.
 */
public final class ConvolutionFiles {
  private ConvolutionFiles() {}

  /** Writes case {@code c}'s parameters (and running statistics) for a network of {@code spec}. */
  public static List<Tensor> write(Fixtures.Node c, NetworkSpec spec, Path file) throws IOException {
    List<Tensor> tensors = new ArrayList<>();
    for (Parameter p : spec.newParameters()) {
      tensors.add(new Tensor(p.name(), torchShape(spec, p),
          c.get("parameters").get(p.name()).floats()));
    }
    if (c.get("norm").get("kind").string().equals("batch")) {
      int channels = c.get("conv1").get("filters").intValue();
      tensors.add(new Tensor("conv1.running_mean", new int[] {channels}, c.floats("running_mean")));
      tensors.add(new Tensor("conv1.running_var", new int[] {channels}, c.floats("running_var")));
      tensors.add(new Tensor("conv1.batches_tracked", new int[] {1}, new float[] {3}));
    }
    SafeTensors.write(file, Map.of("format", "pt"), tensors);
    return tensors;
  }

  private static int[] torchShape(NetworkSpec spec, Parameter p) {
    int[] s = p.shape();
    LayerSpec layer = spec.layers().stream()
        .filter(l -> p.name().startsWith(l.name() + ".")).findFirst().orElseThrow();
    if (p.name().endsWith(".weight") && layer.type() == LayerSpec.Type.CONV) {
      int k = layer.image().kernel();
      return new int[] {layer.image().out().channels(), layer.image().in().channels(), k, k};
    }
    if (p.name().endsWith(".weight")) {
      return new int[] {layer.units(), layer.fanIn()};
    }
    if (s.length == 3) {
      Shape out = layer.image().out();
      return new int[] {out.channels(), out.height(), out.width()};
    }
    return s;
  }
}
