package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.LaminaCompiler.compile;
import static dev.lamina.processor.LaminaCompiler.model;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The generated source of a small CNN, line for line: the shapes the processor inferred, the
 * im2col and col2im loops, the fused batch norm, the pooling with its argmax, and the implicit
 * flatten into the dense head. When the writers change on purpose, rerun with {@code
 * -Dlamina.updateGoldens=true} and review the golden's diff.
 */
class ConvGoldenTest {
  @Test
  void smallCnn(TestInfo test) {
    Compilation compilation = compile(model("SmallCnn",
        "@Model",
        "class SmallCnn {",
        "  @Input(channels = 1, height = 8, width = 8) Layer image;",
        "  @Conv2d(filters = 4, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer conv;",
        "  @MaxPool2d(2) @Dropout(keep = 0.75) Layer pool;",
        "  @Conv2d(filters = 6, kernel = 3, stride = 2) @GroupNorm(3) @Activation(TANH) Layer conv2;",
        "  @Dense(units = 3) Layer logits;",
        "}"));

    assertThat(compilation).succeededWithoutWarnings();
    Goldens.assertMatchesGolden(compilation, "test.SmallCnnNet", test);
  }
}
