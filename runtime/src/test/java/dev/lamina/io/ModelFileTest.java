package dev.lamina.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.nn.NetworkSpec;
import dev.lamina.nn.Parameter;
import dev.lamina.nn.ReferenceNetwork;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving and loading a model: bit-exact round trips, PyTorch's layout, the identity it records. */
class ModelFileTest {
  @TempDir Path dir;

  @Test
  void roundTripRestoresEveryTensorBitForBit() throws Exception {
    NetworkSpec spec = TestSpecs.normalized("Normalized");
    ReferenceNetwork saved = new ReferenceNetwork(spec, 1);
    Tensors.randomize(saved, 2);
    Path file = dir.resolve("model.safetensors");
    ModelFile.save(saved, file);

    ReferenceNetwork loaded = new ReferenceNetwork(spec, 3);
    assertFalse(Tensors.differences(Tensors.copy(saved), Tensors.copy(loaded)).isEmpty());
    ModelFile.Info info = ModelFile.load(loaded, file);
    assertEquals(List.of(), Tensors.differences(Tensors.copy(saved), Tensors.copy(loaded)));
    assertEquals(13, Tensors.copy(loaded).size(), "weights, biases, γ, β and running statistics");

    float[] input = new float[4 * spec.inputSize()];
    for (int i = 0; i < input.length; i++) {
      input[i] = (float) Math.sin(i);
    }
    assertArrayEquals(saved.forwardInfer(input, 4).clone(), loaded.forwardInfer(input, 4));
    assertEquals(new ModelFile.Info(file, "Normalized", ReferenceNetwork.class.getName(),
        LaminaVersion.get(), "model", ModelFile.FORMAT_VERSION), info);
  }

  /** Dense weights are (units, fanIn) in the file, like nn.Linear.weight; the rest as is. */
  @Test
  void storesPyTorchsLayoutAndTheModelsIdentity() throws Exception {
    ReferenceNetwork network = new ReferenceNetwork(TestSpecs.normalized("Normalized"), 1);
    Tensors.randomize(network, 4);
    Path file = dir.resolve("model.safetensors");
    ModelFile.save(network, file);
    SafeTensorsFile read = SafeTensors.read(file);

    Parameter w = network.parameters().get("a.weight"); // (fanIn 6, units 9) in Lamina
    float[] stored = read.floats("a.weight", new int[] {9, 6});
    for (int i = 0; i < 6; i++) {
      for (int j = 0; j < 9; j++) {
        assertEquals(w.values()[i * 9 + j], stored[j * 6 + i], "a.weight[" + j + "][" + i + "]");
      }
    }
    assertArrayEquals(network.parameters().get("a.gamma").values(),
        read.floats("a.gamma", new int[] {9}));
    assertArrayEquals(network.state().get(1).values(), read.floats("a.running_var", new int[] {9}));
    assertEquals(List.of("a.weight", "a.gamma", "a.beta", "b.weight", "b.bias", "b.gamma", "b.beta",
        "c.weight", "out.weight", "out.bias", "a.running_mean", "a.running_var",
        "a.batches_tracked"), read.names());

    Map<String, String> m = read.metadata();
    assertEquals("pt", m.get("format"));
    assertEquals("1", m.get("lamina.format"));
    assertEquals(LaminaVersion.get(), m.get("lamina.version"));
    assertTrue(LaminaVersion.get().matches("\\d+\\.\\d+\\.\\d+.*"), LaminaVersion.get());
    assertEquals("model", m.get("lamina.kind"));
    assertEquals("Normalized", m.get("lamina.model"));
    assertEquals(ReferenceNetwork.class.getName(), m.get("lamina.class"));
    assertEquals("SOFTMAX_CROSS_ENTROPY", m.get("lamina.loss"));
    assertEquals("[{\"name\":\"in\",\"type\":\"input\",\"units\":6,\"keep\":0.8,"
        + "\"dropout\":\"classic\"},{\"name\":\"a\",\"type\":\"dense\",\"units\":9,\"fan_in\":6,"
        + "\"bias\":false,\"init\":\"he\",\"activation\":\"relu\",\"norm\":{\"kind\":\"batch\","
        + "\"placement\":\"before_activation\",\"eps\":1.0E-5,\"running_stats\":\"exponential\","
        + "\"momentum\":0.1},\"keep\":0.5,\"dropout\":\"inverted\"},", 
        m.get("lamina.layers").substring(0, m.get("lamina.layers").indexOf("{\"name\":\"b\"")));
    assertEquals(m.get("lamina.layers"), HeaderJson.write(LayerDescriptions.of(network.spec())));
  }

  /** Init settings only say how training started: a file saved under others still loads. */
  @Test
  void initializerSettingsDoNotBlockLoading() throws Exception {
    NetworkSpec spec = TestSpecs.normalized("Normalized");
    ReferenceNetwork saved = new ReferenceNetwork(spec, 1);
    Path file = dir.resolve("model.safetensors");
    ModelFile.save(saved, file);
    List<dev.lamina.nn.LayerSpec> layers = new java.util.ArrayList<>(spec.layers());
    dev.lamina.nn.LayerSpec c = layers.get(3);
    layers.set(3, new dev.lamina.nn.LayerSpec(c.name(), c.type(), c.units(), c.fanIn(), c.bias(),
        dev.lamina.init.InitSpec.of(dev.lamina.Init.HE), c.biasInit(), c.activation(), c.slope(), c.keep(), c.dropoutMode(), c.norm(),
        c.noise(), c.decayScale(), c.decayBias()));
    ReferenceNetwork other = new ReferenceNetwork(
        new NetworkSpec("Normalized", spec.loss(), 0, layers), 5);
    ModelFile.load(other, file);
    assertEquals(List.of(), Tensors.differences(Tensors.copy(saved), Tensors.copy(other)));
  }
}
