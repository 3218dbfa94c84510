package dev.lamina.examples;

import static dev.lamina.Nonlinearity.RELU;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.Activation;
import dev.lamina.Dense;
import dev.lamina.Init;
import dev.lamina.Input;
import dev.lamina.Layer;
import dev.lamina.Model;
import dev.lamina.data.Dataset;
import dev.lamina.ensemble.cluster.BaggingTestData;
import dev.lamina.io.ModelFile;
import dev.lamina.io.PartialLoad;
import dev.lamina.train.Optimizer;
import dev.lamina.train.Trainer;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transfer example of docs/training.md: a model trained on classes 0–4 gives its hidden
 * layers to a model for all ten classes, which loads them partially (its head has another shape
 * and is skipped, with the reason), freezes them, and trains only its head on classes 5–9.
 */
class TransferTest {
  private static final Dataset ALL = BaggingTestData.make(1500, 20, 10, 21);
  private static final Dataset TEST = BaggingTestData.make(600, 20, 10, 22);

  /** Trained on the first five classes. */
  @Model
  static class Source {
    @Input(20) Layer in;
    @Dense(units = 48, init = Init.HE) @Activation(RELU) Layer hidden;
    @Dense(units = 5) Layer logits;
  }

  /** The same body with a head for all ten classes. */
  @Model
  static class Target {
    @Input(20) Layer in;
    @Dense(units = 48, init = Init.HE) @Activation(RELU) Layer hidden;
    @Dense(units = 10) Layer logits;
  }

  @TempDir Path dir;

  @Test
  void aHeadFineTunedOnNewClassesOverLoadedFrozenLayers() throws Exception {
    TransferTest_SourceNet source = Trainer.builder(TransferTest_SourceNet::new)
        .optimizer(Optimizer.adam(1e-2)).epochs(15).batchSize(32).threads(1).build()
        .fit(classes(ALL, 0, 5, 5)).network();
    Path file = dir.resolve("source.safetensors");
    ModelFile.save(source, file);

    TransferTest_TargetNet target = new TransferTest_TargetNet(7);
    PartialLoad report = PartialLoad.load(target, file);
    assertEquals(List.of("hidden.weight", "hidden.bias"), report.loaded());
    assertEquals(List.of("logits.weight: shape [5, 48] in the file, [10, 48] in Target",
        "logits.bias: shape [5] in the file, [10] in Target"), report.skipped());

    Dataset newClasses = classes(ALL, 5, 10, 10);
    Trainer.builder(TransferTest_TargetNet::new).optimizer(Optimizer.adam(1e-2)).epochs(15)
        .batchSize(32).threads(1).frozen("hidden").build().fit(target, newClasses, null);
    assertArrayEquals(source.parameters().get("hidden.weight").values(),
        target.parameters().get("hidden.weight").values(), "the frozen layer kept its weights");
    double accuracy = target.evaluate(classes(TEST, 5, 10, 10)).accuracy();
    assertTrue(accuracy > 0.6, "the fine-tuned head on classes 5-9: " + accuracy);
    System.out.printf("transfer: head fine-tuned on classes 5-9 over frozen loaded layers: test"
        + " accuracy %.3f (chance 0.2)%n", accuracy);
  }

  /** The samples of classes [from, to), with {@code classes} outputs and labels kept. */
  static Dataset classes(Dataset data, int from, int to, int classes) {
    int[] rows = IntStream.range(0, data.size())
        .filter(i -> data.label(i) >= from && data.label(i) < to).toArray();
    Dataset picked = data.select(rows);
    return Dataset.of(picked.features(), picked.labels(), data.featureSize(), classes);
  }
}
