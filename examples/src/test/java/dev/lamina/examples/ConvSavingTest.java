package dev.lamina.examples;

import static dev.lamina.testing.NumericAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.data.Dataset;
import dev.lamina.io.ConvolutionFiles;
import dev.lamina.io.ModelFile;
import dev.lamina.io.SafeTensors;
import dev.lamina.io.SafeTensorsFile;
import dev.lamina.nn.ConvolutionCase;
import dev.lamina.nn.Network;
import dev.lamina.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated convolutional networks and files: PyTorch's Conv2d, norm and Linear tensors load into
 * them and give PyTorch's logits, and saving them writes those tensors back exactly, under
 * PyTorch's names and shapes; a trained one round-trips bit for bit.
 */
class ConvSavingTest {
  /** The image cases of runtime's fixtures/safetensors.json (scripts/lamina_torch.py fixtures). */
  private static final Map<String, LongFunction<Network>> TWIN_CASES = Map.of(
      "image_dense", ConvTestModels_ImageDenseNet::new,
      "cnn_batch_group", ConvTestModels_CnnBatchGroupNet::new,
      "cnn_layer_instance", ConvTestModels_CnnLayerInstanceNet::new);

  @TempDir Path dir;

  @Test
  void pyTorchTensorsLoadIntoGeneratedNetworksAndSaveBackAsPyTorchWroteThem() throws Exception {
    int seen = 0;
    for (Fixtures.Node c : ConvolutionCase.cases()) {
      String name = c.get("name").string();
      Network network = ConvTestModels.PYTORCH_CASES.get(name).apply(3);
      Path file = dir.resolve(name + ".safetensors");
      ConvolutionFiles.write(c, ConvolutionCase.spec(c), file);
      ModelFile.load(network, file);
      float[] x0 = c.get("inputs").at(0).floats();
      int rows = x0.length / network.inputSize();
      float[] logits = Arrays.copyOf(network.forwardInfer(x0, rows), rows * network.outputSize());
      assertClose(name + " eval logits", c.floats("eval_logits"), logits,
          ConvolutionCase.ABS, ConvolutionCase.REL);
      assertSavesBack(name, network, file);
      seen++;
    }
    assertEquals(ConvTestModels.PYTORCH_CASES.size(), seen);
  }

  @Test
  void filesOfTheScriptsPyTorchTwinsLoadIntoGeneratedNetworksAndSaveBack() throws Exception {
    int seen = 0;
    for (Fixtures.Node c : Fixtures.load("safetensors").get("cases").elements()) {
      String name = c.get("name").string();
      if (!TWIN_CASES.containsKey(name)) {
        continue; // the dense ones: SavingTest's models
      }
      Network network = TWIN_CASES.get(name).apply(3);
      Path file = dir.resolve(name + ".safetensors");
      Files.write(file, Base64.getDecoder().decode(c.get("file_base64").string()));
      ModelFile.load(network, file);
      int rows = c.get("rows").intValue();
      float[] logits = Arrays.copyOf(network.forwardInfer(c.floats("input"), rows),
          rows * network.outputSize());
      assertClose(name + " logits", c.floats("logits"), logits, ConvolutionCase.ABS,
          ConvolutionCase.REL);
      assertSavesBack(name, network, file);
      seen++;
    }
    assertEquals(TWIN_CASES.size(), seen);
  }

  /** Saving {@code network} writes every tensor of {@code torchFile}: same names, shapes, bits. */
  private void assertSavesBack(String name, Network network, Path torchFile) throws Exception {
    Path again = dir.resolve(name + "-lamina.safetensors");
    ModelFile.save(network, again);
    SafeTensorsFile torch = SafeTensors.read(torchFile);
    SafeTensorsFile lamina = SafeTensors.read(again);
    assertEquals(new TreeSet<>(torch.names()), new TreeSet<>(lamina.names()), name + " tensor names");
    for (String tensor : torch.names()) {
      int[] shape = torch.entry(tensor).shape();
      assertArrayEquals(shape, lamina.entry(tensor).shape(), name + " " + tensor + " shape");
      assertArrayEquals(torch.floats(tensor, shape), lamina.floats(tensor, shape),
          name + " " + tensor + " values");
    }
  }

  @Test
  void trainedImageModelRoundTripsBitForBit() throws Exception {
    SplittableRandom random = new SplittableRandom(4);
    int features = 3 * 9 * 8;
    float[] x = new float[60 * features];
    int[] y = new int[60];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    for (int i = 0; i < y.length; i++) {
      y[i] = x[i * features] > 0 ? 1 : 0;
    }
    Dataset data = Dataset.of(x, y, features, 4);
    Network trained = ConvTestModels_ImageMixNet.trainer().epochs(1).batchSize(20).seed(2)
        .threads(1).build().fit(data, data.head(20)).network();
    Path file = dir.resolve("image-mix.safetensors");
    ModelFile.save(trained, file);
    Network loaded = new ConvTestModels_ImageMixNet(9);
    ModelFile.load(loaded, file);
    assertTrue(loaded.parameters().bitEquals(trained.parameters()));
    for (int i = 0; i < trained.state().size(); i++) {
      assertArrayEquals(trained.state().get(i).values(), loaded.state().get(i).values());
    }
    int n = 5 * trained.outputSize();
    assertArrayEquals(Arrays.copyOf(trained.forwardInfer(x, 5), n),
        Arrays.copyOf(loaded.forwardInfer(x, 5), n));
  }
}
