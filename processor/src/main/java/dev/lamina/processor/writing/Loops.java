package dev.lamina.processor.writing;

import com.palantir.javapoet.CodeBlock;
import dev.lamina.nn.ImageSpec;

/**
 * Loops over a layer's values as runs ({@link LayerNames#run()}): a dense layer's rows, an image
 * layer's pixels, stored (rows, H, W, C). Vector code covers a run {@code S.length()} values at a
 * time, with a scalar tail; the index of the element in progress is {@code row + j}.
 */
final class Loops {
  private Loops() {}

  /** for (int r = r0; r < r1; r++) { int row = r · units; the run loop }: rows r0..r1-1. */
  static CodeBlock rows(LayerNames n, LoopBody body) {
    return CodeBlock.builder()
        .beginControlFlow("for (int r = r0; r < r1; r++)")
        .addStatement("int row = r * $L", n.run())
        .add(runLoop(n, body))
        .endControlFlow()
        .build();
  }

  /**
   * for (int r = r0 · H·W; r < r1 · H·W; r++) { int row = r · C; vector over j; scalar tail }:
   * every pixel of samples r0..r1-1.
   */
  static CodeBlock pixels(LayerNames n, LoopBody body) {
    int pixels = n.layer().image().out().pixels();
    return CodeBlock.builder()
        .beginControlFlow("for (int r = r0 * $L, end = r1 * $L; r < end; r++)", pixels, pixels)
        .addStatement("int row = r * $L", n.run())
        .add(runLoop(n, body))
        .endControlFlow()
        .build();
  }

  /**
   * for each sample s of r0..r1-1: {@code perSample}; for each pixel p: int row = (s·H·W + p)·C;
   * {@code perPixel}; the run loop. Normalizations whose statistics are per sample use it.
   */
  static CodeBlock samplePixels(LayerNames n, CodeBlock perSample, CodeBlock perPixel,
      LoopBody body) {
    int pixels = n.layer().image().out().pixels();
    return CodeBlock.builder()
        .beginControlFlow("for (int s = r0; s < r1; s++)")
        .add(perSample)
        .beginControlFlow("for (int p = 0; p < $L; p++)", pixels)
        .addStatement("int row = (s * $L + p) * $L", pixels, n.run())
        .add(perPixel)
        .add(runLoop(n, body))
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /** j over the run: whole vectors, then the scalar tail. */
  static CodeBlock runLoop(LayerNames n, LoopBody body) {
    return CodeBlock.builder().addStatement("int j = 0")
        .beginControlFlow("for (; j < $N; j += S.length())", n.bound())
        .add(body.vector())
        .endControlFlow()
        .beginControlFlow("for (; j < $L; j++)", n.run())
        .add(body.scalar())
        .endControlFlow()
        .build();
  }

  /** for (int s = r0; s < r1; s++) for oh, ow — left open for the body. */
  static CodeBlock.Builder outputPixels(CodeBlock.Builder b, ImageSpec g) {
    return b.beginControlFlow("for (int s = r0; s < r1; s++)")
        .beginControlFlow("for (int oh = 0; oh < $L; oh++)", g.out().height())
        .beginControlFlow("for (int ow = 0; ow < $L; ow++)", g.out().width());
  }

  /** As {@link #outputPixels}, with {@code int o} the output pixel's first value. */
  static CodeBlock.Builder outputValues(CodeBlock.Builder b, ImageSpec g) {
    return outputPixels(b, g).addStatement("int o = ((s * $L + oh) * $L + ow) * $L",
        g.out().height(), g.out().width(), g.out().channels());
  }

  static CodeBlock.Builder endOutputPixels(CodeBlock.Builder b) {
    return b.endControlFlow().endControlFlow().endControlFlow();
  }

  /** {@code a * b} as source, without the product when a factor is 1 or 0. */
  static String times(String a, int b) {
    return b == 1 ? a : b == 0 ? "0" : a + " * " + b;
  }

  /** Copies (or, with {@code add}, adds) {@code count} floats from {@code src[si]} to {@code dst[di]}. */
  static CodeBlock copy(String dst, String di, String src, String si, int count, boolean add) {
    CodeBlock.Builder b = CodeBlock.builder();
    if (count == 1) {
      return b.addStatement(add ? "$L[$L] += $L[$L]" : "$L[$L] = $L[$L]", dst, di, src, si).build();
    }
    b.addStatement("int c = 0");
    b.beginControlFlow("for (; c < S.loopBound($L); c += S.length())", count);
    if (add) {
      b.addStatement("$T.fromArray(S, $L, $L + c).add($T.fromArray(S, $L, $L + c)).intoArray($L, $L + c)",
          Names.FLOAT_VECTOR, src, si, Names.FLOAT_VECTOR, dst, di, dst, di);
    } else {
      b.addStatement("$T.fromArray(S, $L, $L + c).intoArray($L, $L + c)", Names.FLOAT_VECTOR, src,
          si, dst, di);
    }
    b.endControlFlow();
    b.beginControlFlow("for (; c < $L; c++)", count)
        .addStatement(add ? "$L[$L + c] += $L[$L + c]" : "$L[$L + c] = $L[$L + c]", dst, di, src, si)
        .endControlFlow();
    return b.build();
  }

  /** Zeros {@code count} floats of {@code dst} from {@code di}. */
  static CodeBlock zero(String dst, String di, int count) {
    if (count == 1) {
      return CodeBlock.of("$L[$L] = 0f;\n", dst, di);
    }
    return CodeBlock.of("$T.fill($L, $L, $L + $L, 0f);\n", Names.ARRAYS, dst, di, di, count);
  }
}
