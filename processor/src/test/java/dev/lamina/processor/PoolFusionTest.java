package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.LaminaCompiler.compile;
import static dev.lamina.processor.LaminaCompiler.model;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * When a pool applies the batch norm and activation of the convolution it reads (the
 * convolution's normalize pass and x̂ buffer gone), and every case where it must not: the stored
 * activation is needed elsewhere, or the pool's backward pass cannot apply f' value by value.
 * The numbers of the fused passes are checked in the examples' {@code ConvolutionTest}.
 */
class PoolFusionTest {
  @ParameterizedTest(name = "{0}: fused {2}")
  @CsvSource(delimiter = '|', value = {
      "relu, max pool               | @BatchNorm @Activation(RELU)                                  | true",
      "leaky ReLU, average pool     | @BatchNorm @Activation(value = LEAKY_RELU, slope = 0.1)       | true",
      "no activation                | @BatchNorm                                                    | true",
      "tanh (stored by its kernel)  | @BatchNorm @Activation(TANH)                                  | false",
      "norm after the activation    | @Activation(RELU) @BatchNorm(placement = NormPlacement.AFTER_ACTIVATION) | false",
      "dropout on the convolution   | @BatchNorm @Activation(RELU) @Dropout(keep = 0.9)            | false",
      "layer norm                   | @LayerNorm @Activation(RELU)                                  | false",
  })
  void aConvolutionsNormalizationMovesIntoItsPoolOnlyWhereNothingElseNeedsIt(String what,
      String convAnnotations, boolean fused) {
    String pool = what.contains("average") ? "@AvgPool2d(2)" : "@MaxPool2d(2)";
    assertEquals(fused, fused(net(convAnnotations, pool, "")), what);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "windows that overlap            | @MaxPool2d(value = 2, stride = 1)",
      "windows that leave a remainder  | @MaxPool2d(3)",
  })
  void notWhereThePoolCannotApplyItValueByValue(String what, String pool) {
    assertEquals(false, fused(net("@BatchNorm @Activation(RELU)", pool, "")), what);
  }

  @Test
  void notWhereAnotherLayerReadsTheActivation() {
    String second = "  @From(\"conv\") @MaxPool2d(2) Layer other;\n  @Concat({\"pool\", \"other\"}) Layer both;";
    assertEquals(false, fused(net("@BatchNorm @Activation(RELU)", "@MaxPool2d(2)", second)));
  }

  private static String net(String convAnnotations, String pool, String extra) {
    Compilation compilation = compile(model("Fusion",
        "@Model",
        "class Fusion {",
        "  @Input(channels = 1, height = 8, width = 8) Layer image;",
        "  @Conv2d(filters = 4, kernel = 3, padding = 1) " + convAnnotations + " Layer conv;",
        "  " + pool + " Layer pool;",
        extra,
        "  @Dense(units = 3) Layer logits;",
        "}"));
    assertThat(compilation).succeeded();
    try {
      return compilation.generatedSourceFile("test.FusionNet").orElseThrow()
          .getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The convolution keeps no x̂ and has no normalize pass; its pool makes its values. */
  private static boolean fused(String source) {
    boolean noNormalize = !source.contains("private void convNormalize(")
        && !source.contains("convNormalized");
    boolean poolNormalizes = source.contains("made here from its product");
    assertEquals(noNormalize, poolNormalizes, "the convolution and the pool must agree:\n" + source);
    return poolNormalizes;
  }
}
