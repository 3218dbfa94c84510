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
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Graph networks against PyTorch on the same weights (fixtures/graphs.json,
 * scripts/pytorch_graph_fixtures.py): GraphTestModels.Residual (identity block, strided
 * projection shortcut with batch norm, a max-pooled branch concatenated along channels, global
 * average pooling), ConcatHead (two convolutions and the input concatenated, then flattened into
 * a dense layer) and FlatGraph (dense branches and the input concatenated along features, a
 * batch-normalized dense layer summed with a branch under leaky ReLU) and InputReaders (a
 * two-channel input read by a convolution and, through @From, by a dense layer):
 * three training batches, then the last batch's logits, loss and every parameter's gradient, every
 * batch norm's running statistics, and eval-mode logits, for the generated network on one thread
 * and two and for the scalar reference. PyTorch's weights and gradients arrive as PyTorch's
 * state_dict files and go through Lamina's own loader, so the test also proves that a graph
 * model's tensors have PyTorch's names and layouts, and that the layer descriptions
 * scripts/lamina_torch.py builds the twin from are the ones Lamina writes.
 */
class GraphPyTorchTest {
  /** Float32 on both sides (double in the reference); they differ in summation order only. */
  private static final double ABS = 5e-6;
  private static final double REL = 5e-5;

  @TempDir Path dir;

  /** The fixture's cases, by name, and how to make their generated networks. */
  private static final Map<String, LongFunction<TrainableNetwork>> MODELS = Map.of(
      "residual", GraphTestModels_ResidualNet::new,
      "concat_head", GraphTestModels_ConcatHeadNet::new,
      "flat_graph", GraphTestModels_FlatGraphNet::new,
      "input_readers", GraphTestModels_InputReadersNet::new);

  static Stream<Arguments> cases() {
    List<Fixtures.Node> cases = Fixtures.load("graphs").get("cases").elements();
    assertEquals(MODELS.keySet(), cases.stream().map(c -> c.get("name").string())
        .collect(java.util.stream.Collectors.toSet()), "the fixture's cases");
    return cases.stream().flatMap(c -> Stream.of("generated, 1 thread", "generated, 2 threads",
        "scalar reference").map(which -> Arguments.of(c.get("name").string(), which, c)));
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("cases")
  void graphNetworkMatchesPyTorch(String name, String which, Fixtures.Node c) throws IOException {
    LongFunction<TrainableNetwork> model = MODELS.get(name);
    Supplier<TrainableNetwork> create = switch (which) {
      case "generated, 1 thread" -> () -> model.apply(0);
      case "generated, 2 threads" -> () -> {
        TrainableNetwork net = model.apply(0);
        net.threads(2);
        return net;
      };
      default -> () -> new ReferenceNetwork(model.apply(0).spec(), 0);
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
      String what = "d/d" + actual.get(i).name();
      worst.add(what, assertClose(which + ": " + what, expected.get(i).values(),
          actual.get(i).gradient(), ABS, REL));
    }
    List<StateTensor> statistics = torch.state();
    assertEquals(statistics.size(), network.state().size(), "state tensors");
    for (int i = 0; i < statistics.size(); i++) {
      StateTensor s = network.state().get(i);
      assertEquals(statistics.get(i).name(), s.name());
      worst.add(s.name(), assertClose(which + ": " + s.name() + " after three batches",
          statistics.get(i).values(), s.values(), ABS, REL));
    }
    float[] x0 = c.get("inputs").at(0).floats();
    worst.add("eval logits", assertClose(which + ": eval logits", c.floats("eval_logits"),
        ((Network) network).forwardInfer(x0, rows), ABS, REL));
    System.out.println("PyTorch " + name + ", " + which + ": " + (expected.size() + statistics.size()
        + 3) + " tensors agree; closest to its tolerance: " + worst);
  }

  private Path file(Fixtures.Node c, String key) throws IOException {
    Path file = dir.resolve(c.get("name").string() + "-" + key + ".safetensors");
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
