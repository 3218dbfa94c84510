package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.LaminaCompiler.compile;
import static dev.lamina.processor.LaminaCompiler.model;

import com.google.testing.compile.Compilation;
import dev.lamina.processor.validation.Messages;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Errors about the model as a whole: where @Model sits, its loss, and its layer list. */
class ModelErrorsTest {
  @Test
  void labelSmoothingOfOneIsReportedOnTheValue() {
    JavaFileObject source = model("Smooth",
        "@Model(",
        "    labelSmoothing = 1.0)",
        "class Smooth {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(String.format(Messages.LABEL_SMOOTHING, 1.0))
        .inFile(source).onLineContaining("labelSmoothing = 1.0");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void labelSmoothingWithMeanSquaredErrorIsReportedOnTheValue() {
    JavaFileObject source = model("SmoothMse",
        "@Model(loss = Loss.MEAN_SQUARED_ERROR,",
        "    labelSmoothing = 0.1)",
        "class SmoothMse {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(Messages.LABEL_SMOOTHING_LOSS)
        .inFile(source).onLineContaining("labelSmoothing = 0.1");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void modelOnAnInterfaceIsReportedOnModel() {
    JavaFileObject source = model("NotAClass",
        "@Model",
        "interface NotAClass {}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(Messages.MODEL_NOT_CLASS)
        .inFile(source).onLineContaining("@Model");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void modelOnAPrivateNestedClassIsReportedOnModel() {
    JavaFileObject source = model("Outer",
        "class Outer {",
        "  @Model",
        "  private static class Hidden {",
        "    @Input(4) Layer in;",
        "    @Dense(units = 2) Layer out;",
        "  }",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(Messages.MODEL_PRIVATE)
        .inFile(source).onLineContaining("@Model");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void missingInputIsReportedOnTheClassModelAnnotation() {
    JavaFileObject source = model("NoInput",
        "@Model",
        "class NoInput {",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(Messages.NO_INPUT)
        .inFile(source).onLineContaining("@Model");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void missingDenseIsReportedOnTheClassModelAnnotation() {
    JavaFileObject source = model("OnlyInput",
        "@Model",
        "class OnlyInput {",
        "  @Input(4) Layer in;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(Messages.NO_DENSE)
        .inFile(source).onLineContaining("@Model");
    assertThat(compilation).hadErrorCount(1);
  }
}
