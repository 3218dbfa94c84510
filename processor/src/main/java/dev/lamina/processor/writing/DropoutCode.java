package dev.lamina.processor.writing;

import com.palantir.javapoet.CodeBlock;

/** The statements that draw a dropout mask and apply it, as vector code and its scalar twin. */
final class DropoutCode {
  private DropoutCode() {}

  // m = kept where the counter-hash says keep, else 0, stored by Bernoulli.mask; then the dropped
  // output. Bernoulli.mask stores the factors rather than returning a vector mask, so nothing
  // becomes a heap object if C2 does not inline the call:
  //   Bernoulli.mask(hiddenMask, i, key, i, 8388608, 2.0f);
  //   v.mul(FloatVector.fromArray(S, hiddenMask, i)).intoArray(hiddenOut, i);
  static CodeBlock vector(LayerNames n, String index) {
    return vector(n, index, n.mask());
  }

  static CodeBlock scalar(LayerNames n, String index) {
    return scalar(n, index, true);
  }

  // The input's mask is never read again (an input gets no gradient), so it goes through the out
  // buffer instead of a mask buffer of its own: the step writes rows × inputs fewer floats.
  //   Bernoulli.mask(pixelsOut, i, key, i, 15099494, 1.1111112f);
  //   v.mul(FloatVector.fromArray(S, pixelsOut, i)).intoArray(pixelsOut, i);
  static CodeBlock inputVector(LayerNames n, String index) {
    return vector(n, index, n.out());
  }

  static CodeBlock inputScalar(LayerNames n, String index) {
    return scalar(n, index, false);
  }

  private static CodeBlock vector(LayerNames n, String index, String maskArray) {
    return CodeBlock.builder()
        .addStatement("$T.mask($N, $L, key, $L, $L, $L)", Names.BERNOULLI, maskArray, index, index,
            threshold(n), Elementwise.literal(n.keptScale()))
        .addStatement("v.mul($T.fromArray(S, $N, $L)).intoArray($N, $L)", Names.FLOAT_VECTOR,
            maskArray, index, n.out(), index)
        .build();
  }

  private static CodeBlock scalar(LayerNames n, String index, boolean keepMask) {
    CodeBlock.Builder code = CodeBlock.builder()
        .addStatement("float m = $T.keep(key, $L, $L) ? $L : 0f", Names.BERNOULLI, index,
            threshold(n), Elementwise.literal(n.keptScale()));
    if (keepMask) {
      code.addStatement("$N[$L] = m", n.mask(), index);
    }
    return code.addStatement("$N[$L] = v * m", n.out(), index).build();
  }

  private static String threshold(LayerNames n) {
    return Integer.toString(n.layer().keepThreshold());
  }
}
