package dev.lamina.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import javax.lang.model.element.Modifier;

/**
 * The statements that add {@code @GaussianNoise} to a layer's training output, as vector code and
 * its scalar twin. The noise of element i in a step comes
 * from the counter hash {@code Noise.gaussian(noiseKey, i, scale)}: integer arithmetic and one
 * float product, so the vector lanes, the scalar tail and every thread split agree bit for bit.
 * It sits after the activation (whose derivative reads the clean value in the act buffer) and
 * before dropout; the next layer reads the noisy values from the out buffer.
 */
final class NoiseCode {
  private NoiseCode() {}

  static final String KEYS = "noiseKeys";
  private static final ClassName NOISE = ClassName.get("dev.lamina.internal.kernel", "Noise");

  // private static final float HIDDEN_NOISE = Noise.scale(0.1);
  static FieldSpec scaleField(LayerNames n) {
    return FieldSpec.builder(float.class, n.noiseScale(), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.scale($L)", NOISE, n.layer().noise())
        .build();
  }

  // private final int[] noiseKeys = new int[4];
  static FieldSpec keysField(int layers) {
    return FieldSpec.builder(int[].class, KEYS, Modifier.PRIVATE, Modifier.FINAL)
        .addJavadoc("Each noisy layer's noise key for the training pass in progress.\n")
        .initializer("new int[$L]", layers)
        .build();
  }

  // noiseKeys[1] = Noise.layerKey(maskSeed, 1);
  static CodeBlock drawKey(LayerNames n) {
    return CodeBlock.of("$N[$L] = $T.layerKey(maskSeed, $L);\n", KEYS, n.index(), NOISE, n.index());
  }

  /** The extra argument of a noisy layer's training method: {@code ", noiseKeys[1]"}, else nothing. */
  static CodeBlock keyArgument(LayerNames n) {
    return n.layer().hasNoise() ? CodeBlock.of(", $N[$L]", KEYS, n.index()) : CodeBlock.of("");
  }

  // Noise.addLanes adds the noise in the out buffer rather than returning it as a vector, so
  // nothing becomes a heap object if C2 does not inline the call:
  //   v.intoArray(hiddenOut, row + j);
  //   Noise.addLanes(hiddenOut, row + j, noiseKey, row + j, HIDDEN_NOISE);
  //   v = FloatVector.fromArray(S, hiddenOut, row + j);      (only when dropout follows and reads v)
  static CodeBlock vector(LayerNames n, String index) {
    CodeBlock.Builder b = CodeBlock.builder()
        .addStatement("v.intoArray($N, $L)", n.out(), index)
        .addStatement("$T.addLanes($N, $L, noiseKey, $L, $N)", NOISE, n.out(), index, index, n.noiseScale());
    if (n.layer().hasDropout()) {
      b.addStatement("v = $T.fromArray(S, $N, $L)", Names.FLOAT_VECTOR, n.out(), index);
    }
    return b.build();
  }

  static CodeBlock scalar(LayerNames n, String index) {
    CodeBlock.Builder b = CodeBlock.builder()
        .addStatement("v += $T.gaussian(noiseKey, $L, $N)", NOISE, index, n.noiseScale());
    if (!n.layer().hasDropout()) {
      b.addStatement("$N[$L] = v", n.out(), index);
    }
    return b.build();
  }
}
