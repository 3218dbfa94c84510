package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.LaminaCompiler.compile;
import static dev.lamina.processor.LaminaCompiler.model;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Valid models compile without errors or warnings, into exactly one {@code <Model>Net}. */
class ValidModelsTest {
  private static void assertGeneratesOnly(Compilation compilation, String qualifiedName) {
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile(qualifiedName);
    assertEquals(1, compilation.generatedSourceFiles().size(), "generated files");
  }

  @Test
  void fashionMlpGeneratesFashionMlpNet() {
    Compilation compilation = compile(model("FashionMlp",
        "@Model(loss = Loss.SOFTMAX_CROSS_ENTROPY)",
        "class FashionMlp {",
        "  @Input(784) @Dropout(keep = 0.9) Layer pixels;",
        "  @Dense(units = 256, init = Init.HE) @Activation(RELU) @Dropout(keep = 0.8) Layer hidden1;",
        "  @Dense(units = 128, init = Init.HE) @Activation(RELU) @Dropout(keep = 0.8) Layer hidden2;",
        "  @Dense(units = 10, init = Init.XAVIER) Layer logits;",
        "}"));

    assertGeneratesOnly(compilation, "test.FashionMlpNet");
  }

  @Test
  void everyNonlinearityCompiles() {
    Compilation compilation = compile(model("AllActivations",
        "@Model",
        "class AllActivations {",
        "  @Input(6) Layer in;",
        "  @Dense(units = 5) @Activation(RELU) Layer relu;",
        "  @Dense(units = 5) @Activation(value = LEAKY_RELU, slope = 0.2) Layer leaky;",
        "  @Dense(units = 5) @Activation(TANH) Layer tanh;",
        "  @Dense(units = 5) @Activation(SIGMOID) Layer sigmoid;",
        "  @Dense(units = 3) @Activation(IDENTITY) Layer logits;",
        "}"));

    assertGeneratesOnly(compilation, "test.AllActivationsNet");
  }

  @Test
  void everyInitializerCompiles() {
    Compilation compilation = compile(model("AllInits",
        "@Model",
        "class AllInits {",
        "  @Input(6) Layer in;",
        "  @Dense(units = 5, init = Init.AUTO) @Activation(RELU) Layer auto;",
        "  @Dense(units = 5, init = Init.HE) @Activation(RELU) Layer he;",
        "  @Dense(units = 5, init = Init.HE_UNIFORM, fanMode = FanMode.OUT)",
        "  @Activation(LEAKY_RELU) Layer heUniform;",
        "  @Dense(units = 5, init = Init.XAVIER) @Activation(TANH) Layer xavier;",
        "  @Dense(units = 5, init = Init.XAVIER_UNIFORM, gain = Gain.ACTIVATION) @Activation(TANH)",
        "  Layer xavierUniform;",
        "  @Dense(units = 5, init = Init.LECUN) @Activation(SIGMOID) Layer lecun;",
        "  @Dense(units = 5, init = Init.LECUN_UNIFORM, fanMode = FanMode.AVERAGE) Layer lecunUniform;",
        "  @Dense(units = 5, init = Init.ORTHOGONAL, gain = Gain.ACTIVATION) @Activation(RELU)",
        "  Layer orthogonal;",
        "  @Dense(units = 5, init = Init.NORMAL, mean = 0.01, std = 0.4)",
        "  @BiasInit(value = Init.CONSTANT, constant = 0.1) Layer normal;",
        "  @Dense(units = 5, init = Init.TRUNCATED_NORMAL, std = 0.5) @BiasInit(Init.NORMAL)",
        "  Layer truncated;",
        "  @Dense(units = 5, init = Init.UNIFORM, low = -0.7, high = 0.7)",
        "  @BiasInit(value = Init.UNIFORM, low = 0, high = 0.1) Layer uniform;",
        "  @Dense(units = 5, init = Init.CONSTANT, constant = 0.2) @BiasInit(Init.HE) Layer constant;",
        "  @Dense(units = 3, init = Init.ZEROS) @BiasInit(Init.XAVIER_UNIFORM) Layer zeros;",
        "}"));

    assertGeneratesOnly(compilation, "test.AllInitsNet");
  }

  @Test
  void classicDropoutCompiles() {
    Compilation compilation = compile(model("Classic",
        "@Model",
        "class Classic {",
        "  @Input(8) @Dropout(keep = 0.8, mode = DropoutMode.CLASSIC) Layer in;",
        "  @Dense(units = 6) @Activation(RELU) @Dropout(keep = 0.5, mode = DropoutMode.CLASSIC)",
        "  Layer hidden;",
        "  @Dense(units = 3) Layer logits;",
        "}"));

    assertGeneratesOnly(compilation, "test.ClassicNet");
  }

  @Test
  void denseWithoutBiasCompiles() {
    Compilation compilation = compile(model("NoBias",
        "@Model",
        "class NoBias {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 6, bias = false) @Activation(TANH) Layer hidden;",
        "  @Dense(units = 2, bias = false) Layer logits;",
        "}"));

    assertGeneratesOnly(compilation, "test.NoBiasNet");
  }

  @Test
  void imageInputCompilesAsItsFlattenedSize() {
    Compilation compilation = compile(model("Image",
        "@Model",
        "class Image {",
        "  @Input(channels = 1, height = 28, width = 28) Layer pixels;",
        "  @Dense(units = 10) Layer logits;",
        "}"));

    assertGeneratesOnly(compilation, "test.ImageNet");
    assertThat(compilation).generatedSourceFile("test.ImageNet")
        .contentsAsUtf8String().contains("LayerSpec.input(\"pixels\", 784,");
  }

  @Test
  void meanSquaredErrorAllowsAnActivationOnTheLastLayer() {
    Compilation compilation = compile(model("Regression",
        "@Model(loss = Loss.MEAN_SQUARED_ERROR)",
        "class Regression {",
        "  @Input(3) Layer in;",
        "  @Dense(units = 1) @Activation(SIGMOID) Layer out;",
        "}"));

    assertGeneratesOnly(compilation, "test.RegressionNet");
  }

  @Test
  void nestedModelGeneratesOuterUnderscoreInnerNet() {
    JavaFileObject source = model("Outer",
        "class Outer {",
        "  @Model",
        "  static class Inner {",
        "    @Input(4) Layer in;",
        "    @Dense(units = 2) Layer out;",
        "  }",
        "}");

    assertGeneratesOnly(compile(source), "test.Outer_InnerNet");
  }
}
