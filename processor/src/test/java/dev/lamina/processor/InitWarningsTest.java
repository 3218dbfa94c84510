package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.LaminaCompiler.compile;
import static dev.lamina.processor.LaminaCompiler.model;

import com.google.testing.compile.Compilation;
import dev.lamina.processor.validation.Messages;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The initialization advice: each warning sits on the {@code init} value, still generates the
 * network, is silenced by its id, and stays quiet where the advice does not apply.
 */
class InitWarningsTest {
  /** A model with one hidden layer of 100 inputs declared by {@code hidden}, then 10 logits. */
  private static JavaFileObject hidden(String suppression, String... hidden) {
    String[] lines = new String[hidden.length + 7];
    lines[0] = "@Model";
    lines[1] = "class Hidden {";
    lines[2] = "  @Input(100) Layer in;";
    lines[3] = suppression;
    System.arraycopy(hidden, 0, lines, 4, hidden.length);
    lines[hidden.length + 4] = "  Layer hidden;";
    lines[hidden.length + 5] = "  @Dense(units = 10) Layer out;";
    lines[hidden.length + 6] = "}";
    return model("Hidden", lines);
  }

  private static void assertOneWarning(JavaFileObject source, String message, String line) {
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(message).inFile(source).onLineContaining(line);
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation).generatedSourceFile("test.HiddenNet");
  }

  private static void assertSilent(JavaFileObject source) {
    Compilation compilation = compile(source);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.HiddenNet");
  }

  @Test
  void xavierUnderReluSuggestsHe() {
    assertOneWarning(hidden("", "  @Dense(units = 50,", "      init = Init.XAVIER)",
        "  @Activation(RELU)"),
        String.format(Messages.HE_FOR_RELU, "dense layer", "hidden", "XAVIER", "RELU"),
        "init = Init.XAVIER");
  }

  @Test
  void lecunUniformUnderLeakyReluSuggestsHe() {
    assertOneWarning(hidden("", "  @Dense(units = 50, init = Init.LECUN_UNIFORM)",
        "  @Activation(LEAKY_RELU)"),
        String.format(Messages.HE_FOR_RELU, "dense layer", "hidden", "LECUN_UNIFORM", "LEAKY_RELU"),
        "Init.LECUN_UNIFORM");
  }

  @Test
  void xavierUnderGeluSuggestsHe() {
    assertOneWarning(hidden("", "  @Dense(units = 50, init = Init.XAVIER)",
        "  @Activation(GELU)"),
        String.format(Messages.HE_FOR_RELU, "dense layer", "hidden", "XAVIER", "GELU"),
        "init = Init.XAVIER");
  }

  @Test
  void heUnderSeluSuggestsLecun() {
    assertOneWarning(hidden("", "  @Dense(units = 50, init = Init.HE)",
        "  @Activation(SELU)"),
        String.format(Messages.LECUN_FOR_SELU, "dense layer", "hidden", "HE", "HE"),
        "init = Init.HE");
  }

  @Test
  void lecunAndAutoUnderSeluAreSilent() {
    assertSilent(hidden("", "  @Dense(units = 50, init = Init.LECUN) @Activation(SELU)"));
    assertSilent(hidden("", "  @Dense(units = 50) @Activation(SELU)"));
  }

  @Test
  void lecunForSeluIsSilencedByItsId() {
    assertSilent(hidden("  @SuppressWarnings(\"lamina:LecunForSelu\")",
        "  @Dense(units = 50, init = Init.XAVIER) @Activation(SELU)"));
  }

  @Test
  void heForReluIsSilencedByItsId() {
    assertSilent(hidden("  @SuppressWarnings(\"lamina:HeForRelu\")",
        "  @Dense(units = 50, init = Init.XAVIER) @Activation(RELU)"));
  }

  @Test
  void aGainThatFollowsTheActivationMakesXavierFitForRelu() {
    assertSilent(hidden("", "  @Dense(units = 50, init = Init.XAVIER, gain = Gain.ACTIVATION)",
        "  @Activation(RELU)"));
  }

  @Test
  void batchNormBeforeTheActivationMakesTheWeightsScaleIrrelevant() {
    assertSilent(hidden("", "  @Dense(units = 50, init = Init.XAVIER, bias = false)",
        "  @BatchNorm @Activation(RELU)"));
  }

  @Test
  void heUnderTanhAndSigmoidSuggestsXavier() {
    assertOneWarning(hidden("", "  @Dense(units = 50, init = Init.HE) @Activation(TANH)"),
        String.format(Messages.XAVIER_FOR_TANH, "dense layer", "hidden", "HE", "TANH"),
        "init = Init.HE");
    assertOneWarning(hidden("", "  @Dense(units = 50, init = Init.HE_UNIFORM) @Activation(SIGMOID)"),
        String.format(Messages.XAVIER_FOR_TANH, "dense layer", "hidden", "HE_UNIFORM", "SIGMOID"),
        "Init.HE_UNIFORM");
  }

  @Test
  void xavierForTanhIsSilencedByItsId() {
    assertSilent(hidden("  @SuppressWarnings(\"lamina:XavierForTanh\")",
        "  @Dense(units = 50, init = Init.HE) @Activation(TANH)"));
  }

  @Test
  void autoAndMatchingInitsAreQuiet() {
    assertSilent(hidden("", "  @Dense(units = 50) @Activation(RELU)"));
    assertSilent(hidden("", "  @Dense(units = 50, init = Init.HE_UNIFORM) @Activation(RELU)"));
    assertSilent(hidden("", "  @Dense(units = 50, init = Init.LECUN) @Activation(TANH)"));
    assertSilent(hidden("", "  @Dense(units = 50, init = Init.ORTHOGONAL) @Activation(TANH)"));
  }

  @Test
  void zeroOrConstantHiddenWeightsWarnOfSymmetry() {
    assertOneWarning(hidden("", "  @Dense(units = 50,", "      init = Init.ZEROS)",
        "  @Activation(TANH)"),
        String.format(Messages.INIT_SYMMETRY, "ZEROS", "unit", "dense layer", "hidden", "unit"),
        "init = Init.ZEROS");
    assertOneWarning(hidden("", "  @Dense(units = 50, init = Init.CONSTANT, constant = 0.1)",
        "  @Activation(TANH)"),
        String.format(Messages.INIT_SYMMETRY, "CONSTANT", "unit", "dense layer", "hidden", "unit"),
        "init = Init.CONSTANT");
  }

  @Test
  void symmetryIsSilencedByItsIdAndByRandomBiases() {
    assertSilent(hidden("  @SuppressWarnings(\"lamina:InitSymmetry\")",
        "  @Dense(units = 50, init = Init.ZEROS) @Activation(TANH)"));
    assertSilent(hidden("", "  @Dense(units = 50, init = Init.ZEROS) @Activation(TANH)",
        "  @BiasInit(value = Init.NORMAL, std = 0.1)"));
  }

  @Test
  void zeroWeightsOnTheLastLayerAreFine() {
    JavaFileObject source = model("Hidden",
        "@Model",
        "class Hidden {",
        "  @Input(100) Layer in;",
        "  @Dense(units = 50) @Activation(TANH) Layer hidden;",
        "  @Dense(units = 10, init = Init.ZEROS) Layer out;",
        "}");
    assertSilent(source);
  }

  @Test
  void aTinyFixedStdUnderReluWarnsWithTheStdFanInCallsFor() {
    // fan_in = 100 under ReLU calls for sqrt(2 / 100) = 0.14; 0.01 is 0.071 of it.
    assertOneWarning(hidden("", "  @Dense(units = 50, init = Init.NORMAL, std = 0.01)",
        "  @Activation(RELU)"), String.format(Messages.INIT_SCALE,
        "dense layer", "hidden", "0.010", "0.071", "0.14", "100",
        "RELU", "He: sqrt(2 / fan_in)", "shrink towards 0", "0.14"), "init = Init.NORMAL");
  }

  @Test
  void aLargeFixedStdUnderTanhWarnsOfSaturation() {
    assertOneWarning(hidden("", "  @Dense(units = 50, init = Init.NORMAL, std = 1)",
        "  @Activation(TANH)"), String.format(Messages.INIT_SCALE,
        "dense layer", "hidden", "1.0", "10", "0.10", "100",
        "TANH", "LeCun: sqrt(1 / fan_in)", "saturate", "0.10"), "init = Init.NORMAL");
  }

  @Test
  void aWideUniformIsJudgedByItsStd() {
    // U(-2, 2) has std 4 / sqrt(12) = 1.15, 12 times LeCun's 0.1.
    assertOneWarning(hidden("", "  @Dense(units = 50, init = Init.UNIFORM, low = -2, high = 2)",
        "  @Activation(SIGMOID)"), String.format(Messages.INIT_SCALE,
        "dense layer", "hidden", "1.2", "12", "0.10", "100",
        "SIGMOID", "LeCun: sqrt(1 / fan_in)", "saturate", "0.10"), "init = Init.UNIFORM");
  }

  @Test
  void aFixedStdNearTheFanInsIsQuietAndTheScaleWarningIsSilencedByItsId() {
    assertSilent(hidden("", "  @Dense(units = 50, init = Init.NORMAL, std = 0.1)",
        "  @Activation(RELU)"));
    assertSilent(hidden("", "  @Dense(units = 50, init = Init.TRUNCATED_NORMAL, std = 0.2)",
        "  @Activation(TANH)"));
    assertSilent(hidden("  @SuppressWarnings(\"lamina:InitScale\")",
        "  @Dense(units = 50, init = Init.NORMAL, std = 0.01) @Activation(RELU)"));
  }

  @Test
  void aParameterTheInitDoesNotReadWarnsOnTheParameter() {
    assertOneWarning(hidden("", "  @Dense(units = 50, init = Init.NORMAL, std = 0.1,",
        "      low = -1)", "  @Activation(RELU)"), String.format(Messages.INIT_PARAM_UNUSED, "low",
        "NORMAL", "UNIFORM", "low"), "low = -1");
    assertOneWarning(hidden("", "  @Dense(units = 50, init = Init.ORTHOGONAL,",
        "      fanMode = FanMode.OUT)", "  @Activation(TANH)"),
        String.format(Messages.INIT_PARAM_UNUSED, "fanMode", "ORTHOGONAL",
            "AUTO, XAVIER, LECUN, HE and their _UNIFORM forms", "fanMode"), "fanMode = FanMode.OUT");
    assertOneWarning(hidden("", "  @Dense(units = 50)", "  @BiasInit(value = Init.NORMAL,",
        "      constant = 2)", "  @Activation(TANH)"), String.format(Messages.INIT_PARAM_UNUSED,
        "constant", "NORMAL", "CONSTANT", "constant"), "constant = 2");
  }
}
