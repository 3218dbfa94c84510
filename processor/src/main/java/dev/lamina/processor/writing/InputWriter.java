package dev.lamina.processor.writing;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.Shape;
import java.util.Set;

/**
 * The input layer: its line of {@code SPEC}, and its methods: noise and dropout on the input
 * while training, classic dropout's scale at inference. Each is one loop over every value of rows
 * r0..r1-1.
 */
final class InputWriter implements LayerWriter {
  private final LayerNames n;

  InputWriter(LayerNames n) {
    this.n = n;
  }

  // LayerSpec.input("pixels", 784, 1.0, DropoutMode.INVERTED)[.withImage(ImageSpec.input(...))]
  @Override
  public CodeBlock spec() {
    LayerSpec l = n.layer();
    CodeBlock input = CodeBlock.of("$T.input($S, $L, $L, $T.$L)", Names.LAYER_SPEC, l.name(),
        l.units(), l.keep(), Names.DROPOUT_MODE, l.dropoutMode());
    if (!l.isImage()) {
      return input;
    }
    Shape s = l.image().out();
    return CodeBlock.of("$L.withImage($T.input(new $T($L, $L, $L)))", input,
        SpecLiteral.IMAGE_SPEC, SpecLiteral.SHAPE, s.channels(), s.height(), s.width());
  }

  @Override
  public void addMethods(TypeSpec.Builder type) {
    if (n.layer().hasNoise()) {
      type.addMethod(noise(n));
    } else if (n.layer().hasDropout()) {
      type.addMethod(dropout(n));
    }
    if (n.classicDropout()) {
      type.addMethod(inferScale(n));
    }
  }

  // pixelsNoise(lastInput, r0, r1, noiseKeys[0][, keys[0]]);  or  pixelsDropout(lastInput, r0, r1, keys[0]);
  @Override
  public CodeBlock forwardTrain() {
    CodeBlock dropoutKey = PassCalls.dropoutKey(n);
    if (n.layer().hasNoise()) {
      return CodeBlock.of("$N($N, r0, r1$L$L);\n", n.method(LayerMember.NOISE_METHOD),
          LayerNames.LAST_INPUT, NoiseCode.keyArgument(n), dropoutKey);
    }
    if (n.layer().hasDropout()) {
      return CodeBlock.of("$N($N, r0, r1$L);\n", n.method(LayerMember.DROPOUT_METHOD),
          LayerNames.LAST_INPUT, dropoutKey);
    }
    return CodeBlock.of("");
  }

  // [pixelsScale(inferInput, r0, r1);]
  @Override
  public CodeBlock forwardInfer() {
    return n.classicDropout()
        ? CodeBlock.of("$N($N, r0, r1);\n", n.method(LayerMember.SCALE_METHOD), LayerNames.INFER_INPUT)
        : CodeBlock.of("");
  }

  @Override
  public CodeBlock backward() {
    throw new IllegalStateException("the backward pass stops at the input layer " + n.layer().name());
  }

  // private void pixelsDropout(float[] x, int r0, int r1, int key) {
  //   for each value i of rows r0..r1-1: v = x[i]; <mask, store>
  // }
  private static MethodSpec dropout(LayerNames n) {
    return Methods.overRows(n.method(LayerMember.DROPOUT_METHOD), "x")
        .addJavadoc("$L: dropout keep $L on the input ($L).\n", n.layer().name(),
            n.layer().keep(), n.layer().dropoutMode())
        .addParameter(int.class, "key")
        .addCode(values(n, LoopBody.load("x", "i").add(DropoutCode.inputVector(n, "i"),
            DropoutCode.inputScalar(n, "i"))))
        .build();
  }

  // private void pixelsNoise(float[] x, int r0, int r1, int noiseKey[, int key]) {
  //   for each value i of rows r0..r1-1: v = x[i] + noise(i); [dropout mask]; pixelsOut[i] = v
  // }
  private static MethodSpec noise(LayerNames n) {
    MethodSpec.Builder m = Methods.overRows(n.method(LayerMember.NOISE_METHOD), "x")
        .addJavadoc("$L: Gaussian noise of std $L on the input$L, into $N.\n", n.layer().name(),
            n.layer().noise(), n.layer().hasDropout() ? ", then dropout keep " + n.layer().keep() : "",
            n.out())
        .addParameter(int.class, "noiseKey");
    LoopBody body = LoopBody.load("x", "i").noise(n, "i");
    if (n.layer().hasDropout()) {
      m.addParameter(int.class, "key");
      body.add(DropoutCode.inputVector(n, "i"), DropoutCode.inputScalar(n, "i"));
    }
    return m.addCode(values(n, body)).build();
  }

  // Classic dropout scales the input by keep at inference: out[i] = x[i] * keep.
  private static MethodSpec inferScale(LayerNames n) {
    String keep = Elementwise.literal(n.layer().keep());
    return Methods.overRows(n.method(LayerMember.SCALE_METHOD), "x")
        .addJavadoc("$L: classic dropout's inference scale, × keep.\n", n.layer().name())
        .addCode(values(n, new LoopBody().add(
            CodeBlock.of("$T.fromArray(S, x, i).mul($L).intoArray($N, i);\n", Names.FLOAT_VECTOR, keep, n.out()),
            CodeBlock.of("$N[i] = x[i] * $L;\n", n.out(), keep))))
        .build();
  }

  /** i over every value of rows r0..r1-1: whole vectors, then the scalar tail. */
  private static CodeBlock values(LayerNames n, LoopBody body) {
    return CodeBlock.builder()
        .addStatement("int n = r1 * $L", n.layer().units())
        .addStatement("int i = r0 * $L", n.layer().units())
        .addStatement("int bound = i + S.loopBound(n - i)")
        .beginControlFlow("for (; i < bound; i += S.length())")
        .add(body.vector())
        .endControlFlow()
        .beginControlFlow("for (; i < n; i++)")
        .add(body.scalar())
        .endControlFlow()
        .build();
  }

  /** Registers the writer. */
  @AutoService(LayerWriters.Factory.class)
  public static final class Factory extends LayerWriters.Factory {
    public Factory() {
      super(Set.of(LayerSpec.Type.INPUT));
    }

    @Override
    LayerWriter writer(LayerNames n, LayerGraph graph, PassCalls calls) {
      return new InputWriter(n);
    }
  }
}
