package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.LaminaCompiler.compile;
import static dev.lamina.processor.LaminaCompiler.model;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The generated source of a small model, line for line. When the writer changes on purpose,
 * rerun with {@code -Dlamina.updateGoldens=true} and review the golden's diff.
 */
class NetworkWriterGoldenTest {
  @Test
  void tinyMlpWithDropout(TestInfo test) {
    Compilation compilation = compile(model("Tiny",
        "@Model",
        "class Tiny {",
        "  @Input(5) @Dropout(keep = 0.8) Layer in;",
        "  @Dense(units = 7) @Activation(TANH) @Dropout(keep = 0.5) Layer hidden;",
        "  @Dense(units = 3) Layer logits;",
        "}"));

    assertThat(compilation).succeededWithoutWarnings();
    Goldens.assertMatchesGolden(compilation, "test.TinyNet", test);
  }
}
