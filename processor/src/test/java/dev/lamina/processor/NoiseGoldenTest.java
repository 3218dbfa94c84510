package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.LaminaCompiler.compile;
import static dev.lamina.processor.LaminaCompiler.model;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The generated source of a model with Gaussian noise on its input (with dropout), on a hidden
 * layer without dropout and on one with, and a decay override, line for line. Rerun with {@code
 * -Dlamina.updateGoldens=true} when the writer changes on purpose, and review the diff.
 */
class NoiseGoldenTest {
  @Test
  void noisyMlp(TestInfo test) {
    Compilation compilation = compile(model("Noisy",
        "@Model",
        "class Noisy {",
        "  @Input(5) @GaussianNoise(0.2) @Dropout(keep = 0.8) Layer in;",
        "  @Dense(units = 7) @Activation(RELU) @GaussianNoise(0.1) Layer a;",
        "  @Dense(units = 6) @Activation(TANH) @GaussianNoise(0.3) @Dropout(keep = 0.5) Layer b;",
        "  @Dense(units = 3) @Decay(value = 0.5, bias = true) Layer logits;",
        "}"));

    assertThat(compilation).succeededWithoutWarnings();
    Goldens.assertMatchesGolden(compilation, "test.NoisyNet", test);
  }
}
