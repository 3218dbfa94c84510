package dev.lamina.processor.writing;

import com.palantir.javapoet.MethodSpec;
import javax.lang.model.element.Modifier;

/** The input layer's methods: dropout on the input while training, its scale at inference. */
final class InputWriter {
  private InputWriter() {}

  // private void pixelsDropout(float[] x, int rows, int key) {
  //   int n = r1 * 784, i = r0 * 784, bound = i + S.loopBound(n - i);
  //   for (; i < bound; i += S.length()) { FloatVector v = fromArray(x, i); <mask, store> }
  //   for (; i < n; i++) { float v = x[i]; <mask, store> }
  // }
  static MethodSpec dropout(LayerNames n) {
    return MethodSpec.methodBuilder(n.layer().name() + "Dropout")
        .addJavadoc("$L: dropout keep $L on the input ($L).\n", n.layer().name(),
            n.layer().keep(), n.layer().dropoutMode())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(float[].class, "x")
        .addParameter(int.class, "r0")
        .addParameter(int.class, "r1")
        .addParameter(int.class, "key")
        .addStatement("int n = r1 * $L", n.layer().units())
        .addStatement("int i = r0 * $L", n.layer().units())
        .addStatement("int bound = i + S.loopBound(n - i)")
        .beginControlFlow("for (; i < bound; i += S.length())")
        .addStatement("$T v = $T.fromArray(S, x, i)", Names.FLOAT_VECTOR, Names.FLOAT_VECTOR)
        .addCode(DropoutCode.inputVector(n, "i"))
        .endControlFlow()
        .beginControlFlow("for (; i < n; i++)")
        .addStatement("float v = x[i]")
        .addCode(DropoutCode.inputScalar(n, "i"))
        .endControlFlow()
        .build();
  }

  // Classic dropout scales the input by keep at inference: out[i] = x[i] * keep.
  static MethodSpec inferScale(LayerNames n) {
    return MethodSpec.methodBuilder(n.layer().name() + "Scale")
        .addJavadoc("$L: classic dropout's inference scale, × keep.\n", n.layer().name())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(float[].class, "x")
        .addParameter(int.class, "r0")
        .addParameter(int.class, "r1")
        .addStatement("int n = r1 * $L", n.layer().units())
        .addStatement("int i = r0 * $L", n.layer().units())
        .addStatement("int bound = i + S.loopBound(n - i)")
        .beginControlFlow("for (; i < bound; i += S.length())")
        .addStatement("$T.fromArray(S, x, i).mul($L).intoArray($N, i)", Names.FLOAT_VECTOR,
            Elementwise.literal(n.layer().keep()), n.out())
        .endControlFlow()
        .beginControlFlow("for (; i < n; i++)")
        .addStatement("$N[i] = x[i] * $L", n.out(), Elementwise.literal(n.layer().keep()))
        .endControlFlow()
        .build();
  }
}
