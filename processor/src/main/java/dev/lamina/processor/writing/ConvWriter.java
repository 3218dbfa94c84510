package dev.lamina.processor.writing;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.lamina.Nonlinearity;
import dev.lamina.internal.kernel.ConvWeights;
import dev.lamina.nn.ImageSpec;
import dev.lamina.nn.LayerSpec;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
final class ConvWriter extends SingleInputWriter {
  /** The scratch matrix of dcols, shared by every convolution's backward pass. */
  static final String COL_GRAD = "colGrad";
  private static final ClassName CONV_KERNELS = ClassName.get("dev.lamina.internal.kernel", "ConvKernels");

  private final LayerSpec layer;
  private final ImageSpec g;

  ConvWriter(LayerNames n, PassCalls calls) {
    super(n, calls);
    this.layer = n.layer();
    this.g = layer.image();
  }

  // LayerSpec.conv("conv1", ImageSpec.conv(new Shape(1, 28, 28), 32, 3, 1, 1, 1), false, ...)
  @Override
  public CodeBlock spec() {
    return CodeBlock.of("$T.conv($S, $T.conv($L, $L, $L, $L, $L, $L), $L, $L, $L, $T.$L, $L, $L, $T.$L)",
        Names.LAYER_SPEC, layer.name(), SpecLiteral.IMAGE_SPEC, SpecLiteral.shape(g.in()), c(),
        g.kernel(), g.stride(), g.padding(), g.dilation(), layer.bias(),
        InitCode.of(layer.weightInit()), InitCode.of(layer.biasInit()), Names.NONLINEARITY,
        layer.activation(), layer.slope(), layer.keep(), Names.DROPOUT_MODE, layer.dropoutMode());
  }

  // private static final int CONV1_BOUND = S.loopBound(32); the parameters' fields; conv1Cols;
  // [group norm's per-sample statistics]; [conv1Input]
  @Override
  public void addFields(TypeSpec.Builder type) {
    type.addField(n.boundField());
    ParameterCode.addFields(type, n, true);
    type.addField(float[].class, n.cols(), Modifier.PRIVATE);
    if (n.groupNorm()) {
      for (String f : List.of(n.mean(), n.invStd(), n.sumD(), n.sumDXhat())) {
        type.addField(float[].class, f, Modifier.PRIVATE);
      }
    }
    ChannelsLast.addField(type, n);
    ParameterCode.addRunningWeight(type, n);
  }

  @Override
  public CodeBlock initialize() {
    return ParameterCode.initialize(n, true);
  }

  @Override
  public void allocate(MethodSpec.Builder m) {
    m.addStatement("$N = new float[rows * $L]", n.cols(), pixels() * patch());
    if (n.groupNorm()) {
      for (String s : List.of(n.mean(), n.invStd(), n.sumD(), n.sumDXhat())) {
        m.addStatement("$N = new float[rows * $L]", s, c());
      }
    }
    ChannelsLast.allocate(m, n);
  }

  @Override
  public Optional<SharedBuffer> sharedBuffer() {
    return n.passesGradient()
        ? Optional.of(new SharedBuffer(COL_GRAD, pixels() * patch(),
            "dLoss/d(im2col matrix), scratch shared by every convolution's backward pass.\n"))
        : Optional.empty();
  }

  @Override
  public void addMethods(TypeSpec.Builder type) {
    ChannelsLast.addMethod(type, n);
    type.addMethod(im2col());
    if (n.norm().isPresent()) {
      ImageNormWriter norm = new ImageNormWriter(n);
      type.addMethod(linear()).addMethod(norm.statistics()).addMethod(norm.normalizeTrain())
          .addMethod(norm.forwardInfer()).addMethod(norm.normGradientSums())
          .addMethod(norm.normBackward());
    } else {
      type.addMethod(forward(true)).addMethod(forward(false));
    }
    if (LoopBody.hasGradientPass(n)) {
      type.addMethod(gradient());
    }
    type.addMethod(weightGradient());
    if (n.passesGradient()) {
      type.addMethod(inputGradient()).addMethod(col2im());
    }
  }

