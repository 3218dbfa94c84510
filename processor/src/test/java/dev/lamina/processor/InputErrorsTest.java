package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.LaminaCompiler.compile;
import static dev.lamina.processor.LaminaCompiler.model;

import com.google.testing.compile.Compilation;
import dev.lamina.processor.validation.Messages;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Errors about @Input: its size or shape, its place, and what may sit beside it. */
class InputErrorsTest {
  @Test
  void inputSizeZeroIsReportedOnTheValue() {
    JavaFileObject source = model("ZeroInput",
        "@Model",
        "class ZeroInput {",
        "  @Input(0)",
        "  Layer in;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(String.format(Messages.INPUT_SIZE, "the input size", 0))
        .inFile(source).onLineContaining("@Input(0)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void inputAfterADenseLayerIsReportedOnInput() {
    JavaFileObject source = model("LateInput",
        "@Model",
        "class LateInput {",
        "  @Dense(units = 3) Layer hidden;",
        "  @Input(4)",
        "  Layer in;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(String.format(Messages.INPUT_NOT_FIRST, "hidden"))
        .inFile(source).onLineContaining("@Input(4)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void secondInputIsReportedOnTheSecondInput() {
    JavaFileObject source = model("TwoInputs",
        "@Model",
        "class TwoInputs {",
        "  @Input(4) Layer first;",
        "  @Input(5)",
        "  Layer second;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(String.format(Messages.INPUT_DUPLICATE, "first"))
        .inFile(source).onLineContaining("@Input(5)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void imageInputWithoutWidthIsReportedOnInput() {
    JavaFileObject source = model("NoWidth",
        "@Model",
        "class NoWidth {",
        "  @Input(channels = 1, height = 28)",
        "  Layer pixels;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(String.format(Messages.INPUT_SHAPE_INCOMPLETE, 1, 28, 0))
        .inFile(source).onLineContaining("@Input(channels = 1, height = 28)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void flatSizeAndImageShapeTogetherIsReportedOnInput() {
    JavaFileObject source = model("BothShapes",
        "@Model",
        "class BothShapes {",
        "  @Input(value = 784, channels = 1, height = 28, width = 28)",
        "  Layer pixels;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(Messages.INPUT_SHAPE_CONFLICT)
        .inFile(source).onLineContaining("@Input(value = 784");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void activationOnTheInputIsReportedOnActivation() {
    JavaFileObject source = model("ActiveInput",
        "@Model",
        "class ActiveInput {",
        "  @Input(4)",
        "  @Activation(RELU)",
        "  Layer in;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(Messages.ACTIVATION_ON_INPUT)
        .inFile(source).onLineContaining("@Activation(RELU)");
    assertThat(compilation).hadErrorCount(1);
  }
}
