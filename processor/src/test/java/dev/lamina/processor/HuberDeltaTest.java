package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.LaminaCompiler.compile;
import static dev.lamina.processor.LaminaCompiler.model;

import com.google.testing.compile.Compilation;
import dev.lamina.processor.validation.Messages;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @Model(huberDelta = ...)}: checked on the value, and carried into the SPEC. */
class HuberDeltaTest {
  @Test
  void aDeltaThatIsNotFiniteAndPositiveIsReportedOnTheValue() {
    String[][] cases = {{"0.0", "0.0"}, {"-0.5", "-0.5"}, {"Double.NaN", "NaN"},
        {"Double.POSITIVE_INFINITY", "Infinity"}};
    for (String[] c : cases) {
      JavaFileObject source = model("BadDelta",
          "@Model(loss = Loss.HUBER,",
          "    huberDelta = " + c[0] + ")",
          "class BadDelta {",
          "  @Input(4) Layer in;",
          "  @Dense(units = 1) Layer out;",
          "}");

      Compilation compilation = compile(source);

      assertThat(compilation).hadErrorContaining(String.format(Messages.HUBER_DELTA, c[1]))
          .inFile(source).onLineContaining("huberDelta = " + c[0]);
      assertThat(compilation).hadErrorCount(1);
    }
  }

  @Test
  void aDeltaWithAnotherLossIsReportedOnTheValue() {
    JavaFileObject source = model("DeltaMse",
        "@Model(loss = Loss.MEAN_SQUARED_ERROR,",
        "    huberDelta = 2.0)",
        "class DeltaMse {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 1) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(Messages.HUBER_DELTA_LOSS)
        .inFile(source).onLineContaining("huberDelta = 2.0");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aDeltaReachesTheGeneratedSpecAndTheDefaultAddsNothing() {
    JavaFileObject source = model("Robust",
        "@Model(loss = Loss.HUBER, huberDelta = 2.5)",
        "class Robust {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 2) Layer out;",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.RobustNet").contentsAsUtf8String()
        .contains(".withHuberDelta(2.5)");

    JavaFileObject plain = model("Plain",
        "@Model(loss = Loss.HUBER)",
        "class Plain {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 2) Layer out;",
        "}");
    Compilation plainCompilation = compile(plain);
    assertThat(plainCompilation).succeededWithoutWarnings();
    assertThat(plainCompilation).generatedSourceFile("test.PlainNet").contentsAsUtf8String()
        .doesNotContain("withHuberDelta");
  }
}
