package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.LaminaCompiler.compile;
import static dev.lamina.processor.LaminaCompiler.model;

import com.google.testing.compile.Compilation;
import dev.lamina.processor.validation.Messages;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Shapes that do not fit and other mistakes of convolutional models, each reported on the value
 * that causes it, with the shapes the processor computed in the message.
 */
class ConvErrorsTest {
  @Test
  void kernelLargerThanThePaddedInputIsReportedOnKernel() {
    JavaFileObject source = model("BigKernel",
        "@Model",
        "class BigKernel {",
        "  @Input(channels = 1, height = 4, width = 4) Layer in;",
        "  @Conv2d(filters = 2, padding = 0,",
        "      kernel = 5)",
        "  Layer conv;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            String.format(Messages.WINDOW_TOO_LARGE, 5, 5, "kernel 5", "(1, 4, 4)", 4, 4, ""))
        .inFile(source).onLineContaining("kernel = 5");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void poolingWindowLargerThanTheShrunkImageNamesTheComputedShape() {
    JavaFileObject source = model("BigPool",
        "@Model",
        "class BigPool {",
        "  @Input(channels = 1, height = 6, width = 7) Layer in;",
        "  @Conv2d(filters = 2, kernel = 3) Layer conv;",   // (2, 4, 5)
        "  @MaxPool2d(2) Layer pool;",                     // (2, 2, 2)
        "  @AvgPool2d(",
        "      value = 3)",
        "  Layer again;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(String.format(Messages.WINDOW_TOO_LARGE, 3, 3,
            "pooling window 3", "(2, 2, 2)", 2, 2, ""))
        .inFile(source).onLineContaining("value = 3)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void dilatedKernelIsMeasuredWithItsPadding() {
    JavaFileObject source = model("Dilated",
        "@Model",
        "class Dilated {",
        "  @Input(channels = 3, height = 4, width = 9) Layer in;",
        "  @Conv2d(filters = 4, padding = 1, dilation = 3,",
        "      kernel = 3)",
        "  Layer conv;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(String.format(Messages.WINDOW_TOO_LARGE, 7, 7,
            "kernel 3, dilation 3", "(3, 4, 9)", 6, 11, " with padding 1 on each side"))
        .inFile(source).onLineContaining("kernel = 3");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void zeroFiltersIsReportedOnFilters() {
    JavaFileObject source = model("NoFilters",
        "@Model",
        "class NoFilters {",
        "  @Input(channels = 1, height = 8, width = 8) Layer in;",
        "  @Conv2d(kernel = 3,",
        "      filters = 0)",
        "  Layer conv;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(String.format(Messages.CONV_FILTERS, 0))
        .inFile(source).onLineContaining("filters = 0");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void windowMembersOutOfRangeAreEachReported() {
    JavaFileObject source = model("BadWindow",
        "@Model",
        "class BadWindow {",
        "  @Input(channels = 1, height = 8, width = 8) Layer in;",
        "  @Conv2d(filters = 2, kernel = 3,",
        "      stride = 0,",
        "      padding = -1,",
        "      dilation = 0)",
        "  Layer conv;",
        "  @MaxPool2d(value = 2,",
        "      stride = -2)",
        "  Layer pool;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(String.format(Messages.CONV_STRIDE, 0))
        .inFile(source).onLineContaining("stride = 0");
    assertThat(compilation).hadErrorContaining(String.format(Messages.CONV_PADDING, -1))
        .inFile(source).onLineContaining("padding = -1");
    assertThat(compilation).hadErrorContaining(String.format(Messages.CONV_DILATION, 0))
        .inFile(source).onLineContaining("dilation = 0");
    assertThat(compilation).hadErrorContaining(String.format(Messages.POOL_STRIDE, -2))
        .inFile(source).onLineContaining("stride = -2");
    assertThat(compilation).hadErrorCount(4);
  }

  @Test
  void convolutionAfterAFlatInputAsksForTheImageShape() {
    JavaFileObject source = model("FlatInput",
        "@Model",
        "class FlatInput {",
        "  @Input(784) Layer in;",
        "  @Conv2d(filters = 8, kernel = 3) Layer conv;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(String.format(Messages.NEEDS_IMAGE, "Conv2d", "in", 784))
        .inFile(source).onLineContaining("@Conv2d");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void poolingAfterADenseLayerIsReported() {
    JavaFileObject source = model("PoolAfterDense",
        "@Model",
        "class PoolAfterDense {",
        "  @Input(channels = 1, height = 8, width = 8) Layer in;",
        "  @Dense(units = 16) Layer hidden;",
        "  @MaxPool2d(2) Layer pool;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            String.format(Messages.NEEDS_IMAGE, "MaxPool2d", "hidden", 16))
        .inFile(source).onLineContaining("@MaxPool2d");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void groupsThatDoNotDivideTheChannelsAreReportedOnGroups() {
    JavaFileObject source = model("BadGroups",
        "@Model",
        "class BadGroups {",
        "  @Input(channels = 1, height = 8, width = 8) Layer in;",
        "  @Conv2d(filters = 12, kernel = 3)",
        "  @GroupNorm(",
        "      5)",
        "  @Activation(RELU) Layer conv;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            String.format(Messages.GROUP_NORM_GROUPS, 12, 5, "1, 2, 3, 4, 6, 12"))
        .inFile(source).onLineContaining("5)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void instanceNormOnADenseLayerIsReported() {
    JavaFileObject source = model("DenseInstance",
        "@Model",
        "class DenseInstance {",
        "  @Input(16) Layer in;",
        "  @Dense(units = 8) @InstanceNorm @Activation(RELU) Layer hidden;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(String.format(Messages.NORM_NEEDS_CONV, "InstanceNorm"))
        .inFile(source).onLineContaining("@InstanceNorm");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void twoNormalizationsOnAConvolutionAreReported() {
    JavaFileObject source = model("TwoNorms",
        "@Model",
        "class TwoNorms {",
        "  @Input(channels = 1, height = 8, width = 8) Layer in;",
        "  @Conv2d(filters = 4, kernel = 3) @BatchNorm",
        "  @GroupNorm(2) Layer conv;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(Messages.TWO_NORMS)
        .inFile(source).onLineContaining("@GroupNorm");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void anActivationOnAPoolingLayerIsReported() {
    JavaFileObject source = model("ActivePool",
        "@Model",
        "class ActivePool {",
        "  @Input(channels = 1, height = 8, width = 8) Layer in;",
        "  @Conv2d(filters = 4, kernel = 3) Layer conv;",
        "  @MaxPool2d(2) @Activation(RELU) Layer pool;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(String.format(Messages.NOT_ON_POOL, "Activation"))
        .inFile(source).onLineContaining("@Activation");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aFieldThatIsBothAConvolutionAndAPoolingIsReported() {
    JavaFileObject source = model("ConvPool",
        "@Model",
        "class ConvPool {",
        "  @Input(channels = 1, height = 8, width = 8) Layer in;",
        "  @Conv2d(filters = 4, kernel = 3)",
        "  @MaxPool2d(2) Layer both;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            String.format(Messages.TWO_IMAGE_LAYER_KINDS, "Conv2d", "MaxPool2d"))
        .inFile(source).onLineContaining("@MaxPool2d");
  }

  private static JavaFileObject skippingStride(String suppression) {
    return model("Skips",
        "@Model",
        "class Skips {",
        "  @Input(channels = 1, height = 9, width = 9) Layer in;",
        suppression,
        "  @Conv2d(filters = 4, kernel = 2,",
        "      stride = 3)",
        "  Layer conv;",
        "  @Dense(units = 2) Layer out;",
        "}");
  }

  @Test
  void aStrideThatSkipsRowsIsAWarningOnStrideThatCanBeSilenced() {
    JavaFileObject source = skippingStride("");
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(
            String.format(Messages.STRIDE_SKIPS, 3, 2, 1, 3, "(1, 9, 9)", "(4, 3, 3)", 2))
        .inFile(source).onLineContaining("stride = 3");
    assertThat(compilation).hadWarningCount(1);

    assertThat(compile(skippingStride("  @SuppressWarnings(\"lamina:StrideSkips\")")))
        .succeededWithoutWarnings();
  }

  @Test
  void paddingThatOnlyAddsZeroWindowsIsAWarningOnPadding() {
    JavaFileObject source = model("WidePadding",
        "@Model",
        "class WidePadding {",
        "  @Input(channels = 1, height = 6, width = 6) Layer in;",
        "  @Conv2d(filters = 4, kernel = 3,",
        "      padding = 3)",
        "  Layer conv;",
        "  @Dense(units = 2) Layer out;",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(
            String.format(Messages.PADDING_ONLY_ZEROS, 3, 3, "(1, 6, 6)", 2))
        .inFile(source).onLineContaining("padding = 3");
  }
}
