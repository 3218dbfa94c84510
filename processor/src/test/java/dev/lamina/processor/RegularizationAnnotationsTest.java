package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.LaminaCompiler.compile;
import static dev.lamina.processor.LaminaCompiler.model;

import com.google.testing.compile.Compilation;
import dev.lamina.processor.validation.Messages;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** @GaussianNoise and @Decay: each error and warning on the value it is about; valid uses compile clean. */
class RegularizationAnnotationsTest {
  @Test
  void noiseOnTheInputAndHiddenLayersAndDecayOverridesCompileWithoutWarnings() {
    Compilation compilation = compile(model("Regularized",
        "@Model",
        "class Regularized {",
        "  @Input(6) @GaussianNoise(0.2) @Dropout(keep = 0.9) Layer in;",
        "  @Dense(units = 8) @Activation(RELU) @GaussianNoise(0.1) @Decay(value = 2, bias = true) Layer a;",
        "  @Dense(units = 5) @Activation(TANH) @BatchNorm(placement = NormPlacement.AFTER_ACTIVATION)",
        "  @GaussianNoise(0.05) Layer b;",
        "  @Dense(units = 3) @Decay(0) Layer out;",
        "}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.RegularizedNet");
  }

  @ParameterizedTest(name = "std = {0}")
  @ValueSource(strings = {"0", "-0.1", "Double.NaN", "Double.POSITIVE_INFINITY"})
  void noiseStdMustBePositiveAndFiniteReportedOnTheValue(String std) {
    JavaFileObject source = model("BadNoise",
        "@Model",
        "class BadNoise {",
        "  @Input(4)",
        "  @GaussianNoise(",
        "      " + std + ")",
        "  Layer in;",
        "  @Dense(units = 2) Layer out;",
        "}");
    Compilation compilation = compile(source);
    double value = switch (std) {
      case "Double.NaN" -> Double.NaN;
      case "Double.POSITIVE_INFINITY" -> Double.POSITIVE_INFINITY;
      default -> Double.parseDouble(std);
    };
    assertThat(compilation).hadErrorContaining(String.format(Messages.NOISE_STD, value))
        .inFile(source).onLineContaining("      " + std + ")");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void noiseWithoutALayerIsReported() {
    JavaFileObject source = model("NoLayer",
        "@Model",
        "class NoLayer {",
        "  @Input(4) Layer in;",
        "  @GaussianNoise(0.1) Layer floating;",
        "  @Dense(units = 2) Layer out;",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining(String.format(Messages.NOT_A_LAYER, "GaussianNoise"))
        .inFile(source).onLineContaining("Layer floating");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void noiseOnTheOutputWarnsAndCanBeSilenced() {
    JavaFileObject warned = model("NoisyOutput",
        "@Model",
        "class NoisyOutput {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 2) @GaussianNoise(0.1) Layer out;",
        "}");
    Compilation compilation = compile(warned);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(Messages.NOISE_ON_OUTPUT).inFile(warned)
        .onLineContaining("Layer out");
    assertThat(compilation).hadWarningCount(1);

    Compilation silenced = compile(model("QuietOutput",
        "@Model",
        "class QuietOutput {",
        "  @Input(4) Layer in;",
        "  @SuppressWarnings(\"lamina:NoiseOnOutput\")",
        "  @Dense(units = 2) @GaussianNoise(0.1) Layer out;",
        "}"));
    assertThat(silenced).succeededWithoutWarnings();
  }

  @ParameterizedTest(name = "value = {0}")
  @ValueSource(strings = {"-1", "Double.NaN"})
  void decayFactorMustBeNonNegativeReportedOnTheValue(String scale) {
    JavaFileObject source = model("BadDecay",
        "@Model",
        "class BadDecay {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 3)",
        "  @Decay(bias = true,",
        "      value = " + scale + ")",
        "  Layer hidden;",
        "  @Dense(units = 2) Layer out;",
        "}");
    Compilation compilation = compile(source);
    double value = scale.equals("Double.NaN") ? Double.NaN : Double.parseDouble(scale);
    assertThat(compilation).hadErrorContaining(String.format(Messages.DECAY_SCALE, value))
        .inFile(source).onLineContaining("value = " + scale);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void decayOnTheInputIsReported() {
    JavaFileObject source = model("DecayedInput",
        "@Model",
        "class DecayedInput {",
        "  @Input(4) @Decay(0) Layer in;",
        "  @Dense(units = 2) Layer out;",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining(Messages.DECAY_ON_INPUT).inFile(source)
        .onLineContaining("Layer in");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void decayOnAPoolingLayerIsReportedAndOnAConvolutionAccepted() {
    JavaFileObject source = model("Pooled",
        "@Model",
        "class Pooled {",
        "  @Input(channels = 1, height = 8, width = 8) Layer in;",
        "  @Conv2d(filters = 2, kernel = 3) @Activation(RELU) @Decay(0.5) Layer conv;",
        "  @MaxPool2d(2) @Decay(0) Layer pool;",
        "  @Dense(units = 2) Layer out;",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining(Messages.DECAY_NO_WEIGHTS).inFile(source)
        .onLineContaining("Layer pool");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void decayingAMissingBiasWarnsOnBias() {
    JavaFileObject source = model("NoBias",
        "@Model",
        "class NoBias {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 3, bias = false)",
        "  @Decay(value = 0.5,",
        "      bias = true)",
        "  Layer hidden;",
        "  @Dense(units = 2) Layer out;",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(Messages.DECAY_NO_BIAS).inFile(source)
        .onLineContaining("bias = true)");
    assertThat(compilation).hadWarningCount(1);
  }

  @Test
  void batchNormBeforeTheActivationRemovesTheDefaultBiasSoDecayingItWarns() {
    Compilation compilation = compile(model("NormBias",
        "@Model",
        "class NormBias {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 3) @BatchNorm @Activation(RELU) @Decay(value = 0.5, bias = true) Layer hidden;",
        "  @Dense(units = 2) Layer out;",
        "}"));
    assertThat(compilation).hadWarningContaining(Messages.DECAY_NO_BIAS);
  }

  @Test
  void decayThatChangesNothingWarns() {
    JavaFileObject source = model("Pointless",
        "@Model",
        "class Pointless {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 3) @Decay Layer hidden;",
        "  @Dense(units = 2) Layer out;",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(Messages.DECAY_DEFAULT).inFile(source)
        .onLineContaining("@Decay Layer hidden");
    assertThat(compilation).hadWarningCount(1);
  }
}
