package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.LaminaCompiler.compile;
import static dev.lamina.processor.LaminaCompiler.model;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.lamina.processor.validation.Messages;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Legal layer and class names that the generated code once derived the same names from: each
 * model now compiles, generated code included, or gets one error on the model class naming the
 * clash.
 */
class GeneratedNameClashTest {
  @Test
  void layerNamedLikeAnotherLayersWeight() {
    // h's weight gradient and hWeight's gradient buffer were both hWeightGrad.
    Compilation compilation = compile(model("WeightNames",
        "@Model",
        "class WeightNames {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 5) @Activation(TANH) @BatchNorm Layer h;",
        "  @Dense(units = 5) @Activation(TANH) @Dropout(keep = 0.5) Layer hWeight;",
        "  @Dense(units = 5) @Activation(TANH) @LayerNorm Layer hWeightGrad;",
        "  @Dense(units = 3) Layer hBias;",
        "}"));

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void layersWhoseNamesDifferOnlyInCase() {
    // fc and FC both wanted the constant FC_BOUND, and their noise factors FC_NOISE.
    Compilation compilation = compile(model("CaseNames",
        "@Model",
        "class CaseNames {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 5) @Activation(TANH) @GaussianNoise(0.1) Layer fc;",
        "  @Dense(units = 6) @Activation(TANH) @GaussianNoise(0.1) Layer FC;",
        "  @Dense(units = 3) Layer Fc;",
        "}"));

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void firstConvolutionNamedLastAfterThreeChannels() {
    // Its channels-last copy of the input was lastInput, the field holding the training input.
    assertThat(compile(firstConvolution("last"))).succeededWithoutWarnings();
  }

  @Test
  void firstConvolutionNamedInferAfterThreeChannels() {
    // Its channels-last copy of the input was inferInput, the field holding the inference input.
    assertThat(compile(firstConvolution("infer"))).succeededWithoutWarnings();
  }

  @Test
  void convolutionNamedColBesideTheSharedColumnGradient() {
    // Its gradient buffer was colGrad, the name of the scratch convolutions shared before
    // convScratch; a layer named conv beside it compiles too.
    Compilation compilation = compile(model("ColNames",
        "@Model",
        "class ColNames {",
        "  @Input(channels = 1, height = 6, width = 6) Layer in;",
        "  @Conv2d(filters = 2, kernel = 3) @Activation(RELU) Layer conv;",
        "  @Conv2d(filters = 2, kernel = 3) @Activation(RELU) Layer col;",
        "  @Dense(units = 2) Layer out;",
        "}"));

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void modelAndLayersNamedLikeTheInnerClassOfPasses() {
    // The generated class holds its vector code in an inner class Passes, reached through a field
    // passes: a model class named Passes and layers named passes and Passes must not mean them.
    Compilation compilation = compile(model("Passes",
        "@Model",
        "class Passes {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 5) @Activation(TANH) @Dropout(keep = 0.5) Layer passes;",
        "  @Dense(units = 3) @BatchNorm Layer Passes;",
        "}"));

    assertThat(compilation).succeededWithoutWarnings();
  }

  private static JavaFileObject firstConvolution(String name) {
    return model("Conv" + name,
        "@Model",
        "class Conv" + name + " {",
        "  @Input(channels = 3, height = 5, width = 5) Layer image;",
        "  @Conv2d(filters = 4, kernel = 3) @Activation(RELU) Layer " + name + ";",
        "  @Dense(units = 2) Layer out;",
        "}");
  }

  @Test
  void classesInTheModelsPackageNamedLikeJavaLangTypes() {
    // The generated code named java.lang's Float, Math and Override without their package, so
    // these classes took their place.
    JavaFileObject model = model("Shadowed",
        "@Model",
        "class Shadowed {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 5) @Activation(RELU) @BatchNorm(placement = NormPlacement.AFTER_ACTIVATION)",
        "  Layer hidden;",
        "  @Dense(units = 3) Layer out;",
        "}");
    Compilation compilation = compile(model,
        JavaFileObjects.forSourceLines("test.Float", "package test;", "class Float {}"),
        JavaFileObjects.forSourceLines("test.Math", "package test;", "class Math {}"),
        JavaFileObjects.forSourceLines("test.Override", "package test;", "class Override {}"));

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void nestedModelsWhoseNetworksWouldShareAName() {
    JavaFileObject outer = JavaFileObjects.forSourceLines("test.Outer",
        "package test;",
        "import dev.lamina.*;",
        "class Outer {",
        "  @Model static class A_B {",
        "    @Input(4) Layer in;",
        "    @Dense(units = 2) Layer out;",
        "  }",
        "}");
    JavaFileObject outerA = JavaFileObjects.forSourceLines("test.Outer_A",
        "package test;",
        "import dev.lamina.*;",
        "class Outer_A {",
        "  @Model static class B {",
        "    @Input(4) Layer in;",
        "    @Dense(units = 2) Layer out;",
        "  }",
        "}");

    Compilation compilation = compile(outer, outerA);

    assertThat(compilation).hadErrorContaining(String.format(Messages.NETWORK_NAME_TAKEN,
            "test.Outer_A_BNet", "the network of test.Outer.A_B"))
        .inFile(outerA).onLineContaining("class B");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void handWrittenClassWithTheNetworksName() {
    JavaFileObject source = model("Foo",
        "@Model",
        "class Foo {",
        "  @Input(4) Layer in;",
        "  @Dense(units = 2) Layer out;",
        "}");
    JavaFileObject existing = JavaFileObjects.forSourceLines("test.FooNet",
        "package test;",
        "class FooNet {}");

    Compilation compilation = compile(source, existing);

    assertThat(compilation).hadErrorContaining(String.format(Messages.NETWORK_NAME_TAKEN,
            "test.FooNet", "the class test.FooNet"))
        .inFile(source).onLineContaining("class Foo");
    assertThat(compilation).hadErrorCount(1);
  }
}
