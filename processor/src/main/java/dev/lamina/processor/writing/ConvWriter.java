package dev.lamina.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.lamina.Nonlinearity;
import dev.lamina.kernel.ConvWeights;
import dev.lamina.nn.ImageSpec;
import dev.lamina.nn.LayerSpec;
import javax.lang.model.element.Modifier;

/**
 * One convolution's methods, every size a constant. The convolution is a matrix product over an
 * im2col matrix: each output pixel's window (kh, kw, c) is copied to a row of {@code cols}, and
 * {@code (rows·H·W, K·K·C) · W} with the register-tiled {@code Gemm} (W is (K·K·C, filters), like a
 * dense weight) gives the output in (H, W, C) layout; bias, activation, noise and dropout are fused
 * into one vector loop over the result. The backward pass reuses {@code cols}: dW = colsᵀ·dY in
 * blocks of rows that stay in cache ({@code ConvKernels}), and dcols = dY·Wᵀ scattered back onto
 * the input's pixels (col2im). Every method covers samples r0..r1-1 (or its part of dW's rows), and
 * every element is computed the same way whatever the split.
 */
final class ConvWriter {
  /** The scratch matrix of dcols, shared by every convolution's backward pass. */
  static final String COL_GRAD = "colGrad";
  private static final ClassName CONV_KERNELS = ClassName.get("dev.lamina.kernel", "ConvKernels");

  private final LayerNames n;
  private final LayerSpec layer;
  private final ImageSpec g;

  ConvWriter(LayerNames n) {
    this.n = n;
    this.layer = n.layer();
    this.g = layer.image();
  }

  private int c() {
    return g.out().channels();
  }

  private int pixels() {
    return g.out().pixels();
  }

  private int patch() {
    return g.patch();
  }

  String shape() {
    return String.format("%s → %d filters %d×%d%s%s%s → %s", g.in(), c(), g.kernel(), g.kernel(),
        g.stride() > 1 ? ", stride " + g.stride() : "", g.padding() > 0 ? ", padding " + g.padding() : "",
        g.dilation() > 1 ? ", dilation " + g.dilation() : "", g.out());
  }

  // private void conv1Im2col(float[] x, int r0, int r1) {
  //   for each output pixel (s, oh, ow), each tap (kh, kw): copy the C input values at
  //   (oh·stride − padding + kh·dilation, ow·stride − padding + kw·dilation), or zeros outside
  // }
  MethodSpec im2col() {
    CodeBlock.Builder b = CodeBlock.builder();
    ImageLoops.outputPixels(b, g)
        .addStatement("int dst = ((s * $L + oh) * $L + ow) * $L", g.out().height(), g.out().width(), patch());
    tapLoops(b);
    b.addStatement("int d = dst + $L", ImageLoops.times("(kh * " + g.kernel() + " + kw)", g.in().channels()));
    if (g.padding() > 0) {
      b.beginControlFlow("if (ih < 0 || ih >= $L || iw < 0 || iw >= $L)", g.in().height(), g.in().width())
          .add(ImageLoops.zero(n.cols(), "d", g.in().channels()))
          .nextControlFlow("else");
    }
    b.addStatement("int src = $L", ImageLoops.times("((s * " + g.in().height() + " + ih) * "
        + g.in().width() + " + iw)", g.in().channels()));
    b.add(ImageLoops.copy(n.cols(), "d", "x", "src", g.in().channels(), false));
    if (g.padding() > 0) {
      b.endControlFlow();
    }
    b.endControlFlow().endControlFlow();
    ImageLoops.endOutputPixels(b);
    return MethodSpec.methodBuilder(layer.name() + "Im2col")
        .addJavadoc("$L: the im2col rows of samples r0..r1-1, one per output pixel: its $L×$L window"
            + " of $L channels.\n", layer.name(), g.kernel(), g.kernel(), g.in().channels())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(float[].class, "x")
        .addParameter(int.class, "r0")
        .addParameter(int.class, "r1")
        .addCode(b.build())
        .build();
  }

  /** for (kh) { int ih = …; for (kw) { int iw = …; — left open. */
  private void tapLoops(CodeBlock.Builder b) {
    b.beginControlFlow("for (int kh = 0; kh < $L; kh++)", g.kernel())
        .addStatement("int ih = $L", tap("oh", "kh"))
        .beginControlFlow("for (int kw = 0; kw < $L; kw++)", g.kernel())
        .addStatement("int iw = $L", tap("ow", "kw"));
  }

  /** {@code o·stride − padding + k·dilation} as source. */
  private String tap(String o, String k) {
    String s = ImageLoops.times(o, g.stride());
    if (g.padding() > 0) {
      s += " - " + g.padding();
    }
    return s + " + " + ImageLoops.times(k, g.dilation());
  }

