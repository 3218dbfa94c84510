package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.LaminaCompiler.compile;
import static dev.lamina.processor.LaminaCompiler.model;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.lamina.train.TrainingConfig;
import dev.lamina.processor.validation.Messages;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A parameter or activation buffer that no Java array can hold at the default batch size (128) is
 * an error on the layer when the model compiles, not an integer overflow when it runs.
 */
class BufferSizeTest {
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  @Test
  void theRuleUsesTheTrainersDefaultBatchSize() {
    assertEquals(TrainingConfig.DEFAULTS.batchSize(), 128, "the batch size in BufferSizeRule and its messages");
  }

  @Test
  void denseLayerTooWideForItsOutputAndWeights() {
    JavaFileObject source = model("Wide",
        "@Model",
        "class Wide {",
        "  @Input(784) Layer in;",
        "  @Dense(units = 100_000_000) Layer huge;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(String.format(Messages.BUFFER_TOO_LARGE, "huge",
            "its output (batch × 100000000)", 12_800_000_000L, 128, MAX_ARRAY))
        .inFile(source).onLineContaining("units = 100_000_000");
    assertThat(compilation).hadErrorContaining(String.format(Messages.BUFFER_TOO_LARGE, "huge",
            "its weights (784 × 100000000)", 78_400_000_000L, 128, MAX_ARRAY))
        .inFile(source).onLineContaining("units = 100_000_000");
    // The next layer's weights (100,000,000 × 2) fit.
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void weightsTooLargeAtAnyBatchSize() {
    JavaFileObject source = model("Square",
        "@Model",
        "class Square {",
        "  @Input(50_000) Layer in;",
        "  @Dense(units = 50_000) Layer square;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(String.format(Messages.BUFFER_TOO_LARGE, "square",
            "its weights (50000 × 50000)", 2_500_000_000L, 128, MAX_ARRAY))
        .inFile(source).onLineContaining("units = 50_000");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void convolutionWhoseIm2colRowsAreTooLarge() {
    // One sample's im2col rows: 3700² pixels × 13² = 2.31e9 floats; the input and the output
    // (128 × 3700²) = 1.75e9 fit.
    JavaFileObject source = model("BigImage",
        "@Model",
        "class BigImage {",
        "  @Input(channels = 1, height = 3700, width = 3700) Layer in;",
        "  @Conv2d(filters = 1, kernel = 13, padding = 6) Layer conv;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(String.format(Messages.BUFFER_TOO_LARGE, "conv",
            "its im2col rows of one sample (13690000 pixels × 169)", 2_313_610_000L, 128, MAX_ARRAY))
        .inFile(source).onLineContaining("@Conv2d(filters = 1");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void imageInputWhoseSizeOverflowsAnInt() {
    // 2 × 50,000 × 50,000 = 5e9 values in one sample: once an InternalError (integer overflow).
    JavaFileObject source = model("HugeImage",
        "@Model",
        "class HugeImage {",
        "  @Input(channels = 2, height = 50_000, width = 50_000) Layer in;",
        "  @GlobalAvgPool2d Layer pool;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(String.format(Messages.BUFFER_TOO_LARGE, "in",
            "its output (batch × 5000000000)", 640_000_000_000L, 128, MAX_ARRAY))
        .inFile(source).onLineContaining("@Input(channels = 2");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void largestModelThatFitsCompiles() {
    // 128 × 16,777,215 = 2,147,483,520 floats: 119 under the limit.
    Compilation compilation = compile(model("JustFits",
        "@Model",
        "class JustFits {",
        "  @Input(16_777_215) Layer in;",
        "  @Dense(units = 2) Layer out;",
        "}"));

    assertThat(compilation).succeeded();
  }
}
