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

/** Errors about layer fields and their @Dense, @Activation and @Dropout values. */
class LayerErrorsTest {
  @ParameterizedTest(name = "keep = {0}")
  @ValueSource(strings = {"1.5", "0", "-0.2"})
  void dropoutKeepOutsideZeroToOneIsReportedOnKeep(String keep) {
    JavaFileObject source = model("BadKeep",
        "@Model",
        "class BadKeep {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 3)",
        "  @Dropout(mode = DropoutMode.INVERTED,",
        "      keep = " + keep + ")",
        "  Layer hidden;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(String.format(Messages.DROPOUT_KEEP, Double.parseDouble(keep)))
        .inFile(source).onLineContaining("keep = " + keep);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void twoNormalizationsOnADenseLayerAreReportedOnceOnTheLaterOne() {
    JavaFileObject source = model("TwoDenseNorms",
        "@Model",
        "class TwoDenseNorms {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 3) @BatchNorm",
        "  @LayerNorm Layer hidden;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(Messages.TWO_NORMS)
        .inFile(source).onLineContaining("@LayerNorm");
    assertThat(compilation).hadErrorCount(1);
  }

  @ParameterizedTest(name = "units = {0}")
  @ValueSource(ints = {0, -3})
  void denseUnitsNotPositiveIsReportedOnUnits(int units) {
    JavaFileObject source = model("BadUnits",
        "@Model",
        "class BadUnits {",
        "  @Input(4) Layer in;",
        "  @Dense(init = Init.HE,",
        "      units = " + units + ")",
        "  Layer hidden;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(String.format(Messages.DENSE_UNITS, units))
        .inFile(source).onLineContaining("units = " + units);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void leakyReluSlopeOfOneAndAHalfIsReportedOnSlope() {
    JavaFileObject source = model("BadSlope",
        "@Model",
        "class BadSlope {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 3)",
        "  @Activation(value = LEAKY_RELU,",
        "      slope = 1.5)",
        "  Layer hidden;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(String.format(Messages.LEAKY_SLOPE, 1.5))
        .inFile(source).onLineContaining("slope = 1.5");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void normalInitWithZeroStdIsReportedOnStd() {
    JavaFileObject source = model("BadStd",
        "@Model",
        "class BadStd {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 3, init = Init.NORMAL,",
        "      std = 0)",
        "  Layer hidden;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(String.format(Messages.NORMAL_STD, 0.0))
        .inFile(source).onLineContaining("std = 0");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void dropoutOnAFieldWithoutALayerAnnotationIsReportedOnDropout() {
    JavaFileObject source = model("LooseDropout",
        "@Model",
        "class LooseDropout {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 2) Layer out;",
        "  @Dropout(keep = 0.5)",
        "  Layer extra;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(String.format(Messages.NOT_A_LAYER, "Dropout"))
        .inFile(source).onLineContaining("@Dropout(keep = 0.5)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void layerFieldWithoutAnyAnnotationIsReportedOnTheField() {
    JavaFileObject source = model("BareLayer",
        "@Model",
        "class BareLayer {",
        "  @Input(4) Layer in;",
        "  Layer bare;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(String.format(Messages.LAYER_UNANNOTATED, "bare"))
        .inFile(source).onLineContaining("Layer bare;");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void layerAnnotationOnAStringFieldIsReportedOnTheField() {
    JavaFileObject source = model("WrongType",
        "@Model",
        "class WrongType {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 3)",
        "  String hidden;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(String.format(Messages.LAYER_TYPE, "hidden", "java.lang.String"))
        .inFile(source).onLineContaining("String hidden;");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void inputAndDenseOnOneFieldIsReportedOnDense() {
    JavaFileObject source = model("TwoKinds",
        "@Model",
        "class TwoKinds {",
        "  @Input(4)",
        "  @Dense(units = 3)",
        "  Layer both;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(Messages.TWO_LAYER_KINDS)
        .inFile(source).onLineContaining("@Dense(units = 3)");
    assertThat(compilation).hadErrorCount(1);
  }
}