  // private void conv2Col2im(float[] dx, int r0, int r1) {
  //   dx = 0 for samples r0..r1-1; then for each output pixel and tap, in order:
  //   dx[input pixel of the tap] += colGrad[its row and tap]
  // }
  MethodSpec col2im() {
    CodeBlock.Builder b = CodeBlock.builder()
        .addStatement("$T.fill(dx, r0 * $L, r1 * $L, 0f)", Names.ARRAYS, g.in().size(), g.in().size());
    ImageLoops.outputPixels(b, g)
        .addStatement("int src = ((s * $L + oh) * $L + ow) * $L", g.out().height(), g.out().width(), patch());
    tapLoops(b);
    if (g.padding() > 0) {
      b.beginControlFlow("if (ih < 0 || ih >= $L || iw < 0 || iw >= $L)", g.in().height(), g.in().width())
          .addStatement("continue")
          .endControlFlow();
    }
    b.addStatement("int d = $L", ImageLoops.times("((s * " + g.in().height() + " + ih) * "
        + g.in().width() + " + iw)", g.in().channels()))
        .addStatement("int t = src + $L", ImageLoops.times("(kh * " + g.kernel() + " + kw)", g.in().channels()))
        .add(ImageLoops.copy("dx", "d", COL_GRAD, "t", g.in().channels(), true));
    b.endControlFlow().endControlFlow();
    ImageLoops.endOutputPixels(b);
    return MethodSpec.methodBuilder(layer.name() + "Col2im")
        .addJavadoc("$L: dx of samples r0..r1-1, the window gradients in $N summed back onto their"
            + " input pixels in a fixed order.\n", layer.name(), COL_GRAD)
        .addModifiers(Modifier.PRIVATE)
        .addParameter(float[].class, "dx")
        .addParameter(int.class, "r0")
        .addParameter(int.class, "r1")
        .addCode(b.build())
        .build();
  }

  // private void conv1ChannelsLast(float[] x, int r0, int r1) {
  //   conv1Input[(s·H·W + p)·C + c] = x[(s·C + c)·H·W + p]   (the input comes (C, H, W))
  // }
  static MethodSpec channelsLast(LayerNames n) {
    ImageSpec g = n.layer().image();
    int hw = g.in().pixels();
    int ch = g.in().channels();
    return MethodSpec.methodBuilder(n.layer().name() + "ChannelsLast")
        .addJavadoc("$L: samples r0..r1-1 of the input, given (C, H, W), rearranged to (H, W, C).\n",
            n.layer().name())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(float[].class, "x")
        .addParameter(int.class, "r0")
        .addParameter(int.class, "r1")
        .beginControlFlow("for (int s = r0; s < r1; s++)")
        .beginControlFlow("for (int c = 0; c < $L; c++)", ch)
        .beginControlFlow("for (int p = 0; p < $L; p++)", hw)
        .addStatement("$N[(s * $L + p) * $L + c] = x[(s * $L + c) * $L + p]", n.channelsLastInput(),
            hw, ch, ch, hw)
        .endControlFlow().endControlFlow().endControlFlow()
        .build();
  }

  /** im2col, then the product into act for samples r0..r1-1. */
  private CodeBlock product() {
    return CodeBlock.builder()
        .addStatement("$N(x, r0, r1)", layer.name() + "Im2col")
        .addStatement("$T.matmul($N, $N, $N, $L, $L, r0 * $L, r1 * $L)", Names.GEMM, n.act(),
            n.cols(), n.weight(), patch(), c(), pixels(), pixels())
        .build();
  }

