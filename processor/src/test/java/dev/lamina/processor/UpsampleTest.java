package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.LaminaCompiler.compile;
import static dev.lamina.processor.LaminaCompiler.model;

import com.google.testing.compile.Compilation;
import dev.lamina.processor.model.UpsampleKind;
import dev.lamina.processor.validation.Messages;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * {@code @Upsample2d}: its mistakes, each on the value that causes it, and the generated source of
 * a model that upsamples, line for line (rerun with {@code -Dlamina.updateGoldens=true} and review
 * the diff when the writer changes on purpose).
 */
class UpsampleTest {
  @Test
  void generatedSource(TestInfo test) {
    Compilation compilation = compile(model("Upsampler",
        "@Model",
        "class Upsampler {",
        "  @Input(channels = 2, height = 5, width = 4) Layer image;",
        "  @Conv2d(filters = 3, kernel = 3, padding = 1) @Activation(RELU) Layer conv;",
        "  @Upsample2d(2) @Dropout(keep = 0.8) Layer up;",
        "  @Conv2d(filters = 2, kernel = 3) Layer conv2;",
        "  @Dense(units = 3) Layer logits;",
        "}"));

    assertThat(compilation).succeededWithoutWarnings();
    Goldens.assertMatchesGolden(compilation, "test.UpsamplerNet", test);
  }

  @Test
  void factorBelowOneIsReportedOnTheValue() {
    JavaFileObject source = model("NoFactor",
        "@Model",
        "class NoFactor {",
        "  @Input(channels = 1, height = 4, width = 4) Layer in;",
        "  @Upsample2d(",
        "      value = 0)",
        "  Layer up;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(String.format(UpsampleKind.FACTOR, 0))
        .inFile(source).onLineContaining("value = 0)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void activationHasNothingToActivate() {
    JavaFileObject source = model("UpRelu",
        "@Model",
        "class UpRelu {",
        "  @Input(channels = 1, height = 4, width = 4) Layer in;",
        "  @Upsample2d(2) @Activation(RELU) Layer up;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(String.format(Messages.NOT_ON_POOL, "Activation"))
        .inFile(source).onLineContaining("@Activation(RELU)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void normalizationNeedsAWeightedLayer() {
    JavaFileObject source = model("UpNorm",
        "@Model",
        "class UpNorm {",
        "  @Input(channels = 1, height = 4, width = 4) Layer in;",
        "  @Upsample2d(2) @BatchNorm Layer up;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(String.format(Messages.NORM_NEEDS_DENSE, "BatchNorm"))
        .inFile(source).onLineContaining("@BatchNorm");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aFlatInputHasNoPixelsToRepeat() {
    JavaFileObject source = model("UpFlat",
        "@Model",
        "class UpFlat {",
        "  @Input(784) Layer in;",
        "  @Upsample2d(2) Layer up;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(String.format(Messages.NEEDS_IMAGE, "Upsample2d",
            "in", 784))
        .inFile(source).onLineContaining("@Upsample2d(2)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void anOutputTooLargeForAnArrayIsAnErrorNotAnOverflow() {
    JavaFileObject source = model("UpHuge",
        "@Model",
        "class UpHuge {",
        "  @Input(channels = 1, height = 28, width = 28) Layer in;",
        "  @Upsample2d(100_000) Layer up;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("[Lamina/BufferTooLarge] layer 'up' needs its output")
        .inFile(source).onLineContaining("@Upsample2d(100_000)");
  }
}
