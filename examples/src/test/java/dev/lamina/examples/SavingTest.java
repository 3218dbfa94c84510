package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.data.Dataset;
import dev.lamina.io.ModelFile;
import dev.lamina.io.ModelFileException;
import dev.lamina.nn.ModelSummary;
import dev.lamina.nn.Parameters;
import dev.lamina.train.Optimizer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated networks saved and loaded: the same weights and outputs, and other models refused. */
class SavingTest {
  @TempDir Path dir;

  @Test
  void trainedModelRoundTripsBitForBit() throws Exception {
    Dataset data = ReproducibilityTest.synthetic(300, 784, 1);
    FashionMlpNet trained = FashionMlpNet.trainer().optimizer(Optimizer.adam(1e-3)).epochs(1)
        .batchSize(50).seed(3).threads(1).build().fit(data, data.head(50)).network();
    Path file = dir.resolve("fashion.safetensors");
    ModelFile.save(trained, file);

    FashionMlpNet loaded = new FashionMlpNet(99);
    assertFalse(loaded.parameters().bitEquals(trained.parameters()));
    ModelFile.Info info = ModelFile.load(loaded, file);
    assertTrue(loaded.parameters().bitEquals(trained.parameters()));
    assertEquals("FashionMlp", info.model());
    assertEquals(FashionMlpNet.class.getName(), info.className());

    float[] input = data.head(20).features();
    assertArrayEquals(Arrays.copyOf(trained.forwardInfer(input, 20), 200),
        Arrays.copyOf(loaded.forwardInfer(input, 20), 200));
    // And onward training goes on identically from the loaded copy.
    Dataset more = ReproducibilityTest.synthetic(100, 784, 2);
    Parameters a = FashionMlpNet.trainer().epochs(1).batchSize(25).seed(4).threads(1).build()
        .fit(trained, more, more).network().parameters();
    Parameters b = FashionMlpNet.trainer().epochs(1).batchSize(25).seed(4).threads(1).build()
        .fit(loaded, more, more).network().parameters();
    assertTrue(a.bitEquals(b));
  }

  @Test
  void fileOfAnotherModelIsRefusedAndNothingLoads() throws Exception {
    Path file = dir.resolve("smooth.safetensors");
    ModelFile.save(new TestModels_SmoothNet(1), file);
    FashionMlpNet network = new FashionMlpNet(5);
    FashionMlpNet untouched = new FashionMlpNet(5);
    ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(network, file));
    assertEquals(file + ": holds another model: expected FashionMlp (" + FashionMlpNet.class.getName()
        + "), found Smooth (" + TestModels_SmoothNet.class.getName() + ")", e.getMessage());
    assertTrue(network.parameters().bitEquals(untouched.parameters()));
  }

  @Test
  void batchNormalizedModelKeepsItsRunningStatistics() throws Exception {
    Dataset data = ReproducibilityTest.synthetic(200, 13, 5);
    var trained = TestModels_NormalizedNet.trainer().epochs(1).batchSize(20).seed(6).threads(1)
        .build().fit(data, data.head(40)).network();
    Path file = dir.resolve("normalized.safetensors");
    ModelFile.save(trained, file);
    var loaded = new TestModels_NormalizedNet(7);
    ModelFile.load(loaded, file);
    assertTrue(loaded.parameters().bitEquals(trained.parameters()));
    for (int i = 0; i < trained.state().size(); i++) {
      assertArrayEquals(trained.state().get(i).values(), loaded.state().get(i).values(),
          trained.state().get(i).name());
    }
    float[] input = data.head(9).features();
    assertArrayEquals(Arrays.copyOf(trained.forwardInfer(input, 9), 45),
        Arrays.copyOf(loaded.forwardInfer(input, 9), 45));
  }

  @Test
  void fashionMlpCommandSummarizesTheModel() {
    String summary = ModelSummary.of(new FashionMlpNet(1)).toString();
    assertTrue(summary.startsWith("Model: FashionMlp (" + FashionMlpNet.class.getName() + ")"), summary);
    assertTrue(summary.replaceAll(" {2,}", " | ").contains(
        " hidden1 (Dense) | (256) | 200,960 | relu | he (std 0.0505) | - | keep 0.8"), summary);
    assertTrue(summary.contains("Total params: 235,146 (918.5 KiB)"), summary);
  }

  @Test
  void loadRefusesTrainingOptions() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"fashion-mlp", "--load", "x.safetensors", "--epochs", "2"},
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
    assertEquals(2, code);
    assertEquals("lamina fashion-mlp: --epochs is a training option, but --load evaluates a saved"
        + " model without training; drop one of them", err.toString(StandardCharsets.UTF_8).strip());
  }
}
