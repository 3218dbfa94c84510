package dev.lamina.examples;

import static dev.lamina.Nonlinearity.RELU;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lamina.Activation;
import dev.lamina.Dense;
import dev.lamina.Input;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.Standardize;
import dev.lamina.data.CsvFormat;
import dev.lamina.data.CsvTable;
import dev.lamina.data.Dataset;
import dev.lamina.data.TableEncoder;
import dev.lamina.data.TableSpec;
import dev.lamina.io.ModelFile;
import dev.lamina.train.Optimizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/data.md's "Your own data" walk-through, as it is printed there: a CSV file of raw,
 * unscaled measurements to a saved model that predicts a raw row. The data is scikit-learn's
 * breast cancer table (Debian's python3-sklearn); skipped without it.
 */
class YourOwnDataTest {
  @TempDir Path dir;

  /** 30 raw measurements in, benign or malignant out; the input standardizes itself. */
  @Model
  static class Cancer {
    @Input(30) @Standardize Layer measurements;
    @Dense(units = 16) @Activation(RELU) Layer hidden;
    @Dense(units = 2) Layer diagnosis;
  }

  @Test
  void fromACsvFileToASavedModelThatPredictsARawRow() throws Exception {
    Path csv = Path.of("/usr/lib/python3/dist-packages/sklearn/datasets/data/breast_cancer.csv");
    assumeTrue(Files.exists(csv), "skipped: apt-get install python3-sklearn for " + csv);
    Path modelFile = dir.resolve("cancer.safetensors");

    // 1. Read the table: a line of counts, then rows of 30 numbers and a 0/1 label.
    CsvTable table = CsvTable.read(csv, CsvFormat.builder().noHeader().skipLines(1).build());
    TableEncoder encoder = TableEncoder.fit(table, TableSpec.builder().target(30).build());
    Dataset data = encoder.dataset(table);
    Dataset.Split split = data.split(0.2, 42);

    // 2. Train: the trainer fits the input's mean and std on the training part only.
    YourOwnDataTest_CancerNet net = YourOwnDataTest_CancerNet.trainer()
        .optimizer(Optimizer.adam(1e-3)).epochs(30).batchSize(32).seed(1).build()
        .fit(split.train(), split.validation()).network();
    double accuracy = net.evaluate(split.validation()).accuracy();

    // 3. Save one file: the weights, the input statistics and the encoder (columns, categories).
    encoder.saveWithModel(net, modelFile);

    // 4. Elsewhere: load the model and its encoder from that file, and predict a raw row.
    YourOwnDataTest_CancerNet loaded = new YourOwnDataTest_CancerNet(0);
    ModelFile.load(loaded, modelFile);
    TableEncoder rows = TableEncoder.loadFromModel(modelFile);
    String[] raw = ("17.99,10.38,122.8,1001,0.1184,0.2776,0.3001,0.1471,0.2419,0.07871,1.095,"
        + "0.9053,8.589,153.4,0.006399,0.04904,0.05373,0.01587,0.03003,0.006193,25.38,17.33,"
        + "184.6,2019,0.1622,0.6656,0.7119,0.2654,0.4601,0.1189").split(",");
    float[] row = rows.encode(raw);
    int predicted = loaded.predict(row, 1)[0];   // 0: malignant, 1: benign

    assertTrue(accuracy >= 0.95, "validation accuracy " + accuracy);
    assertTrue(predicted == 0, "the first row of the file is malignant");
    assertArrayEquals(Arrays.copyOf(net.forwardInfer(row, 1), 2),
        Arrays.copyOf(loaded.forwardInfer(row, 1), 2));
  }
}
