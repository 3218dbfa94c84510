package dev.lamina.io;

import static dev.lamina.testing.NumericAssertions.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lamina.nn.NetworkSpec;
import dev.lamina.nn.ReferenceNetwork;
import dev.lamina.testing.Fixtures;
import dev.lamina.testing.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files saved from PyTorch load into Lamina and give PyTorch's logits; Lamina saves them back
 * tensor for tensor as PyTorch wrote them. The fixture (scripts/lamina_torch.py fixtures) holds
 * the bytes of each file as PyTorch's side wrote them — byte-identical to safetensors'
 * own save_file — so this runs without PyTorch. Its models are the script's PyTorch twins: dense
 * ones, a dense layer straight after a (C, H, W) image input, and two CNNs (Conv2d weights,
 * the four normalizations' γ, β and running statistics, max and average pooling, a dense layer
 * reading torch.flatten's (C, H, W) order).
 */
class SafeTensorsPyTorchTest {
  /** Lamina's scalar reference in double against PyTorch in float32. */
  private static final double LOGITS_ABS = 1e-5;

  @TempDir Path dir;

  @Test
  void pyTorchFilesLoadAndGivePyTorchsLogits() throws Exception {
    for (Fixtures.Node c : Fixtures.load("safetensors").get("cases").elements()) {
      String name = c.get("name").string();
      Path file = dir.resolve(name + ".safetensors");
      Files.write(file, Base64.getDecoder().decode(c.get("file_base64").string()));
      NetworkSpec spec = TestSpecs.of(name, c.get("layers"));
      ReferenceNetwork network = new ReferenceNetwork(spec, 1);

      ModelFile.Info info = ModelFile.load(network, file);
      assertEquals("", info.model(), "a PyTorch file has no Lamina metadata");
      float[] logits = network.forwardInfer(c.floats("input"), c.get("rows").intValue());
      System.out.println(name + " logits against PyTorch: " + assertClose(name + " logits",
          c.floats("logits"), logits, LOGITS_ABS, 0));

      // Saved back by Lamina: the same tensors, names, shapes and values PyTorch wrote.
      Path again = dir.resolve(name + "-lamina.safetensors");
      ModelFile.save(network, again);
      SafeTensorsFile torch = SafeTensors.read(file);
      SafeTensorsFile lamina = SafeTensors.read(again);
      assertEquals(sorted(torch.names()), sorted(lamina.names()), name + " tensor names");
      for (String tensor : torch.names()) {
        int[] shape = torch.entry(tensor).shape();
        assertArrayEquals(shape, lamina.entry(tensor).shape(), name + " " + tensor + " shape");
        assertArrayEquals(torch.floats(tensor, shape), lamina.floats(tensor, shape),
            name + " " + tensor + " values");
      }
      // The script's layer descriptions are the ones Lamina writes (init aside).
      Object written = HeaderJson.parse(lamina.metadata().get(ModelFile.KEY_LAYERS));
      assertNull(LayerDescriptions.difference((List<?>) written, (List<?>) plain(c.get("layers").value())),
          name + ": lamina.layers as Lamina writes it and as scripts/lamina_torch.py reads it");
    }
  }

  private static List<String> sorted(List<String> names) {
    List<String> copy = new ArrayList<>(names);
    copy.sort(null);
    return copy;
  }

  /** A fixture value with numbers as HeaderJson reads them: Long for integers, else Double. */
  private static Object plain(Object v) {
    if (v instanceof Json.Num n) {
      return n.text().matches("-?\\d+") ? (Object) Long.parseLong(n.text()) : (Object) n.doubleValue();
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(e -> out.add(plain(e)));
      return out;
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, e) -> out.put((String) k, plain(e)));
      return out;
    }
    return v;
  }
}
