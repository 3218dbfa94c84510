package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.LaminaCompiler.compile;
import static dev.lamina.processor.LaminaCompiler.model;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.lamina.processor.validation.Messages;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Errors, warnings and notes about graphs: the names {@code @From}, {@code @Add} and
 * {@code @Concat} read, merges whose shapes do not fit (with both shapes and the fix), outputs
 * nothing reads, and where γ may start at 0. Each lands on the value that causes it.
 */
class GraphErrorsTest {
  /** A residual CNN of 8×8 images, its block written by {@code block}. */
  private static JavaFileObject cnn(String name, String... block) {
    List<String> lines = new ArrayList<>(List.of(
        "@Model(loss = Loss.SOFTMAX_CROSS_ENTROPY)",
        "class " + name + " {",
        "  @Input(channels = 1, height = 8, width = 8) Layer image;",
        "  @Conv2d(filters = 8, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer stem;"));
    lines.addAll(List.of(block));
    lines.addAll(List.of("  @GlobalAvgPool2d Layer pool;", "  @Dense(units = 3) Layer logits;", "}"));
    return model(name, lines.toArray(String[]::new));
  }

  private static void assertOneError(JavaFileObject source, String message, String line) {
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void anUnknownNameIsReportedOnIt() {
    JavaFileObject source = cnn("Unknown",
        "  @Conv2d(filters = 8, kernel = 3, padding = 1) @BatchNorm Layer conv;",
        "  @Add({\"stem\",",
        "      \"stme\"}) Layer block;");
    assertOneError(source, String.format(Messages.UNKNOWN_INPUT, "Unknown", "stme",
        "[image, stem, conv, block, pool, logits]"), "\"stme\"");
  }

  @Test
  void aForwardReferenceIsReportedOnIt() {
    JavaFileObject source = cnn("Forward",
        "  @From(\"later\") @Conv2d(filters = 8, kernel = 1) Layer early;",
        "  @From(\"stem\") @Conv2d(filters = 8, kernel = 3, padding = 1) @BatchNorm Layer later;",
        "  @Add({\"stem\", \"later\"}) Layer block;");
    assertOneError(source, String.format(Messages.FORWARD_INPUT, "later", "early", "later", "early"),
        "@From(\"later\")");
  }

  @Test
  void aLoopIsReportedWithItsPath() {
    JavaFileObject source = cnn("Loop",
        "  @From(\"b\") @Conv2d(filters = 8, kernel = 1) Layer a;",
        "  @Conv2d(filters = 8, kernel = 1) Layer b;",
        "  @Add({\"stem\", \"b\"}) Layer block;");
    assertOneError(source, String.format(Messages.INPUT_CYCLE, "a", "a → b → a"), "@From(\"b\")");
  }

  @Test
  void aLayerThatReadsItselfIsALoop() {
    JavaFileObject source = cnn("Self",
        "  @From(\"conv\") @Conv2d(filters = 8, kernel = 1) Layer conv;");
    assertOneError(source, String.format(Messages.INPUT_CYCLE, "conv", "it names itself"),
        "@From(\"conv\")");
  }

  @Test
  void anOutputNothingReadsIsReportedOnItsLayer() {
    JavaFileObject source = cnn("Unused",
        "  @Conv2d(filters = 8, kernel = 3, padding = 1) Layer dangling;",
        "  @From(\"stem\") @Conv2d(filters = 8, kernel = 1) Layer conv;");
    assertOneError(source, String.format(Messages.UNUSED_LAYER, "dangling"), "Layer dangling");
  }

  @Test
  void aSumOfShapesThatDifferNamesBothAndTheProjection() {
    JavaFileObject source = cnn("Mismatch",
        "  @Conv2d(filters = 16, kernel = 3, stride = 2, padding = 1) @BatchNorm Layer conv;",
        "  @Add({\"stem\",",
        "      \"conv\"}) Layer block;");
    assertOneError(source, String.format(Messages.ADD_SHAPES, "stem", "(8, 8, 8)", "conv",
        "(16, 4, 4)", "Give the shortcut a projection, a 1×1 convolution with 16 filters and "
            + "stride 2: @From(\"stem\") @Conv2d(filters = 16, kernel = 1, stride = 2) @BatchNorm "
            + "Layer projection; and sum the projection. Or match the branch's strides and filters "
            + "to the shortcut's."), "\"conv\"})");
  }

  @Test
  void aConcatenationOfImagesOfTwoSizesNamesTheLargerOne() {
    JavaFileObject source = cnn("ConcatSizes",
        "  @MaxPool2d(2) Layer half;",
        "  @Concat({\"half\",",
        "      \"stem\"}) Layer both;");
    assertOneError(source, String.format(Messages.CONCAT_SHAPES, "half", "(8, 4, 4)", "stem",
        "(8, 8, 8)", "Bring 'stem' to 4×4 first, e.g. with a stride or a pooling layer."),
        "\"stem\"})");
  }

  @Test
  void aMergeOfOneLayerOrOfOneLayerTwiceIsReportedOnItsList() {
    JavaFileObject source = cnn("Twice",
        "  @Conv2d(filters = 8, kernel = 3, padding = 1) @BatchNorm Layer conv;",
        "  @Add({\"conv\", \"conv\"}) Layer block;");
    assertOneError(source, String.format(Messages.MERGE_INPUTS, "Add",
        "[conv, conv], which names conv more than once"), "@Add");
  }

  @Test
  void fromOnAMergeAndModifiersOnAConcatenationAreReportedOnThem() {
    JavaFileObject source = cnn("Modifiers",
        "  @Conv2d(filters = 8, kernel = 3, padding = 1) @BatchNorm Layer conv;",
        "  @Concat({\"stem\", \"conv\"})",
        "  @Activation(TANH) Layer both;");
    assertOneError(source, String.format(Messages.NOT_ON_MERGE, "Activation", "Concat",
        "only places its inputs side by side", "the layer that reads it"), "@Activation(TANH)");
    JavaFileObject from = cnn("FromOnMerge",
        "  @Conv2d(filters = 8, kernel = 3, padding = 1) @BatchNorm Layer conv;",
        "  @From(\"stem\")",
        "  @Add({\"stem\", \"conv\"}) Layer block;");
    assertOneError(from, String.format(Messages.FROM_ON_MERGE, "Add"), "@From(\"stem\")");
  }

  @Test
  void aMergeCannotReadAnInputOfSeveralChannels() {
    JavaFileObject source = model("RgbSum",
        "@Model(loss = Loss.SOFTMAX_CROSS_ENTROPY)",
        "class RgbSum {",
        "  @Input(channels = 3, height = 4, width = 4) Layer image;",
        "  @Conv2d(filters = 3, kernel = 3, padding = 1) Layer conv;",
        "  @Add({\"conv\",",
        "      \"image\"}) Layer sum;",
        "  @Dense(units = 2) Layer logits;",
        "}");
    assertOneError(source, String.format(Messages.MERGE_READS_INPUT, "Add", 3, "image"),
        "\"image\"})");
  }

  @Test
  void gammaZeroOutsideAResidualBranchWarns() {
    JavaFileObject source = model("SilentLayer",
        "@Model(loss = Loss.SOFTMAX_CROSS_ENTROPY)",
        "class SilentLayer {",
        "  @Input(6) Layer in;",
        "  @Dense(units = 4) @BatchNorm(gamma = 0) @Activation(RELU) Layer hidden;",
        "  @Dense(units = 2) Layer logits;",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(
        String.format(Messages.ZERO_GAMMA_OUTSIDE_RESIDUAL, "hidden")).inFile(source)
        .onLineContaining("gamma = 0");
  }

  @Test
  void aResidualSumWithoutZeroGammaGetsTheAdviceAndOneWithItNone() {
    JavaFileObject advised = cnn("Advised",
        "  @Conv2d(filters = 8, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer conv1;",
        "  @Conv2d(filters = 8, kernel = 3, padding = 1) @BatchNorm Layer conv2;",
        "  @Add({\"stem\", \"conv2\"}) @Activation(RELU) Layer block;");
    Compilation compilation = compile(advised);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).hadNoteContaining(String.format(Messages.ZERO_INIT_RESIDUAL, "conv2",
        "block")).inFile(advised).onLineContaining("@Add");
    JavaFileObject zero = cnn("ZeroInit",
        "  @Conv2d(filters = 8, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer conv1;",
        "  @Conv2d(filters = 8, kernel = 3, padding = 1) @BatchNorm(gamma = 0) Layer conv2;",
        "  @Add({\"stem\", \"conv2\"}) @Activation(RELU) Layer block;");
    Compilation clean = compile(zero);
    assertThat(clean).succeededWithoutWarnings();
    assertEquals(0, clean.notes().stream().filter(n -> n.getMessage(null).contains("Lamina"))
        .count(), () -> clean.notes().toString());
  }

  /** docs/models.md's residual network: a projection's stride reads one pixel in four on purpose. */
  @Test
  void theDocumentedResidualNetworkCompilesWithoutWarnings() {
    JavaFileObject source = model("TinyResNet",
        "@Model(loss = Loss.SOFTMAX_CROSS_ENTROPY)",
        "class TinyResNet {",
        "  @Input(channels = 1, height = 28, width = 28) Layer image;",
        "  @Conv2d(filters = 16, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer stem;",
        "  @Conv2d(filters = 16, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer conv1;",
        "  @Conv2d(filters = 16, kernel = 3, padding = 1) @BatchNorm(gamma = 0) Layer conv2;",
        "  @Add({\"stem\", \"conv2\"}) @Activation(RELU) Layer block1;",
        "  @Conv2d(filters = 32, kernel = 3, stride = 2, padding = 1) @BatchNorm @Activation(RELU) Layer conv3;",
        "  @Conv2d(filters = 32, kernel = 3, padding = 1) @BatchNorm(gamma = 0) Layer conv4;",
        "  @From(\"block1\") @Conv2d(filters = 32, kernel = 1, stride = 2) @BatchNorm Layer projection;",
        "  @Add({\"projection\", \"conv4\"}) @Activation(RELU) Layer block2;",
        "  @GlobalAvgPool2d Layer pool;",
        "  @Dense(units = 10) Layer logits;",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).succeededWithoutWarnings();
    assertEquals(0, compilation.notes().stream().filter(n -> n.getMessage(null).contains("Lamina"))
        .count(), () -> compilation.notes().toString());
  }
}
