package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.LaminaCompiler.compile;
import static dev.lamina.processor.LaminaCompiler.model;

import com.google.testing.compile.Compilation;
import dev.lamina.processor.validation.Messages;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The initialization advice on convolutions, as on dense layers: each warning sits on the
 * {@code init} value of {@code @Conv2d}, names the layer, is silenced by its id, and stays quiet
 * for a fitting init or with a normalization before the activation. A convolution's fan-in is its
 * input channels × kernel².
 */
class ConvInitWarningsTest {
  /**
   * (2, 8, 8) → {@code conv} declared by {@code conv} (fan-in 2 × 3 × 3 = 18 for a 3×3 kernel) →
   * 2×2 max pooling → 10 logits.
   */
  private static JavaFileObject cnn(String suppression, String... conv) {
    String[] lines = new String[conv.length + 8];
    lines[0] = "@Model";
    lines[1] = "class Cnn {";
    lines[2] = "  @Input(channels = 2, height = 8, width = 8) Layer in;";
    lines[3] = suppression;
    System.arraycopy(conv, 0, lines, 4, conv.length);
    lines[conv.length + 4] = "  Layer conv;";
    lines[conv.length + 5] = "  @MaxPool2d(2) Layer pool;";
    lines[conv.length + 6] = "  @Dense(units = 10) Layer out;";
    lines[conv.length + 7] = "}";
    return model("Cnn", lines);
  }

