package dev.lamina.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.DropoutMode;
import dev.lamina.Init;
import dev.lamina.Loss;
import dev.lamina.Nonlinearity;
import dev.lamina.io.ModelFile;
import dev.lamina.nn.InputScaling;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.NetworkSpec;
import dev.lamina.nn.ReferenceNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One model file holds everything fitted to the training table: the weights, the input's
 * standardization (state) and the encoder's categories, fill values and class names (an
 * attachment in its header), so a program that only has the file predicts a raw row.
 */
class TableEncoderInModelTest {
  @TempDir Path dir;

  private static final String TRAIN = """
      age,plan,monthly,churned
      41,basic,29.5,no
      35,premium,59.0,yes
      52,basic,,no
      23,family,45.0,yes
      30,premium,61.5,no
      """;

  /** age, plan as 3 one-hot features, monthly: 5 inputs, standardized; 2 classes. */
  private static final NetworkSpec SPEC = new NetworkSpec("Churn", Loss.SOFTMAX_CROSS_ENTROPY, 0,
      List.of(LayerSpec.input("row", 5, 1, DropoutMode.INVERTED),
          LayerSpec.dense("out", 2, 5, true, Init.XAVIER, 0, Nonlinearity.IDENTITY, 0, 1,
              DropoutMode.INVERTED))).withInputScaling(InputScaling.STANDARDIZE);

  @Test
  void aModelSavedWithItsEncoderPredictsARawRowFromThatFileAlone() throws IOException {
    Path csv = dir.resolve("churn.csv");
    Files.writeString(csv, TRAIN);
    CsvTable table = CsvTable.read(csv);
    TableEncoder encoder = TableEncoder.fit(table, TableSpec.builder().target("churned")
        .categorical("plan").missing(Missing.mean()).build());
    Dataset data = encoder.dataset(table);
    ReferenceNetwork trained = new ReferenceNetwork(SPEC, 3);
    dev.lamina.nn.InputScaling.fit(trained, data);
    Path file = dir.resolve("churn.safetensors");

    encoder.saveWithModel(trained, file);

    ReferenceNetwork loaded = new ReferenceNetwork(SPEC, 99);
    ModelFile.load(loaded, file);
    TableEncoder rows = TableEncoder.loadFromModel(file);
    assertEquals(encoder.featureNames(), rows.featureNames());
    assertEquals(List.of("no", "yes"), rows.target().classNames());
    Map<String, String> raw = Map.of("age", "47", "plan", "family", "monthly", "");
    float[] x = rows.encode(raw);
    // monthly's fill is the training mean, (29.5 + 59 + 45 + 61.5) / 4 = 48.75
    assertArrayEquals(new float[] {47, 0, 1, 0, 48.75f}, x);
    assertArrayEquals(encoder.encode(raw), x);
    assertArrayEquals(trained.forwardInfer(x, 1), loaded.forwardInfer(x, 1),
        "the loaded model, its standardization included, predicts as the trained one");
    float[] mean = loaded.state().get(0).values();
    assertEquals(36.2f, mean[0], 1e-5f, "the age's mean over the 5 training rows: 181 / 5");
    assertEquals(Map.of("table_encoder", TableEncoderFile.json(encoder)),
        ModelFile.attachments(file));
  }

  @Test
  void aModelFileWithoutAnEncoderAndAnEncoderOfAnotherSizeAreRefused() throws IOException {
    Path plain = dir.resolve("plain.safetensors");
    ReferenceNetwork network = new ReferenceNetwork(SPEC, 1);
    ModelFile.save(network, plain);
    DataFormatException none = assertThrows(DataFormatException.class,
        () -> TableEncoder.loadFromModel(plain));
    assertTrue(none.getMessage().endsWith("holds no table encoder; save the model with"
        + " encoder.saveWithModel(network, file) to keep its encoder in it, or read a separate"
        + " encoder file with TableEncoder.load"), none.getMessage());
    assertEquals(Map.of(), ModelFile.attachments(plain));

    Path csv = dir.resolve("small.csv");
    Files.writeString(csv, "a,b,y\n1,2,0\n3,4,1\n");
    CsvTable table = CsvTable.read(csv);
    TableEncoder two = TableEncoder.fit(table, TableSpec.builder().target("y").build());
    IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
        () -> two.saveWithModel(network, dir.resolve("no.safetensors")));
    assertEquals("this encoder gives 2 features per row ([a, b]), but Churn takes 5 inputs; save"
        + " the encoder that made the network's training data", size.getMessage());
    assertTrue(Files.notExists(dir.resolve("no.safetensors")), "nothing is written");
    IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
        () -> ModelFile.save(network, dir.resolve("x.safetensors"), Map.of("a b", "c")));
    assertEquals("attachment names must be letters, digits, '_', '-' or '.', got \"a b\"",
        name.getMessage());
  }
}
