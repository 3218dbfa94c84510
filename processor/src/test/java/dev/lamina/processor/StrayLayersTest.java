package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.LaminaCompiler.compile;
import static dev.lamina.processor.LaminaCompiler.model;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.lamina.processor.validation.Messages;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Layer annotations the network would not use are never dropped without a word: on a static field
 * they are an error, in a class without {@code @Model} a warning that can be silenced.
 */
class StrayLayersTest {
  @Test
  void staticLayerFieldIsAnErrorOnIt() {
    JavaFileObject source = model("StaticLayer",
        "@Model",
        "class StaticLayer {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 3) @Activation(RELU) static Layer hidden;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(String.format(Messages.STATIC_LAYER, "hidden"))
        .inFile(source).onLineContaining("static Layer hidden");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void staticFieldOfAnotherTypeIsAnErrorOnIt() {
    JavaFileObject source = model("StaticInt",
        "@Model",
        "class StaticInt {",
        "  @Input(4) Layer in;",
        "  @Dropout(keep = 0.5) static int rate;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(String.format(Messages.STATIC_LAYER, "rate"))
        .inFile(source).onLineContaining("static int rate");
    assertThat(compilation).hadErrorCount(1);
  }

  private static JavaFileObject withoutModel(String suppression) {
    return model("Forgotten",
        suppression,
        "class Forgotten {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 2)",
        "  Layer out;",
        "}");
  }

  @Test
  void layerAnnotationsWithoutModelWarnOnEachField() {
    JavaFileObject source = withoutModel("");

    Compilation compilation = compile(source);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(
            String.format(Messages.LAYER_OUTSIDE_MODEL, "in", "Input", "Forgotten"))
        .inFile(source).onLineContaining("Layer in;");
    assertThat(compilation).hadWarningContaining(
            String.format(Messages.LAYER_OUTSIDE_MODEL, "out", "Dense", "Forgotten"))
        .inFile(source).onLineContaining("@Dense(units = 2)");
    assertThat(compilation).hadWarningCount(2);
    assertEquals(0, compilation.generatedSourceFiles().size(), "generated files");
  }

  @Test
  void layerAnnotationsWithoutModelAreSilencedOnTheClass() {
    Compilation compilation = compile(withoutModel("@SuppressWarnings(\"lamina:LayerOutsideModel\")"));

    assertThat(compilation).succeededWithoutWarnings();
  }
}
