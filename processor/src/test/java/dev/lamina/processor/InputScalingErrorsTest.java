package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.LaminaCompiler.compile;
import static dev.lamina.processor.LaminaCompiler.model;

import com.google.testing.compile.Compilation;
import dev.lamina.processor.validation.Messages;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** @Standardize and @MinMaxScale: accepted on the input, refused elsewhere or together. */
class InputScalingErrorsTest {
  @Test
  void standardizedInputCompilesCleanly() {
    JavaFileObject source = model("Scaled",
        "@Model",
        "class Scaled {",
        "  @Input(4) @Standardize Layer in;",
        "  @Dense(units = 2) Layer out;",
        "}");

    assertThat(compile(source)).succeededWithoutWarnings();
  }

  @Test
  void scalingOnADenseLayerIsReportedOnTheAnnotation() {
    JavaFileObject source = model("ScaledHidden",
        "@Model",
        "class ScaledHidden {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 3)",
        "  @MinMaxScale",
        "  Layer hidden;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(String.format(Messages.INPUT_SCALING_PLACE, "@MinMaxScale"))
        .inFile(source).onLineContaining("@MinMaxScale");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void bothScalingsOnTheInputAreReported() {
    JavaFileObject source = model("ScaledTwice",
        "@Model",
        "class ScaledTwice {",
        "  @Input(4) @Standardize",
        "  @MinMaxScale",
        "  Layer in;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(Messages.INPUT_SCALING_TWICE)
        .inFile(source).onLineContaining("@MinMaxScale");
    assertThat(compilation).hadErrorCount(1);
  }
}