  private static void assertOneWarning(JavaFileObject source, String message, String line) {
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(message).inFile(source).onLineContaining(line);
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation).generatedSourceFile("test.CnnNet");
  }

  private static void assertSilent(JavaFileObject source) {
    Compilation compilation = compile(source);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.CnnNet");
  }

  @Test
  void xavierUnderReluSuggestsHeOnTheConvolutionsInit() {
    assertOneWarning(cnn("", "  @Conv2d(filters = 8, kernel = 3, padding = 1,",
        "      init = Init.XAVIER)", "  @Activation(RELU)"),
        String.format(Messages.HE_FOR_RELU, "convolution", "conv", "XAVIER", "RELU"),
        "init = Init.XAVIER");
    assertOneWarning(cnn("", "  @Conv2d(filters = 8, kernel = 3, init = Init.LECUN_UNIFORM)",
        "  @Activation(value = LEAKY_RELU, slope = 0.1)"),
        String.format(Messages.HE_FOR_RELU, "convolution", "conv", "LECUN_UNIFORM", "LEAKY_RELU"),
        "Init.LECUN_UNIFORM");
  }

  @Test
  void heUnderTanhAndSigmoidSuggestsXavier() {
    assertOneWarning(cnn("", "  @Conv2d(filters = 8, kernel = 3,", "      init = Init.HE)",
        "  @Activation(TANH)"),
        String.format(Messages.XAVIER_FOR_TANH, "convolution", "conv", "HE", "TANH"),
        "init = Init.HE");
    assertOneWarning(cnn("", "  @Conv2d(filters = 8, kernel = 3, init = Init.HE_UNIFORM)",
        "  @Activation(SIGMOID)"),
        String.format(Messages.XAVIER_FOR_TANH, "convolution", "conv", "HE_UNIFORM", "SIGMOID"),
        "Init.HE_UNIFORM");
  }

  @Test
  void theActivationWarningsAreSilencedByTheirIds() {
    assertSilent(cnn("  @SuppressWarnings(\"lamina:HeForRelu\")",
        "  @Conv2d(filters = 8, kernel = 3, init = Init.XAVIER) @Activation(RELU)"));
    assertSilent(cnn("  @SuppressWarnings(\"lamina:XavierForTanh\")",
        "  @Conv2d(filters = 8, kernel = 3, init = Init.HE) @Activation(TANH)"));
  }

  @Test
  void fittingInitsAndAGainThatFollowsTheActivationAreQuiet() {
    assertSilent(cnn("", "  @Conv2d(filters = 8, kernel = 3) @Activation(RELU)"));
    assertSilent(cnn("", "  @Conv2d(filters = 8, kernel = 3, init = Init.HE_UNIFORM) @Activation(RELU)"));
    assertSilent(cnn("", "  @Conv2d(filters = 8, kernel = 3, init = Init.LECUN) @Activation(TANH)"));
    assertSilent(cnn("", "  @Conv2d(filters = 8, kernel = 3, init = Init.XAVIER,",
        "      gain = Gain.ACTIVATION) @Activation(RELU)"));
  }

  @Test
  void eachNormalizationBeforeTheActivationMakesTheScaleIrrelevant() {
    for (String norm : new String[] {"@BatchNorm", "@LayerNorm", "@InstanceNorm", "@GroupNorm(4)"}) {
      assertSilent(cnn("", "  @Conv2d(filters = 8, kernel = 3, init = Init.XAVIER, bias = false)",
          "  " + norm + " @Activation(RELU)"));
      assertSilent(cnn("", "  @Conv2d(filters = 8, kernel = 3, init = Init.NORMAL, std = 1)",
          "  " + norm + " @Activation(TANH)"));
    }
  }

  @Test
  void aNormalizationAfterTheActivationDoesNotSilenceTheAdvice() {
    assertOneWarning(cnn("", "  @Conv2d(filters = 8, kernel = 3, init = Init.XAVIER)",
        "  @Activation(RELU) @GroupNorm(value = 4, placement = NormPlacement.AFTER_ACTIVATION)"),
        String.format(Messages.HE_FOR_RELU, "convolution", "conv", "XAVIER", "RELU"),
        "init = Init.XAVIER");
  }

  @Test
  void constantFiltersWarnOfSymmetryUnlessBiasesAreRandom() {
    assertOneWarning(cnn("", "  @Conv2d(filters = 8, kernel = 3,", "      init = Init.ZEROS)",
        "  @Activation(RELU)"),
        String.format(Messages.INIT_SYMMETRY, "ZEROS", "filter", "convolution", "conv", "filter"),
        "init = Init.ZEROS");
    assertSilent(cnn("", "  @Conv2d(filters = 8, kernel = 3, init = Init.CONSTANT, constant = 0.1)",
        "  @BiasInit(value = Init.NORMAL, std = 0.1) @Activation(RELU)"));
    assertSilent(cnn("  @SuppressWarnings(\"lamina:InitSymmetry\")",
        "  @Conv2d(filters = 8, kernel = 3, init = Init.ZEROS) @Activation(RELU)"));
  }

  @Test
  void aTinyFixedStdWarnsWithTheKernelsFanIn() {
    // fan_in = 2 channels × 3 × 3 = 18 under ReLU calls for sqrt(2 / 18) = 0.33; 0.01 is 0.030 of it.
    assertOneWarning(cnn("", "  @Conv2d(filters = 8, kernel = 3, padding = 1,",
        "      init = Init.NORMAL, std = 0.01)", "  @Activation(RELU)"),
        String.format(Messages.INIT_SCALE, "convolution", "conv", "0.010", "0.030", "0.33",
            "18 (2 channels × 3 × 3)", "RELU", "He: sqrt(2 / fan_in)", "shrink towards 0", "0.33"),
        "init = Init.NORMAL");
    assertSilent(cnn("  @SuppressWarnings(\"lamina:InitScale\")",
        "  @Conv2d(filters = 8, kernel = 3, init = Init.NORMAL, std = 0.01) @Activation(RELU)"));
  }

  @Test
  void theFanInIsTheWindowNotTheImage() {
    // std 0.4 is 1.2 times sqrt(2 / 18) for a 3×3 window over 2 channels; against the image's
    // C·H·W = 128 (sqrt(2 / 128) = 0.125) it would be 3.2 times too large.
    assertSilent(cnn("", "  @Conv2d(filters = 8, kernel = 3, init = Init.NORMAL, std = 0.4)",
        "  @Activation(RELU)"));
  }

  @Test
  void aLaterConvolutionsFanInCountsTheChannelsItReads() {
    // conv2 reads conv1's 8 channels: fan_in = 8 × 3 × 3 = 72; LeCun's std 1 / sqrt(72) = 0.12.
    JavaFileObject source = model("Cnn",
        "@Model",
        "class Cnn {",
        "  @Input(channels = 2, height = 8, width = 8) Layer in;",
        "  @Conv2d(filters = 8, kernel = 3, padding = 1) @Activation(RELU) Layer conv1;",
        "  @MaxPool2d(2) Layer pool;",
        "  @Conv2d(filters = 4, kernel = 3, init = Init.NORMAL, std = 1) @Activation(TANH) Layer conv2;",
        "  @Dense(units = 10) Layer out;",
        "}");
    assertOneWarning(source,
        String.format(Messages.INIT_SCALE, "convolution", "conv2", "1.0", "8.5", "0.12",
            "72 (8 channels × 3 × 3)", "TANH", "LeCun: sqrt(1 / fan_in)", "saturate", "0.12"),
        "init = Init.NORMAL, std = 1");
  }
}
