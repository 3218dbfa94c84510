package dev.lamina.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.Nonlinearity;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.NetworkSpec;
import dev.lamina.nn.ReferenceNetwork;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each way a file can be wrong fails with a message that names the file, what was expected and
 * what was found, and leaves the network exactly as it was: nothing is half-loaded.
 */
class BadFilesTest {
  private static final String CLASS = ReferenceNetwork.class.getName();

  @TempDir Path dir;
  private ReferenceNetwork network;
  private Map<String, float[]> before;
  private Path good;
  private byte[] goodBytes;

  @BeforeEach
  void saveAGoodFile() throws Exception {
    ReferenceNetwork source = new ReferenceNetwork(TestSpecs.normalized("Normalized"), 1);
    Tensors.randomize(source, 7);
    good = dir.resolve("good.safetensors");
    ModelFile.save(source, good);
    goodBytes = Files.readAllBytes(good);
    network = new ReferenceNetwork(TestSpecs.normalized("Normalized"), 2);
    Tensors.randomize(network, 8);
    before = Tensors.copy(network);
  }

  /** Loads {@code file}, expects a failure whose message contains each fragment, in order. */
  private void fails(Path file, String... fragments) {
    ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(network, file));
    String message = e.getMessage();
    assertTrue(message.startsWith(file + ": "), "names the file: " + message);
    int from = 0;
    for (String f : fragments) {
      int at = message.indexOf(f, from);
      assertTrue(at >= 0, "expected \"" + f + "\" in: " + message);
      from = at + f.length();
    }
    assertEquals(file, e.file());
    assertEquals(List.of(), Tensors.differences(before, Tensors.copy(network)), "nothing loaded");
  }

  private Path bytes(String name, byte[] content) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, content);
    return file;
  }

  @Test
  void anotherModel() throws Exception {
    ReferenceNetwork other = new ReferenceNetwork(TestSpecs.normalized("Other"), 1);
    Path file = dir.resolve("other.safetensors");
    ModelFile.save(other, file);
    fails(file, "holds another model: expected Normalized (" + CLASS + "), found Other (" + CLASS + ")");
  }

  @Test
  void sameNameButAnotherArchitecture() throws Exception {
    NetworkSpec spec = TestSpecs.normalized("Normalized");
    List<LayerSpec> layers = new ArrayList<>(spec.layers());
    LayerSpec c = layers.get(3);
    layers.set(3, new LayerSpec(c.name(), c.type(), c.units(), c.fanIn(), c.bias(),
        c.weightInit(), c.biasInit(), Nonlinearity.SIGMOID, c.slope(), c.keep(), c.dropoutMode(), c.norm(), c.noise(),
        c.decayScale(), c.decayBias()));
    Path file = dir.resolve("edited.safetensors");
    ModelFile.save(new ReferenceNetwork(new NetworkSpec("Normalized", spec.loss(), 0, layers), 1), file);
    fails(file, "holds a different Normalized than the one loading it: layer 4 (c) has activation"
        + " \"sigmoid\" in the file, expected \"leaky_relu\"");
  }

  @Test
  void layersThatDifferInAFileThatNamesNoModel() throws Exception {
    // What a PyTorch twin writes: the tensors and lamina.layers, no lamina.model.
    Map<String, String> metadata = new java.util.HashMap<>(ModelFile.metadata(network, "model"));
    metadata.keySet().retainAll(List.of("format", ModelFile.KEY_LAYERS));
    metadata.put(ModelFile.KEY_LAYERS, metadata.get(ModelFile.KEY_LAYERS)
        .replace("\"leaky_relu\"", "\"sigmoid\""));
    Path file = dir.resolve("twin.safetensors");
    SafeTensors.write(file, metadata, ModelTensors.tensors(ModelTensors.of(network)));
    fails(file, "holds a different model than the one loading it: layer 4 (c) has activation"
        + " \"sigmoid\" in the file, expected \"leaky_relu\"");
  }

  @Test
  void wrongShapeInTheLastTensorLoadsNothing() throws Exception {
    List<Tensor> tensors = ModelTensors.tensors(ModelTensors.of(network));
    Tensor last = tensors.get(tensors.size() - 1);
    tensors.set(tensors.size() - 1, new Tensor(last.name(), new int[] {2}, new float[2]));
    Path file = dir.resolve("shape.safetensors");
    SafeTensors.write(file, Map.of("format", "pt"), tensors);
    fails(file, "expected tensor \"a.batches_tracked\" to have shape [1], found [2]");
  }

  @Test
  void transposedWeightIsAWrongShape() throws Exception {
    List<Tensor> tensors = new ArrayList<>(ModelTensors.tensors(ModelTensors.of(network)));
    tensors.set(0, new Tensor("a.weight", new int[] {6, 9}, tensors.get(0).values()));
    Path file = dir.resolve("lamina-layout.safetensors");
    SafeTensors.write(file, Map.of(), tensors);
    fails(file, "expected tensor \"a.weight\" to have shape [9, 6], found [6, 9]");
  }

  @Test
  void missingAndExtraTensors() throws Exception {
    List<Tensor> tensors = new ArrayList<>(ModelTensors.tensors(ModelTensors.of(network)));
    tensors.remove(4);
    Path missing = dir.resolve("missing.safetensors");
    SafeTensors.write(missing, Map.of(), tensors);
    fails(missing, "expected the tensors [a.weight", "found no [b.bias]; the file has [");

    tensors = new ArrayList<>(ModelTensors.tensors(ModelTensors.of(network)));
    tensors.add(new Tensor("d.weight", new int[] {2, 2}, new float[4]));
    Path extra = dir.resolve("extra.safetensors");
    SafeTensors.write(extra, Map.of(), tensors);
    fails(extra, "expected only the tensors [a.weight", "found also [d.weight]");
  }

  @Test
  void wrongDtype() throws Exception {
    // The header records F32 for a.weight; claim I32, which has the same size.
    byte[] edited = new String(goodBytes, StandardCharsets.ISO_8859_1)
        .replaceFirst("\"a.weight\":\\{\"dtype\":\"F32\",\"shape\":\\[9,6\\]",
            "\"a.weight\":{\"dtype\":\"I32\",\"shape\":[9,6]")
        .getBytes(StandardCharsets.ISO_8859_1);
    assertTrue(edited.length == goodBytes.length && !Arrays.equals(edited, goodBytes));
    fails(bytes("dtype.safetensors", edited),
        "expected tensor \"a.weight\" to be F32 (float32), found I32");
  }

  @Test
  void truncatedFiles() throws Exception {
    fails(bytes("cut-data.safetensors", Arrays.copyOf(goodBytes, goodBytes.length - 10)),
        "is truncated: expected " , " bytes of tensor data after the header, found ");
    fails(bytes("cut-header.safetensors", Arrays.copyOf(goodBytes, 100)),
        "is truncated: expected a header of ", " bytes after the first 8, found only 92 bytes");
    fails(bytes("cut-length.safetensors", Arrays.copyOf(goodBytes, 5)),
        "is not a safetensors file: expected at least the 8 bytes of the header length, found 5");
    fails(bytes("empty.safetensors", new byte[0]), "found 0 bytes (truncated?)");
  }

  @Test
  void corruptedFiles() throws Exception {
    byte[] data = goodBytes.clone();
    data[data.length - 3] ^= 0x10;
    fails(bytes("flipped-data.safetensors", data),
        "is corrupted: expected tensor data with SHA-256 ", "(recorded when it was written), found ");

    byte[] header = goodBytes.clone();
    header[9] = '[';
    fails(bytes("flipped-header.safetensors", header), "is corrupted or not a safetensors file: its"
        + " header is not valid JSON (expected ");

    byte[] length = goodBytes.clone();
    length[7] = 0x7f;
    fails(bytes("length.safetensors", length), "is not a safetensors file: its first 8 bytes give"
        + " a header of ", "bytes; expected 2 to 100000000");

    fails(bytes("text.safetensors", "this is a text file, not a model\n".getBytes()),
        "is not a safetensors file");

    byte[] longer = Arrays.copyOf(goodBytes, goodBytes.length + 4);
    fails(bytes("longer.safetensors", longer), "is corrupted: expected ",
        " bytes of tensor data after the header, found ", "(bytes the header does not describe)");
  }

  @Test
  void newerFormatVersion() throws Exception {
    Map<String, String> metadata = new LinkedHashMap<>(ModelFile.metadata(network, "model"));
    metadata.put("lamina.format", "2");
    metadata.put("lamina.version", "9.0.0");
    Path file = dir.resolve("newer.safetensors");
    SafeTensors.write(file, metadata, ModelTensors.tensors(ModelTensors.of(network)));
    fails(file, "was written by a newer Lamina (9.0.0, file format 2); expected file format 1 or"
        + " older, which Lamina " + LaminaVersion.get() + " reads: upgrade Lamina to load it");
  }

  @Test
  void missingFile() {
    fails(dir.resolve("nowhere.safetensors"), "no such file");
  }

  @Test
  void aDirectoryIsNamedAsOne() throws Exception {
    Path directory = Files.createDirectories(dir.resolve("models"));
    fails(directory, "is a directory; give the model file itself, e.g. "
        + directory.resolve("model.safetensors"));
  }

  /** A file with a valid checksum whose weights diverged: refused, naming the tensor. */
  @Test
  void nonFiniteValuesAreRefusedNamingTheTensor() throws Exception {
    ReferenceNetwork diverged = new ReferenceNetwork(TestSpecs.normalized("Normalized"), 1);
    Tensors.randomize(diverged, 7);
    float[] c = diverged.parameters().get("b.bias").values();
    c[1] = Float.NaN;
    Path nan = dir.resolve("nan.safetensors");
    ModelFile.save(diverged, nan);
    fails(nan, "tensor \"b.bias\" holds NaN at flat index 1 (in the file's layout); a model's"
        + " values must be finite");

    c[1] = 0;
    diverged.state().getLast().values()[0] = Float.NEGATIVE_INFINITY;
    Path infinite = dir.resolve("infinite.safetensors");
    ModelFile.save(diverged, infinite);
    fails(infinite, "tensor \"" + diverged.state().getLast().name() + "\" holds -Infinity at"
        + " flat index 0");
  }
}
