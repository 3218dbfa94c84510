package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.LaminaCompiler.compile;
import static dev.lamina.processor.LaminaCompiler.model;
import static dev.lamina.processor.LaminaCompiler.writtenSources;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.lamina.processor.validation.Messages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validation reports every problem of a model at once, and an invalid model writes nothing. */
class MultipleErrorsTest {
  private static final JavaFileObject FOUR_MISTAKES = model("FourMistakes",
      "@Model",
      "class FourMistakes {",
      "  @Input(4)",
      "  @Dropout(keep = 1.5)",
      "  Layer in;",
      "  @Dense(units = 0)",
      "  Layer hidden;",
      "  @Dense(units = 3, init = Init.NORMAL, std = -1)",
      "  @Activation(value = LEAKY_RELU, slope = 2)",
      "  Layer hidden2;",
      "  @Dense(units = 2) Layer out;",
      "}");

  private static final JavaFileObject VALID = model("Valid",
      "@Model",
      "class Valid {",
      "  @Input(4) Layer in;",
      "  @Dense(units = 2) Layer out;",
      "}");

  @Test
  void everyErrorOfAModelIsReportedOnItsOwnLine() {
    Compilation compilation = compile(FOUR_MISTAKES);

    assertThat(compilation).hadErrorContaining(String.format(Messages.DROPOUT_KEEP, 1.5))
        .inFile(FOUR_MISTAKES).onLineContaining("keep = 1.5");
    assertThat(compilation).hadErrorContaining(String.format(Messages.DENSE_UNITS, 0))
        .inFile(FOUR_MISTAKES).onLineContaining("units = 0");
    assertThat(compilation).hadErrorContaining(String.format(Messages.NORMAL_STD, -1.0))
        .inFile(FOUR_MISTAKES).onLineContaining("std = -1");
    assertThat(compilation).hadErrorContaining(String.format(Messages.LEAKY_SLOPE, 2.0))
        .inFile(FOUR_MISTAKES).onLineContaining("slope = 2");
    assertThat(compilation).hadErrorCount(4);
  }

  @Test
  void errorsInSeveralModelsAreAllReported() {
    JavaFileObject late = model("LateInput",
        "@Model",
        "class LateInput {",
        "  @Dense(units = 3) Layer hidden;",
        "  @Input(4) Layer in;",
        "}");

    Compilation compilation = compile(FOUR_MISTAKES, late);

    assertThat(compilation).hadErrorContaining(String.format(Messages.INPUT_NOT_FIRST, "hidden"))
        .inFile(late).onLineContaining("@Input(4)");
    assertThat(compilation).hadErrorCount(5);
  }

  @Test
  void invalidModelWritesNoNetwork(@TempDir Path dir) throws IOException {
    assertEquals(List.of(), writtenSources(dir, FOUR_MISTAKES));
  }

  @Test
  void onlyTheValidModelOfTwoWritesItsNetwork(@TempDir Path dir) throws IOException {
    // Also shows that writtenSources sees what the processor writes, so the empty list above
    // means something.
    assertEquals(List.of("test/ValidNet.java"), writtenSources(dir, VALID, FOUR_MISTAKES));
  }
}
