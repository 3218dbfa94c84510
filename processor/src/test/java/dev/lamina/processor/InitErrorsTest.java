package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.LaminaCompiler.compile;
import static dev.lamina.processor.LaminaCompiler.model;

import com.google.testing.compile.Compilation;
import dev.lamina.processor.validation.Messages;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Errors in initializer parameters and in {@code @BiasInit}, each on the value that causes it. */
class InitErrorsTest {
  private static JavaFileObject hidden(String... hidden) {
    String[] lines = new String[hidden.length + 6];
    lines[0] = "@Model";
    lines[1] = "class Bad {";
    lines[2] = "  @Input(4) Layer in;";
    System.arraycopy(hidden, 0, lines, 3, hidden.length);
    lines[hidden.length + 3] = "  Layer hidden;";
    lines[hidden.length + 4] = "  @Dense(units = 2) Layer out;";
    lines[hidden.length + 5] = "}";
    return model("Bad", lines);
  }

  private static void assertOneError(JavaFileObject source, String message, String line) {
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void truncatedNormalWithANegativeStdIsReportedOnStd() {
    assertOneError(hidden("  @Dense(units = 3, init = Init.TRUNCATED_NORMAL,", "      std = -1)"),
        String.format(Messages.NORMAL_STD, -1.0), "std = -1");
  }

  @Test
  void uniformWithLowAboveHighIsReportedOnLow() {
    assertOneError(hidden("  @Dense(units = 3, init = Init.UNIFORM,", "      low = 0.1,",
        "      high = -0.1)"), String.format(Messages.UNIFORM_BOUNDS, 0.1, -0.1), "low = 0.1");
  }

  @Test
  void uniformWithOnlyHighBelowTheDefaultLowIsReportedOnHigh() {
    assertOneError(hidden("  @Dense(units = 3, init = Init.UNIFORM,", "      high = -0.5)"),
        String.format(Messages.UNIFORM_BOUNDS, -0.05, -0.5), "high = -0.5");
  }

  @Test
  void biasInitOnALayerWithoutBiasIsReportedOnBiasInit() {
    assertOneError(hidden("  @Dense(units = 3, bias = false)",
        "  @BiasInit(value = Init.CONSTANT, constant = 0.1)"), Messages.BIAS_INIT_WITHOUT_BIAS,
        "@BiasInit(value = Init.CONSTANT");
  }

  @Test
  void biasInitRightBeforeBatchNormHasNoBiasToStart() {
    // Batch normalization before the activation cancels a bias, so the layer has none by default.
    assertOneError(hidden("  @Dense(units = 3) @BatchNorm",
        "  @BiasInit(value = Init.CONSTANT, constant = 0.1)"), Messages.BIAS_INIT_WITHOUT_BIAS,
        "@BiasInit(value = Init.CONSTANT");
  }

  @Test
  void anOrthogonalOrAutoBiasIsReportedOnItsValue() {
    assertOneError(hidden("  @Dense(units = 3)", "  @BiasInit(Init.ORTHOGONAL)"),
        String.format(Messages.BIAS_INIT_KIND, "ORTHOGONAL",
            "a bias is a vector, and only a matrix can be orthogonal"), "@BiasInit(Init.ORTHOGONAL)");
    assertOneError(hidden("  @Dense(units = 3)", "  @BiasInit(Init.AUTO)"),
        String.format(Messages.BIAS_INIT_KIND, "AUTO",
            "AUTO picks a weight initializer from the activation"), "@BiasInit(Init.AUTO)");
  }

  @Test
  void aBiasNormalWithZeroStdIsReportedOnStd() {
    assertOneError(hidden("  @Dense(units = 3)", "  @BiasInit(value = Init.NORMAL,",
        "      std = 0)"), String.format(Messages.NORMAL_STD, 0.0), "std = 0");
  }

  @Test
  void biasInitWithoutDenseIsReportedOnBiasInit() {
    JavaFileObject source = model("Loose",
        "@Model",
        "class Loose {",
        "  @Input(4)",
        "  @BiasInit(Init.ZEROS)",
        "  Layer in;",
        "  @Dense(units = 2) Layer out;",
        "}");
    assertOneError(source, String.format(Messages.NOT_A_LAYER, "BiasInit"), "@BiasInit(Init.ZEROS)");
  }
}