  // private void conv1ForwardTrain(float[] x, int r0, int r1[, int key][, int noiseKey]) {
  //   conv1Im2col(x, r0, r1); Gemm.matmul(conv1Act, conv1Cols, conv1WeightT, 9, 32, ...);
  //   for each pixel row, 16 channels at a time: v = f(z + bias); store; [noise]; [dropout]
  // }
  MethodSpec forward(boolean training) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(layer.name() + (training ? "ForwardTrain" : "ForwardInfer"))
        .addJavadoc("$L ($L): $L$L → $L.\n", layer.name(), training ? "training" : "inference",
            shape(), layer.bias() ? " + bias" : "", layer.activation().name().toLowerCase())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(float[].class, "x")
        .addParameter(int.class, "r0")
        .addParameter(int.class, "r1");
    boolean dropout = training && layer.hasDropout();
    boolean noise = training && layer.hasNoise();
    if (dropout) {
      m.addParameter(int.class, "key");
    }
    if (noise) {
      m.addParameter(int.class, "noiseKey");
    }
    m.addCode(product());
    boolean scale = !training && n.classicDropout();
    if (!layer.bias() && layer.activation() == Nonlinearity.IDENTITY && !dropout && !scale && !noise) {
      return m.build();
    }
    CodeBlock.Builder vector = CodeBlock.builder()
        .addStatement("$T v = $T.fromArray(S, $N, row + j)", Names.FLOAT_VECTOR, Names.FLOAT_VECTOR, n.act());
    CodeBlock.Builder scalar = CodeBlock.builder().addStatement("float v = $N[row + j]", n.act());
    if (layer.bias()) {
      vector.addStatement("v = v.add($T.fromArray(S, $N, j))", Names.FLOAT_VECTOR, n.bias());
      scalar.addStatement("v += $N[j]", n.bias());
    }
    vector.add(Elementwise.activationVector(layer.activation(), layer.slope(), n.act(), "row + j"));
    scalar.add(Elementwise.activationScalar(layer.activation(), layer.slope()));
    if (scale) {
      vector.addStatement("v = v.mul($L)", Elementwise.literal(layer.keep()));
      scalar.addStatement("v *= $L", Elementwise.literal(layer.keep()));
    }
    if (scale || !Elementwise.activationStores(layer.activation())) {
      vector.addStatement("v.intoArray($N, row + j)", n.act());
    }
    scalar.addStatement("$N[row + j] = v", n.act());
    if (noise) {
      vector.add(NoiseCode.vector(n, "row + j"));
      scalar.add(NoiseCode.scalar(n, "row + j"));
    }
    if (dropout) {
      vector.add(DropoutCode.vector(n, "row + j"));
      scalar.add(DropoutCode.scalar(n, "row + j"));
    }
    return m.addCode(ImageLoops.pixels(n, vector.build(), scalar.build())).build();
  }

  // private void conv1Linear(float[] x, int r0, int r1) {
  //   im2col and the product, + bias, and the activation when the normalization comes after it
  // }
  MethodSpec linear() {
    boolean activate = !layer.norm().beforeActivation() && layer.activation() != Nonlinearity.IDENTITY;
    MethodSpec.Builder m = MethodSpec.methodBuilder(layer.name() + "Linear")
        .addJavadoc("$L: $L$L$L for samples r0..r1-1, into $L.\n", layer.name(), shape(),
            layer.bias() ? " + bias" : "", activate ? ", then the activation" : "", n.act())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(float[].class, "x")
        .addParameter(int.class, "r0")
        .addParameter(int.class, "r1")
        .addCode(product());
    if (!layer.bias() && !activate) {
      return m.build();
    }
    CodeBlock.Builder vector = CodeBlock.builder()
        .addStatement("$T v = $T.fromArray(S, $N, row + j)", Names.FLOAT_VECTOR, Names.FLOAT_VECTOR, n.act());
    CodeBlock.Builder scalar = CodeBlock.builder().addStatement("float v = $N[row + j]", n.act());
    if (layer.bias()) {
      vector.addStatement("v = v.add($T.fromArray(S, $N, j))", Names.FLOAT_VECTOR, n.bias());
      scalar.addStatement("v += $N[j]", n.bias());
    }
    if (activate) {
      vector.add(Elementwise.activationVector(layer.activation(), layer.slope(), n.act(), "row + j"));
      scalar.add(Elementwise.activationScalar(layer.activation(), layer.slope()));
    }
    if (!activate || !Elementwise.activationStores(layer.activation())) {
      vector.addStatement("v.intoArray($N, row + j)", n.act());
    }
    scalar.addStatement("$N[row + j] = v", n.act());
    return m.addCode(ImageLoops.pixels(n, vector.build(), scalar.build())).build();
  }

  /**
   * Whether the backward pass has elementwise work before the products or the normalization: the
   * dropout mask, and f' unless a normalization after the activation comes between.
   */
  boolean hasGradientPass() {
    return layer.hasDropout() || activationInGradientPass();
  }

  private boolean activationInGradientPass() {
    return layer.activation() != Nonlinearity.IDENTITY && !n.normAfterActivation();
  }

  // private void conv1Gradient(float[] d, int r0, int r1) {
  //   d = d · mask · f'(act) over samples r0..r1-1, 16 channels at a time
  // }
  MethodSpec gradient() {
    CodeBlock.Builder vector = CodeBlock.builder()
        .addStatement("$T g = $T.fromArray(S, d, row + j)", Names.FLOAT_VECTOR, Names.FLOAT_VECTOR);
    CodeBlock.Builder scalar = CodeBlock.builder().addStatement("float g = d[row + j]");
    if (layer.hasDropout()) {
      vector.addStatement("g = g.mul($T.fromArray(S, $N, row + j))", Names.FLOAT_VECTOR, n.mask());
      scalar.addStatement("g *= $N[row + j]", n.mask());
    }
    if (activationInGradientPass()) {
      vector.addStatement("$T y = $T.fromArray(S, $N, row + j)", Names.FLOAT_VECTOR, Names.FLOAT_VECTOR, n.act())
          .add(Elementwise.derivativeVector(layer.activation(), layer.slope()));
      scalar.addStatement("float y = $N[row + j]", n.act())
          .add(Elementwise.derivativeScalar(layer.activation(), layer.slope()));
    }
    vector.addStatement("g.intoArray(d, row + j)");
    scalar.addStatement("d[row + j] = g");
    return MethodSpec.methodBuilder(layer.name() + "Gradient")
        .addJavadoc("$L: turns dLoss/dOutput into dLoss/dZ in place, samples r0..r1-1.\n", layer.name())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(float[].class, "d")
        .addParameter(int.class, "r0")
        .addParameter(int.class, "r1")
        .addCode(ImageLoops.pixels(n, vector.build(), scalar.build()))
        .build();
  }

  // private void conv1WeightGradient(float[] d, int rows, int part, int parts) {
  //   ConvKernels.weightGradient(conv1WeightGrad, conv1WeightScratch, conv1Cols, d, rows·H·W,
  //       9, 32, 1598, i0, i1);   // dW = colsᵀ·dY, this part's rows, pixel rows in blocks
  //   conv1BiasGrad[f] = Σ over every pixel row of d[·, f], this part's filters
  // }
  MethodSpec weightGradient() {
    MethodSpec.Builder m = MethodSpec.methodBuilder(layer.name() + "WeightGradient")
        .addJavadoc("$L: this part's rows of dW = colsᵀ·dY$L.\n", layer.name(),
            layer.bias() ? " and filters of dBias = Σ dY" : "")
        .addModifiers(Modifier.PRIVATE)
        .addParameter(float[].class, "d")
        .addParameter(int.class, "rows")
        .addParameter(int.class, "part")
        .addParameter(int.class, "parts")
        .addStatement("$T.weightGradient($N, $N, $N, d, rows * $L, $L, $L, $L, $T.split($L, part, parts), $T.split($L, part + 1, parts))",
            CONV_KERNELS, n.weightGrad(), n.weightScratch(), n.cols(), pixels(), patch(), c(),
            ConvWeights.blockRows(patch(), c()), Names.TEAM, patch(), Names.TEAM, patch());
    if (!layer.bias()) {
      return m.build();
    }
    return m.addStatement("int c0 = columnSplit($L, part, parts)", c())
        .addStatement("int c1 = columnSplit($L, part + 1, parts)", c())
        .addStatement("$T.fill($N, c0, c1, 0f)", Names.ARRAYS, n.biasGrad())
        .addStatement("int bound = c0 + S.loopBound(c1 - c0)")
        .beginControlFlow("for (int r = 0, end = rows * $L; r < end; r++)", pixels())
        .addStatement("int row = r * $L", c())
        .addStatement("int j = c0")
        .beginControlFlow("for (; j < bound; j += S.length())")
        .addStatement("$T.fromArray(S, d, row + j).add($T.fromArray(S, $N, j)).intoArray($N, j)",
            Names.FLOAT_VECTOR, Names.FLOAT_VECTOR, n.biasGrad(), n.biasGrad())
        .endControlFlow()
        .beginControlFlow("for (; j < c1; j++)")
        .addStatement("$N[j] += d[row + j]", n.biasGrad())
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  // private void conv2InputGradient(float[] d, float[] dx, int r0, int r1) {
  //   Gemm.matmul(colGrad, d, conv2WeightT, 64, 288, ...);   // dcols = dY·Wᵀ
  //   conv2Col2im(dx, r0, r1);
  // }
  MethodSpec inputGradient() {
    return MethodSpec.methodBuilder(layer.name() + "InputGradient")
        .addJavadoc("$L: dx of samples r0..r1-1: dcols = dY·Wᵀ, then col2im.\n", layer.name())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(float[].class, "d")
        .addParameter(float[].class, "dx")
        .addParameter(int.class, "r0")
        .addParameter(int.class, "r1")
        .addStatement("$T.matmul($N, d, $N, $L, $L, r0 * $L, r1 * $L)", Names.GEMM, COL_GRAD,
            n.weightT(), c(), patch(), pixels(), pixels())
        .addStatement("$N(dx, r0, r1)", layer.name() + "Col2im")
        .build();
  }
}
