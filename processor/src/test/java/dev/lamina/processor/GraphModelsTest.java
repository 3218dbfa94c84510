package dev.lamina.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.testing.compile.Compilation;
import dev.lamina.internal.GeneratedNetwork;
import dev.lamina.nn.Parameter;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Models with skip connections and merges compile to networks that compute what the scalar
 * reference computes (outputs, every gradient, running statistics), with the same bits on one
 * thread and on three: a layer read by two others gets their gradients summed in a fixed order.
 */
class GraphModelsTest {
  record Case(String name, String[] lines) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> models() {
    return Stream.of(
        new Case("ResidualCnn", new String[] {
            "@Model(loss = Loss.SOFTMAX_CROSS_ENTROPY)",
            "class ResidualCnn {",
            "  @Input(channels = 1, height = 8, width = 8) Layer image;",
            "  @Conv2d(filters = 8, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer stem;",
            "  @Conv2d(filters = 8, kernel = 3, padding = 1) @BatchNorm @Activation(RELU) Layer a1;",
            "  @Conv2d(filters = 8, kernel = 3, padding = 1) @BatchNorm(gamma = 0.5) Layer a2;",
            "  @Add({\"stem\", \"a2\"}) @Activation(RELU) Layer block1;",
            "  @Conv2d(filters = 16, kernel = 3, stride = 2, padding = 1) @BatchNorm @Activation(RELU) Layer b1;",
            "  @Conv2d(filters = 16, kernel = 3, padding = 1) @BatchNorm Layer b2;",
            "  @From(\"block1\") @Conv2d(filters = 16, kernel = 1, stride = 2) @BatchNorm Layer projection;",
            "  @Add({\"projection\", \"b2\"}) @Activation(RELU) @Dropout(keep = 0.8) Layer block2;",
            "  @Concat({\"block2\", \"b1\"}) Layer both;",
            "  @GlobalAvgPool2d Layer pool;",
            "  @Dense(units = 5) Layer logits;",
            "}"}),
        new Case("WideAndDeep", new String[] {
            "@Model(loss = Loss.SOFTMAX_CROSS_ENTROPY)",
            "class WideAndDeep {",
            "  @Input(12) Layer features;",
            "  @Dense(units = 19) @LayerNorm @Activation(TANH) Layer deep1;",
            "  @Dense(units = 19) @Activation(SIGMOID) @GaussianNoise(0.1) Layer deep2;",
            "  @From(\"features\") @Dense(units = 19) Layer wide;",
            "  @Add({\"deep2\", \"wide\", \"deep1\"}) @Activation(LEAKY_RELU) Layer sum;",
            "  @Concat({\"sum\", \"features\"}) Layer both;",
            "  @Dense(units = 4) Layer logits;",
            "}"}),
        new Case("ThreeChannelBranches", new String[] {
            "@Model(loss = Loss.SOFTMAX_CROSS_ENTROPY)",
            "class ThreeChannelBranches {",
            "  @Input(channels = 3, height = 6, width = 6) Layer image;",
            "  @Conv2d(filters = 4, kernel = 3, padding = 1) @Activation(TANH) Layer left;",
            "  @From(\"image\") @Conv2d(filters = 4, kernel = 1) @GroupNorm(2) Layer right;",
            "  @Add({\"left\", \"right\"}) Layer sum;",
            "  @MaxPool2d(2) Layer pool;",
            "  @Dense(units = 3) Layer logits;",
            "}"}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void matchesTheReferenceOnAnyThreadCount(Case c) throws Exception {
    JavaFileObject source = LaminaCompiler.model(c.name(), c.lines());
    Compilation compilation = LaminaCompiler.compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation.errors()).isEmpty();
    CompiledClasses classes = new CompiledClasses(compilation);
    GeneratedNetwork net = network(classes, c.name());
    assertNull(ReferenceCheck.compare(net, 6, 11));

    GeneratedNetwork one = network(classes, c.name());
    GeneratedNetwork three = network(classes, c.name());
    three.threads(3);
    float[] x = new float[7 * one.inputSize()];
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    float[] y1 = one.forwardTrain(x, 7, 9).clone();
    float[] y3 = three.forwardTrain(x, 7, 9).clone();
    assertArrayEquals(y1, y3, c + ": training output on 1 and 3 threads");
    one.backward(y1.clone(), 7);
    three.backward(y1.clone(), 7);
    for (int i = 0; i < one.parameters().list().size(); i++) {
      Parameter p = one.parameters().list().get(i);
      assertArrayEquals(p.gradient(), three.parameters().list().get(i).gradient(),
          c + ": " + p.name() + " gradient on 1 and 3 threads");
    }
    three.threads(1);
  }

  private static GeneratedNetwork network(CompiledClasses classes, String name) throws Exception {
    return (GeneratedNetwork) classes.loadClass("test." + name + "Net")
        .getConstructor(long.class).newInstance(3L);
  }

  /** {@code @BatchNorm(gamma = 0.5)} is where γ starts; the other normalizations start at 1. */
  @org.junit.jupiter.api.Test
  void gammaStartsWhereTheAnnotationSays() throws Exception {
    Case c = models().findFirst().orElseThrow();
    Compilation compilation = LaminaCompiler.compile(LaminaCompiler.model(c.name(), c.lines()));
    GeneratedNetwork net = network(new CompiledClasses(compilation), c.name());
    for (float g : net.parameters().get("a2.gamma").values()) {
      assertEquals(0.5f, g);
    }
    for (float g : net.parameters().get("b2.gamma").values()) {
      assertEquals(1f, g);
    }
  }
}
