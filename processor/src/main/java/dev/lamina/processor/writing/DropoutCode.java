package dev.lamina.processor.writing;

import com.palantir.javapoet.CodeBlock;

/** The statements that draw a dropout mask and apply it, as vector code and its scalar twin. */
final class DropoutCode {
  private DropoutCode() {}

  // m = kept where the counter-hash says keep, else 0; store the mask and the dropped output:
  //   FloatVector m = FloatVector.zero(S).blend(2.0f, Bernoulli.keepMask(key, i, 8388608));
  //   m.intoArray(hiddenMask, i);
  //   v.mul(m).intoArray(hiddenOut, i);
  static CodeBlock vector(LayerNames n, String index) {
    return CodeBlock.builder()
        .addStatement("$T m = $T.zero(S).blend($L, $T.keepMask(key, $L, $L))", Names.FLOAT_VECTOR,
            Names.FLOAT_VECTOR, Elementwise.literal(n.keptScale()), Names.BERNOULLI, index,
            threshold(n))
        .addStatement("m.intoArray($N, $L)", n.mask(), index)
        .addStatement("v.mul(m).intoArray($N, $L)", n.out(), index)
        .build();
  }

  static CodeBlock scalar(LayerNames n, String index) {
    return CodeBlock.builder()
        .addStatement("float m = $T.keep(key, $L, $L) ? $L : 0f", Names.BERNOULLI, index,
            threshold(n), Elementwise.literal(n.keptScale()))
        .addStatement("$N[$L] = m", n.mask(), index)
        .addStatement("$N[$L] = v * m", n.out(), index)
        .build();
  }

  private static String threshold(LayerNames n) {
    return Integer.toString(n.layer().keepThreshold());
  }
}
