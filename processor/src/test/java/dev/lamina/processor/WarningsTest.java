package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.LaminaCompiler.compile;
import static dev.lamina.processor.LaminaCompiler.model;

import com.google.testing.compile.Compilation;
import dev.lamina.processor.validation.Messages;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Warnings point at the value that has no effect, still generate the network, and are silenced
 * by {@code @SuppressWarnings("lamina:<Id>")} on the field or an enclosing element.
 */
class WarningsTest {
  private static JavaFileObject stdWithHeInit(String suppression) {
    return model("StdWithHe",
        "@Model",
        "class StdWithHe {",
        "  @Input(4) Layer in;",
        suppression,
        "  @Dense(units = 3, init = Init.HE,",
        "      std = 0.05)",
        "  @Activation(RELU)",
        "  Layer hidden;",
        "  @Dense(units = 2) Layer out;",
        "}");
  }

  private static JavaFileObject slopeOnRelu(String suppression) {
    return model("SlopeOnRelu",
        "@Model",
        "class SlopeOnRelu {",
        "  @Input(4) Layer in;",
        suppression,
        "  @Dense(units = 3)",
        "  @Activation(value = RELU,",
        "      slope = 0.2)",
        "  Layer hidden;",
        "  @Dense(units = 2) Layer out;",
        "}");
  }

  private static JavaFileObject keepOne(String suppression) {
    return model("KeepOne",
        "@Model",
        "class KeepOne {",
        "  @Input(4) Layer in;",
        suppression,
        "  @Dense(units = 3)",
        "  @Dropout(mode = DropoutMode.INVERTED,",
        "      keep = 1)",
        "  Layer hidden;",
        "  @Dense(units = 2) Layer out;",
        "}");
  }

  private static JavaFileObject activationOnLogits(String classSuppression, String fieldSuppression) {
    return model("ActiveLogits",
        "@Model(loss = Loss.SOFTMAX_CROSS_ENTROPY)",
        classSuppression,
        "class ActiveLogits {",
        "  @Input(4) Layer in;",
        fieldSuppression,
        "  @Dense(units = 2)",
        "  @Activation(SIGMOID)",
        "  Layer out;",
        "}");
  }

  private static void assertOneWarning(JavaFileObject source, String message, String line,
      String generated) {
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(message).inFile(source).onLineContaining(line);
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation).generatedSourceFile(generated);
  }

  private static void assertSilent(JavaFileObject source, String generated) {
    Compilation compilation = compile(source);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile(generated);
  }

  @Test
  void stdWithHeInitWarnsOnStd() {
    assertOneWarning(stdWithHeInit(""), String.format(Messages.INIT_PARAM_UNUSED, "std", "HE",
        "NORMAL and TRUNCATED_NORMAL", "std"), "std = 0.05", "test.StdWithHeNet");
  }

  @Test
  void stdUnusedIsSilencedOnTheField() {
    assertSilent(stdWithHeInit("  @SuppressWarnings(\"lamina:InitParamUnused\")"), "test.StdWithHeNet");
  }

  @Test
  void slopeOnReluWarnsOnSlope() {
    assertOneWarning(slopeOnRelu(""), Messages.SLOPE_UNUSED, "slope = 0.2", "test.SlopeOnReluNet");
  }

  @Test
  void slopeUnusedIsSilencedOnTheField() {
    assertSilent(slopeOnRelu("  @SuppressWarnings(\"lamina:SlopeUnused\")"), "test.SlopeOnReluNet");
  }

  @Test
  void keepOfOneWarnsOnKeep() {
    assertOneWarning(keepOne(""), Messages.DROPOUT_KEEP_ONE, "keep = 1", "test.KeepOneNet");
  }

  @Test
  void keepOfOneIsSilencedOnTheField() {
    assertSilent(keepOne("  @SuppressWarnings(\"lamina:DropoutKeepOne\")"), "test.KeepOneNet");
  }

  @Test
  void suppressingAnotherIdDoesNotSilenceKeepOfOne() {
    assertOneWarning(keepOne("  @SuppressWarnings(\"lamina:DropoutKeep\")"),
        Messages.DROPOUT_KEEP_ONE, "keep = 1", "test.KeepOneNet");
  }

  @Test
  void activationOnTheLastLayerWithSoftmaxCrossEntropyWarnsOnTheActivation() {
    assertOneWarning(activationOnLogits("", ""),
        String.format(Messages.OUTPUT_ACTIVATION, "SIGMOID"), "@Activation(SIGMOID)",
        "test.ActiveLogitsNet");
  }

  @Test
  void outputActivationIsSilencedOnTheField() {
    assertSilent(activationOnLogits("", "  @SuppressWarnings(\"lamina:OutputActivation\")"),
        "test.ActiveLogitsNet");
  }

  @Test
  void outputActivationIsSilencedOnTheModelClass() {
    assertSilent(activationOnLogits("@SuppressWarnings(\"lamina:OutputActivation\")", ""),
        "test.ActiveLogitsNet");
  }

  @Test
  void bareLaminaSilencesEveryLaminaWarning() {
    assertSilent(activationOnLogits("@SuppressWarnings(\"lamina\")", ""), "test.ActiveLogitsNet");
  }
}
