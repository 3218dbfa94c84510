package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.LaminaCompiler.compile;
import static dev.lamina.processor.LaminaCompiler.model;

import com.google.testing.compile.Compilation;
import dev.lamina.processor.validation.Messages;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The last layer must fit the loss's task; the diagnostic names the value to change. */
class LossTaskTest {
  @Test
  void binaryCrossEntropyWithTwoUnitsIsAnErrorOnTheLoss() {
    JavaFileObject source = model("Binary",
        "@Model(",
        "    loss = Loss.BINARY_CROSS_ENTROPY)",
        "class Binary {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 2) Layer logit;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(String.format(Messages.BINARY_OUTPUTS, "logit", 2,
        2, 2)).inFile(source).onLineContaining("loss = Loss.BINARY_CROSS_ENTROPY");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void softmaxOverOneUnitIsAnErrorOnTheWrittenLoss() {
    JavaFileObject source = model("OneSoftmax",
        "@Model(",
        "    loss = Loss.SOFTMAX_CROSS_ENTROPY)",
        "class OneSoftmax {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(String.format(Messages.SOFTMAX_ONE_OUTPUT, "out"))
        .inFile(source).onLineContaining("loss = Loss.SOFTMAX_CROSS_ENTROPY");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void softmaxByDefaultOverOneUnitIsAnErrorOnTheUnits() {
    JavaFileObject source = model("DefaultSoftmax",
        "@Model",
        "class DefaultSoftmax {",
        "  @Input(4) Layer in;",
        "  @Dense(",
        "      units = 1) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(String.format(Messages.SOFTMAX_ONE_OUTPUT, "out"))
        .inFile(source).onLineContaining("units = 1");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void sigmoidOnTheLogitsOfASigmoidLossWarnsOnTheActivation() {
    for (String loss : new String[] {"BINARY_CROSS_ENTROPY", "MULTI_LABEL_CROSS_ENTROPY"}) {
      JavaFileObject source = model("Squashed",
          "@Model(loss = Loss." + loss + ")",
          "class Squashed {",
          "  @Input(4) Layer in;",
          "  @Dense(units = 1)",
          "  @Activation(SIGMOID)",
          "  Layer logit;",
          "}");

      Compilation compilation = compile(source);

      assertThat(compilation).succeeded();
      assertThat(compilation).hadWarningContaining(
          String.format(Messages.OUTPUT_ACTIVATION_SIGMOID, loss, "SIGMOID"))
          .inFile(source).onLineContaining("@Activation(SIGMOID)");
      assertThat(compilation).hadWarningCount(1);
    }
  }

  @Test
  void everyTaskCompilesWithTheLastLayerItNeeds() {
    String[][] cases = {
        {"BINARY_CROSS_ENTROPY", "1"}, {"MULTI_LABEL_CROSS_ENTROPY", "5"},
        {"MEAN_ABSOLUTE_ERROR", "2"}, {"HUBER", "1"}, {"MEAN_SQUARED_ERROR", "3"}};
    for (String[] c : cases) {
      Compilation compilation = compile(model("Task",
          "@Model(loss = Loss." + c[0] + ")",
          "class Task {",
          "  @Input(4) Layer in;",
          "  @Dense(units = 8) @Activation(RELU) Layer hidden;",
          "  @Dense(units = " + c[1] + ") Layer out;",
          "}"));

      assertThat(compilation).succeededWithoutWarnings();
      assertThat(compilation).generatedSourceFile("test.TaskNet").contentsAsUtf8String()
          .contains("Loss." + c[0]);
    }
  }
}
