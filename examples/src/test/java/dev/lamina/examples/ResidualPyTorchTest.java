package dev.lamina.examples;

import static dev.lamina.testing.NumericAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.internal.TrainableNetwork;
import dev.lamina.io.ModelFile;
import dev.lamina.nn.Network;
import dev.lamina.nn.Parameter;
import dev.lamina.nn.ReferenceNetwork;
import dev.lamina.nn.StateTensor;
import dev.lamina.testing.Fixtures;
import dev.lamina.testing.NumericAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A residual network (GraphTestModels.Residual: identity block, strided projection shortcut with
 * batch norm, a max-pooled branch concatenated along channels, global average pooling) against
 * PyTorch on the same weights (fixtures/residual.json, scripts/pytorch_residual_fixtures.py):
 * three training batches, then the last batch's logits, loss and every parameter's gradient, every
 * batch norm's running statistics, and eval-mode logits. PyTorch's weights and gradients arrive as
 * PyTorch's state_dict files and go through Lamina's own loader, so the test also proves that a
 * residual model's tensors have PyTorch's names and layouts, and that the layer descriptions
 * scripts/lamina_torch.py builds the twin from are the ones Lamina writes.
 */
class ResidualPyTorchTest {
  /** Float32 on both sides (double in the reference); they differ in summation order only. */
  private static final double ABS = 5e-6;
  private static final double REL = 5e-5;

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"generated, 1 thread", "generated, 2 threads", "scalar reference"})
  void residualNetworkMatchesPyTorch(String which) throws IOException {
    Fixtures.Node c = Fixtures.load("residual");
    Supplier<TrainableNetwork> create = switch (which) {
      case "generated, 1 thread" -> () -> new GraphTestModels_ResidualNet(0);
      case "generated, 2 threads" -> () -> {
        GraphTestModels_ResidualNet net = new GraphTestModels_ResidualNet(0);
        net.threads(2);
        return net;
      };
      default -> () -> new ReferenceNetwork(GraphTestModels_ResidualNet.SPEC, 0);
    };
    TrainableNetwork network = create.get();
    // The file carries the script's layer descriptions: loading fails unless they are Lamina's.
    ModelFile.load(network, file(c, "weights_base64"));
    // PyTorch's gradients and statistics, named and laid out as its parameters: the loader turns
    // them into Lamina's layouts, to compare with Lamina's gradients tensor by tensor.
    TrainableNetwork torch = create.get();
    ModelFile.load(torch, file(c, "after_base64"));

    int rows = c.get("rows").intValue();
    float[] logits = null;
    int[] labels = null;
    for (int step = 0; step < 3; step++) {
      labels = c.get("labels").at(step).ints();
      logits = network.forwardTrain(c.get("inputs").at(step).floats(), rows, 0).clone();
    }
    Worst worst = new Worst();
    worst.add("training logits", assertClose(which + ": training logits",
        c.floats("train_logits"), logits, ABS, REL));
    float[] gradient = new float[logits.length];
    double loss = network.loss(logits, labels, rows, gradient) / rows;
    worst.add("loss", assertClose(which + ": loss", c.get("loss").floatValue(), loss, ABS, REL));
    network.backward(gradient, rows);
    List<Parameter> expected = torch.parameters().list();
    List<Parameter> actual = network.parameters().list();
    assertEquals(expected.size(), actual.size(), "parameters");
    for (int i = 0; i < actual.size(); i++) {
      String name = "d/d" + actual.get(i).name();
      worst.add(name, assertClose(which + ": " + name, expected.get(i).values(),
          actual.get(i).gradient(), ABS, REL));
    }
    List<StateTensor> statistics = torch.state();
    assertEquals(statistics.size(), network.state().size(), "state tensors");
    assertEquals(18, statistics.size(), "six batch norms' mean, variance and count");
    for (int i = 0; i < statistics.size(); i++) {
      StateTensor s = network.state().get(i);
      worst.add(s.name(), assertClose(which + ": " + s.name() + " after three batches",
          statistics.get(i).values(), s.values(), ABS, REL));
    }
    float[] x0 = c.get("inputs").at(0).floats();
    worst.add("eval logits", assertClose(which + ": eval logits", c.floats("eval_logits"),
        ((Network) network).forwardInfer(x0, rows), ABS, REL));
    System.out.println("PyTorch residual, " + which + ": " + (expected.size() + statistics.size()
        + 3) + " checks pass; closest to its tolerance: " + worst);
  }

  private Path file(Fixtures.Node c, String key) throws IOException {
    Path file = dir.resolve(key + ".safetensors");
    Files.write(file, Base64.getDecoder().decode(c.get(key).string()));
    return file;
  }

  /** The check that came closest to its tolerance, for the log. */
  private static final class Worst {
    private String name = "";
    private NumericAssertions.Diff diff;

    void add(String what, NumericAssertions.Diff d) {
      if (diff == null || d.toleranceUsed() > diff.toleranceUsed()) {
        name = what;
        diff = d;
      }
    }

    @Override
    public String toString() {
      return name + " (" + diff + ")";
    }
  }
}