  /** dW reads the im2col matrix, not the input. */
  @Override
  public CodeBlock backward() {
    return calls.weightedBackward(n, false);
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
  private MethodSpec im2col() {
    CodeBlock.Builder b = CodeBlock.builder();
    Loops.outputPixels(b, g)
        .addStatement("int dst = ((s * $L + oh) * $L + ow) * $L", g.out().height(), g.out().width(), patch());
    tapLoops(b);
    b.addStatement("int d = dst + $L", Loops.times("(kh * " + g.kernel() + " + kw)", g.in().channels()));
    if (g.padding() > 0) {
      b.beginControlFlow("if (ih < 0 || ih >= $L || iw < 0 || iw >= $L)", g.in().height(), g.in().width())
          .add(Loops.zero(n.cols(), "d", g.in().channels()))
          .nextControlFlow("else");
    }
    b.addStatement("int src = $L", Loops.times("((s * " + g.in().height() + " + ih) * "
        + g.in().width() + " + iw)", g.in().channels()));
    b.add(Loops.copy(n.cols(), "d", "x", "src", g.in().channels(), false));
    if (g.padding() > 0) {
      b.endControlFlow();
    }
    b.endControlFlow().endControlFlow();
    Loops.endOutputPixels(b);
    return Methods.overRows(n.method(LayerMember.IM2COL), "x")
        .addJavadoc("$L: the im2col rows of samples r0..r1-1, one per output pixel: its $L×$L window"
            + " of $L channels.\n", layer.name(), g.kernel(), g.kernel(), g.in().channels())
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
    String s = Loops.times(o, g.stride());
    if (g.padding() > 0) {
      s += " - " + g.padding();
    }
    return s + " + " + Loops.times(k, g.dilation());
  }

  // private void conv2Col2im(float[] dx, int r0, int r1) {
  //   dx = 0 for samples r0..r1-1; then for each output pixel and tap, in order:
  //   dx[input pixel of the tap] += colGrad[its row and tap]
  // }
  private MethodSpec col2im() {
    CodeBlock.Builder b = CodeBlock.builder()
        .addStatement("$T.fill(dx, r0 * $L, r1 * $L, 0f)", Names.ARRAYS, g.in().size(), g.in().size());
    Loops.outputPixels(b, g)
        .addStatement("int src = ((s * $L + oh) * $L + ow) * $L", g.out().height(), g.out().width(), patch());
    tapLoops(b);
    if (g.padding() > 0) {
      b.beginControlFlow("if (ih < 0 || ih >= $L || iw < 0 || iw >= $L)", g.in().height(), g.in().width())
          .addStatement("continue")
          .endControlFlow();
    }
    b.addStatement("int d = $L", Loops.times("((s * " + g.in().height() + " + ih) * "
        + g.in().width() + " + iw)", g.in().channels()))
        .addStatement("int t = src + $L", Loops.times("(kh * " + g.kernel() + " + kw)", g.in().channels()))
        .add(Loops.copy("dx", "d", COL_GRAD, "t", g.in().channels(), true));
    b.endControlFlow().endControlFlow();
    Loops.endOutputPixels(b);
    return Methods.overRows(n.method(LayerMember.COL2IM), "dx")
        .addJavadoc("$L: dx of samples r0..r1-1, the window gradients in $N summed back onto their"
            + " input pixels in a fixed order.\n", layer.name(), COL_GRAD)
        .addCode(b.build())
        .build();
  }

  // for (int s0 = r0; s0 < r1; s0 += 9) {
  //   int s1 = Math.min(r1, s0 + 9);
  //   conv1Im2col(x, s0, s1); Gemm.matmul(conv1Act, conv1Cols, conv1Weight, 9, 32, s0 * 784, s1 * 784);
  // }
  /**
   * im2col, then the product into act for samples r0..r1-1, in groups of {@link #groupSamples}:
   * the product reads a group's im2col rows while they are still in cache (a batch's are tens of
   * MB). Each element of act is the same fma chain whatever rows a product call covers.
   */
  private CodeBlock product() {
    return CodeBlock.builder()
        .beginControlFlow("for (int s0 = r0; s0 < r1; s0 += $L)", groupSamples())
        .addStatement("int s1 = Math.min(r1, s0 + $L)", groupSamples())
        .addStatement("$N(x, s0, s1)", n.method(LayerMember.IM2COL))
        .addStatement("$T.matmul($N, $N, $N, $L, $L, s0 * $L, s1 * $L)", Names.GEMM, n.act(),
            n.cols(), n.weight(), patch(), c(), pixels(), pixels())
        .endControlFlow()
        .build();
  }

  /**
   * Samples per group of the im2col products: as many as fit their im2col rows in 256 KB (the
   * cache they are read from next), and enough for 64 rows, so that a layer of few output pixels
   * still multiplies many rows at once (a product of one row reads all of W for it).
   */
  private int groupSamples() {
    int byCache = (int) Math.min(Integer.MAX_VALUE, 65536L / ((long) pixels() * patch()));
    int byRows = (64 + pixels() - 1) / pixels();
    return Math.max(1, Math.max(byCache, byRows));
  }

  // private void conv1ForwardTrain(float[] x, int r0, int r1[, int key][, int noiseKey]) {
  //   conv1Im2col(x, r0, r1); Gemm.matmul(conv1Act, conv1Cols, conv1WeightT, 9, 32, ...);
  //   for each pixel row, 16 channels at a time: v = f(z + bias); store; [noise]; [dropout]
  // }
  private MethodSpec forward(boolean training) {
    String name = n.method(training ? LayerMember.FORWARD_TRAIN : LayerMember.FORWARD_INFER);
    MethodSpec.Builder m = Methods.overRows(name, "x")
        .addJavadoc("$L ($L): $L$L → $L.\n", layer.name(), training ? "training" : "inference",
            shape(), layer.bias() ? " + bias" : "", layer.activation().name().toLowerCase());
    if (training && layer.hasDropout()) {
      m.addParameter(int.class, "key");
    }
    if (training && layer.hasNoise()) {
      m.addParameter(int.class, "noiseKey");
    }
    m.addCode(product());
    if (!LoopBody.hasOutputPass(n, training)) {
      return m.build();
    }
    return m.addCode(Loops.pixels(n, LoopBody.output(n, training))).build();
  }

  // private void conv1Linear(float[] x, int r0, int r1) {
  //   im2col and the product, + bias, and the activation when the normalization comes after it
  // }
  private MethodSpec linear() {
    boolean activate = n.normAfterActivation() && layer.activation() != Nonlinearity.IDENTITY;
    MethodSpec.Builder m = Methods.overRows(n.method(LayerMember.LINEAR), "x")
        .addJavadoc("$L: $L$L$L for samples r0..r1-1, into $L.\n", layer.name(), shape(),
            layer.bias() ? " + bias" : "", activate ? ", then the activation" : "", n.act())
        .addCode(product());
    if (!layer.bias() && !activate) {
      return m.build();
    }
    return m.addCode(Loops.pixels(n, LoopBody.linear(n, activate))).build();
  }

  // private void conv1Gradient(float[] d, int r0, int r1) {
  //   d = d · mask · f'(act) over samples r0..r1-1, 16 channels at a time
  // }
  private MethodSpec gradient() {
    return Methods.overRows(n.method(LayerMember.GRADIENT), "d")
        .addJavadoc("$L: turns dLoss/dOutput into dLoss/dZ in place, samples r0..r1-1.\n", layer.name())
        .addCode(Loops.pixels(n, LoopBody.gradient(n)))
        .build();
  }

  // private void conv1WeightGradient(float[] d, int rows, int part, int parts) {
  //   ConvKernels.weightGradient(conv1WeightGrad, conv1WeightScratch, conv1Cols, d, rows·H·W,
  //       9, 32, 1598, i0, i1);   // dW = colsᵀ·dY, this part's rows, pixel rows in blocks
  //   conv1BiasGrad[f] = Σ over every pixel row of d[·, f], this part's filters
  // }
  private MethodSpec weightGradient() {
    MethodSpec.Builder m = Methods.overParts(n.method(LayerMember.WEIGHT_GRADIENT), "d")
        .addJavadoc("$L: this part's rows of dW = colsᵀ·dY$L.\n", layer.name(),
            layer.bias() ? " and filters of dBias = Σ dY" : "")
        .addStatement("$T.weightGradient($N, $N, $N, d, rows * $L, $L, $L, $L, $T.split($L, part, parts), $T.split($L, part + 1, parts))",
            CONV_KERNELS, n.weightGrad(), n.weightScratch(), n.cols(), pixels(), patch(), c(),
            ConvWeights.blockRows(patch(), c()), Names.TEAM, patch(), Names.TEAM, patch());
    return layer.bias() ? m.addCode(DenseWriter.biasGradient(n, "rows * " + pixels())).build() : m.build();
  }

  // private void conv2InputGradient(float[] d, float[] dx, int r0, int r1) {
  //   for (int s0 = r0; s0 < r1; s0 += 1) {
  //     int s1 = Math.min(r1, s0 + 1);
  //     Gemm.matmul(colGrad, d, conv2WeightT, 64, 288, s0 * 196, s1 * 196);   // dcols = dY·Wᵀ
  //     conv2Col2im(dx, s0, s1);
  //   }
  // }
  private MethodSpec inputGradient() {
    // In groups of samples, so that col2im reads a group's dcols while they are still in cache;
    // each sample's dx is summed in the same order as over the whole range.
    return Methods.overRows(n.method(LayerMember.INPUT_GRADIENT), "d", "dx")
        .addJavadoc("$L: dx of samples r0..r1-1: dcols = dY·Wᵀ, then col2im, $L sample$L at a"
            + " time.\n", layer.name(), groupSamples(), groupSamples() == 1 ? "" : "s")
        .beginControlFlow("for (int s0 = r0; s0 < r1; s0 += $L)", groupSamples())
        .addStatement("int s1 = Math.min(r1, s0 + $L)", groupSamples())
        .addStatement("$T.matmul($N, d, $N, $L, $L, s0 * $L, s1 * $L)", Names.GEMM, COL_GRAD,
            n.weightT(), c(), patch(), pixels(), pixels())
        .addStatement("$N(dx, s0, s1)", n.method(LayerMember.COL2IM))
        .endControlFlow()
        .build();
  }

  /** Registers the writer. */
  @AutoService(LayerWriters.Factory.class)
  public static final class Factory extends LayerWriters.Factory {
    public Factory() {
      super(Set.of(LayerSpec.Type.CONV));
    }

    @Override
    LayerWriter writer(LayerNames n, LayerGraph graph, PassCalls calls) {
      return new ConvWriter(n, calls);
    }
  }
}
