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
 * into one vector loop over the result. The im2col rows go through a buffer of one group of
 * samples ({@link ConvScratch}), never the whole batch's: the backward pass builds them again from
 * the layer's input, block by block of pixel rows that stay in cache, for dW = colsᵀ·dY ({@code
 * ConvKernels}); and dcols = dY·Wᵀ, a group at a time, is scattered back onto the input's pixels
 * (col2im). Every method covers samples r0..r1-1 (or its part of dW's rows), and every element is
 * computed the same way whatever the split. A 3×3 convolution of 16 channels or more goes through
 * Winograd's F(2×2, 3×3) in all three products instead ({@link WinogradConv}).
 */
final class ConvWriter extends SingleInputWriter {
  private static final ClassName CONV_KERNELS = ClassName.get("dev.lamina.internal.kernel", "ConvKernels");
  private static final ClassName SINGLE_CHANNEL_CONV =
      ClassName.get("dev.lamina.internal.kernel", "SingleChannelConv");

  private final LayerSpec layer;
  private final ImageSpec g;
  /** Whether the pool that reads it applies its normalization and activation ({@link PoolFusion}). */
  private final boolean normalizedInPool;

  ConvWriter(LayerNames n, LayerGraph graph, PassCalls calls) {
    super(n, calls);
    this.layer = n.layer();
    this.g = layer.image();
    this.normalizedInPool = PoolFusion.normalizesInPool(n, graph);
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

  // private static final int CONV1_BOUND = S.loopBound(32); the parameters' fields;
  // [group norm's per-sample statistics]; [conv1Input]
  @Override
  public void addFields(TypeSpec.Builder type) {
    type.addField(n.boundField());
    ParameterCode.addFields(type, n, usesIm2col());
    if (winograd()) {
      WinogradConv.addFields(type, n);
    }
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
    CodeBlock parameters = ParameterCode.initialize(n, usesIm2col());
    return winograd() ? parameters.toBuilder().add(WinogradConv.initialize(n)).build() : parameters;
  }

  @Override
  public void allocate(MethodSpec.Builder m) {
    if (n.groupNorm()) {
      for (String s : List.of(n.mean(), n.invStd(), n.sumD(), n.sumDXhat())) {
        m.addStatement("$N = new float[rows * $L]", s, c());
      }
    }
    ChannelsLast.allocate(m, n);
  }

  // Each part's array holds a group of samples' im2col rows (or their dcols), or a block of the
  // weight gradient's pixel rows; for a Winograd convolution, a group of samples' transforms; for
  // a one-channel input, one padded sample, or a group's dcols.
  @Override
  public Optional<SharedBuffer> sharedBuffer() {
    int floats;
    if (winograd()) {
      floats = WinogradConv.scratchFloats(n);
    } else if (directFromOneChannel()) { // one padded sample, or a group's dcols
      floats = Math.max((g.in().height() + 2 * g.padding()) * (g.in().width() + 2 * g.padding()),
          n.passesGradient() ? groupSamples() * pixels() * patch() : 0);
    } else {
      floats = Math.max(groupSamples() * pixels(), ConvWeights.blockRows(patch(), c())) * patch();
    }
    return Optional.of(new SharedBuffer(ConvScratch.FIELD, floats,
        "Each part's im2col rows, or their gradient, shared by every convolution's passes.\n"));
  }

  @Override
  public void addMethods(TypeSpec.Builder type) {
    ChannelsLast.addMethod(type, n);
    if (usesIm2col()) {
      type.addMethod(im2col());
    }
    if (n.norm().isPresent()) {
      ImageNormWriter norm = new ImageNormWriter(n, this::product, normalizedInPool);
      type.addMethod(linear()).addMethod(norm.statistics());
      if (!normalizedInPool) {
        type.addMethod(norm.normalizeTrain());
      }
      type.addMethod(norm.forwardInfer()).addMethod(norm.normGradientSums())
          .addMethod(norm.normBackward());
    } else {
      type.addMethod(forward(true)).addMethod(forward(false));
    }
    if (LoopBody.hasGradientPass(n) && !normalizedInPool) {
      type.addMethod(gradient());
    }
    type.addMethod(weightGradient());
    if (n.passesGradient()) {
      type.addMethod(inputGradient());
      if (!winograd()) {
        type.addMethod(col2im());
      }
    }
  }

  /** dW rebuilds the im2col rows from the layer's input. */
  @Override
  public CodeBlock backward() {
    return calls.weightedBackward(n);
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

  // private void conv1Im2col(float[] x, float[] cols, int p0, int p1, int t0, int t1) {
  //   for each pixel row p0..p1-1 (s, oh, ow), into cols' rows from 0, each tap t0..t1-1 (kh, kw):
  //   copy the C input values at (oh·stride − padding + kh·dilation, ow·stride − padding +
  //   kw·dilation), or zeros outside
  // }
  private MethodSpec im2col() {
    int h = g.out().height();
    int w = g.out().width();
    CodeBlock.Builder b = CodeBlock.builder()
        .addStatement("int s = p0 / $L", pixels())
        .addStatement("int oh = p0 % $L / $L", pixels(), w)
        .addStatement("int ow = p0 % $L", w)
        .beginControlFlow("for (int p = p0; p < p1; p++)")
        .addStatement("int dst = (p - p0) * $L", patch());
    tapLoops(b);
    b.addStatement("int tap = kh * $L + kw", g.kernel())
        .beginControlFlow("if (tap < t0 || tap >= t1)")
        .addStatement("continue")
        .endControlFlow()
        .addStatement("int d = dst + $L", Loops.times("tap", g.in().channels()));
    if (g.padding() > 0) {
      b.beginControlFlow("if (ih < 0 || ih >= $L || iw < 0 || iw >= $L)", g.in().height(), g.in().width())
          .add(Loops.zero(ConvScratch.PARAMETER, "d", g.in().channels()))
          .nextControlFlow("else");
    }
    b.addStatement("int src = $L", Loops.times("((s * " + g.in().height() + " + ih) * "
        + g.in().width() + " + iw)", g.in().channels()));
    b.add(Loops.copy(ConvScratch.PARAMETER, "d", "x", "src", g.in().channels(), false));
    if (g.padding() > 0) {
      b.endControlFlow();
    }
    b.endControlFlow().endControlFlow()
        .beginControlFlow("if (++ow == $L)", w)
        .addStatement("ow = 0")
        .beginControlFlow("if (++oh == $L)", h)
        .addStatement("oh = 0")
        .addStatement("s++")
        .endControlFlow()
        .endControlFlow()
        .endControlFlow();
    return MethodSpec.methodBuilder(n.method(LayerMember.IM2COL))
        .addModifiers(Modifier.PRIVATE)
        .addParameter(float[].class, "x")
        .addParameter(float[].class, ConvScratch.PARAMETER)
        .addParameter(int.class, "p0")
        .addParameter(int.class, "p1")
        .addParameter(int.class, "t0")
        .addParameter(int.class, "t1")
        .addJavadoc("$L: the im2col rows of pixel rows p0..p1-1 (one per output pixel: its $L×$L"
            + " window of $L channels, taps t0..t1-1 only) into $N from row 0.\n", layer.name(),
            g.kernel(), g.kernel(), g.in().channels(), ConvScratch.PARAMETER)
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

  // private void conv2Col2im(float[] dx, float[] cols, int r0, int r1) {
  //   dx = 0 for samples r0..r1-1; then for each output pixel and tap, in order:
  //   dx[input pixel of the tap] += cols[its row, counted from sample r0, and tap]
  // }
  private MethodSpec col2im() {
    CodeBlock.Builder b = CodeBlock.builder()
        .addStatement("$T.fill(dx, r0 * $L, r1 * $L, 0f)", Names.ARRAYS, g.in().size(), g.in().size());
    Loops.outputPixels(b, g)
        .addStatement("int src = (((s - r0) * $L + oh) * $L + ow) * $L", g.out().height(),
            g.out().width(), patch());
    tapLoops(b);
    if (g.padding() > 0) {
      b.beginControlFlow("if (ih < 0 || ih >= $L || iw < 0 || iw >= $L)", g.in().height(), g.in().width())
          .addStatement("continue")
          .endControlFlow();
    }
    b.addStatement("int d = $L", Loops.times("((s * " + g.in().height() + " + ih) * "
        + g.in().width() + " + iw)", g.in().channels()))
        .addStatement("int t = src + $L", Loops.times("(kh * " + g.kernel() + " + kw)", g.in().channels()))
        .add(Loops.copy("dx", "d", ConvScratch.PARAMETER, "t", g.in().channels(), true));
    b.endControlFlow().endControlFlow();
    Loops.endOutputPixels(b);
    return Methods.overRows(n.method(LayerMember.COL2IM), "dx", ConvScratch.PARAMETER)
        .addJavadoc("$L: dx of samples r0..r1-1, the window gradients in $N (from sample r0 on)"
            + " summed back onto their input pixels in a fixed order.\n", layer.name(),
            ConvScratch.PARAMETER)
        .addCode(b.build())
        .build();
  }

  // for (int s0 = r0; s0 < r1; s0 += 9) {
  //   int s1 = Math.min(r1, s0 + 9);
  //   conv1Im2col(x, cols, s0 * 784, s1 * 784, 0, 9);
  //   Gemm.matmulFromRow(conv1Act, cols, 0, conv1Weight, 9, 32, s0 * 784, s1 * 784);
  // }
  // or, for a one-channel input: SingleChannelConv.forward(conv1Act, x, conv1Weight, 28, 28, 3, 1,
  // 32, r0, r1, cols);
  /**
   * im2col, then the product into act for samples r0..r1-1, in groups of {@link #groupSamples}:
   * the product reads a group's im2col rows while they are still in cache. Each element of act is
   * the same fma chain whatever rows a product call covers.
   */
  private CodeBlock product() {
    if (winograd()) {
      return WinogradConv.forward(n);
    }
    if (directFromOneChannel()) {
      return CodeBlock.of("$T.forward($N, x, $N, $L, $L, $L, $L, $L, r0, r1, $N);\n",
          SINGLE_CHANNEL_CONV, n.act(), n.weight(), g.in().height(), g.in().width(), g.kernel(),
          g.padding(), c(), ConvScratch.PARAMETER);
    }
    int taps = g.kernel() * g.kernel();
    return CodeBlock.builder()
        .beginControlFlow("for (int s0 = r0; s0 < r1; s0 += $L)", groupSamples())
        .addStatement("int s1 = Math.min(r1, s0 + $L)", groupSamples())
        .addStatement("$N(x, $N, s0 * $L, s1 * $L, 0, $L)", n.method(LayerMember.IM2COL),
            ConvScratch.PARAMETER, pixels(), pixels(), taps)
        .addStatement("$T.matmulFromRow($N, $N, 0, $N, $L, $L, s0 * $L, s1 * $L)", Names.GEMM,
            n.act(), ConvScratch.PARAMETER, n.weight(), patch(), c(), pixels(), pixels())
        .endControlFlow()
        .build();
  }

  /**
   * Whether any pass builds im2col rows: not where both products read the windows themselves
   * (Winograd, or a one-channel input).
   */
  private boolean usesIm2col() {
    return !winograd() && !directFromOneChannel();
  }

  /** Whether its three products go through Winograd's F(2×2, 3×3) ({@link WinogradConv}). */
  private boolean winograd() {
    return WinogradConv.uses(n);
  }

  /**
   * Whether the forward product and the weight gradient read the windows of a one-channel input
   * directly ({@code SingleChannelConv}, stride 1, no dilation): its im2col rows would hold K·K
   * values each, too few for the tiled product to run well.
   */
  private boolean directFromOneChannel() {
    return g.in().channels() == 1 && g.stride() == 1 && g.dilation() == 1;
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

  // private void conv1ForwardTrain(float[] x, float[] cols, int r0, int r1[, int key][, int noiseKey]) {
  //   the grouped im2col and product (product());
  //   for each pixel row, 16 channels at a time: v = f(z + bias); store; [noise]; [dropout]
  // }
  private MethodSpec forward(boolean training) {
    String name = n.method(training ? LayerMember.FORWARD_TRAIN : LayerMember.FORWARD_INFER);
    MethodSpec.Builder m = Methods.overRows(name, "x", ConvScratch.PARAMETER)
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

  // private void conv1Linear(float[] x, float[] cols, int r0, int r1) {
  //   im2col and the product, + bias, and the activation when the normalization comes after it
  // }
  private MethodSpec linear() {
    boolean activate = n.normAfterActivation() && layer.activation() != Nonlinearity.IDENTITY;
    MethodSpec.Builder m = Methods.overRows(n.method(LayerMember.LINEAR), "x", ConvScratch.PARAMETER)
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

  // private void conv2WeightGradient(float[] x, float[] d, int rows, int part, int parts) {
  //   int i0 = Team.split(288, part, parts); int i1 = Team.split(288, part + 1, parts);
  //   float[] cols = convScratch[part];
  //   for (int p0 = 0; i0 < i1 && p0 < rows * 196; p0 += 186) {   // blocks of pixel rows
  //     int p1 = Math.min(rows * 196, p0 + 186);
  //     conv2Im2col(x, cols, p0, p1, i0 / 32, (i1 + 31) / 32);     // the taps of dW's rows i0..i1-1
  //     ConvKernels.addBlock(conv2WeightGrad, conv2WeightScratch, cols, d, p0, p1 - p0, 288, 64, i0, i1);
  //   }
  //   conv2BiasGrad[f] = Σ over every pixel row of d[·, f], this part's filters
  // }
  private MethodSpec weightGradient() {
    if (directFromOneChannel()) {
      MethodSpec.Builder m = Methods.overParts(n.method(LayerMember.WEIGHT_GRADIENT), "x", "d")
          .addJavadoc("$L: this part's taps of dW$L, from the windows of x directly.\n",
              layer.name(), layer.bias() ? ", and filters of dBias = Σ dY" : "")
          .addStatement("int i0 = $T.split($L, part, parts)", Names.TEAM, patch())
          .addStatement("int i1 = $T.split($L, part + 1, parts)", Names.TEAM, patch())
          .addStatement("$T.weightGradient($N, x, d, $L, $L, $L, $L, $L, rows, i0, i1, $N[part])",
              SINGLE_CHANNEL_CONV, n.weightGrad(), g.in().height(), g.in().width(), g.kernel(),
              g.padding(), c(), ConvScratch.FIELD);
      return withBiasGradient(m);
    }
    if (winograd()) {
      MethodSpec.Builder m = Methods.overParts(n.method(LayerMember.WEIGHT_GRADIENT), "x", "d")
          .addJavadoc("$L: this part's input channels of dW$L, through Winograd's transforms.\n",
              layer.name(), layer.bias() ? ", and filters of dBias = Σ dY" : "")
          .addCode(WinogradConv.weightGradient(n));
      return withBiasGradient(m);
    }
    int block = ConvWeights.blockRows(patch(), c());
    int channels = g.in().channels();
    MethodSpec.Builder m = Methods.overParts(n.method(LayerMember.WEIGHT_GRADIENT), "x", "d")
        .addJavadoc("$L: this part's rows of dW = colsᵀ·dY$L, the im2col rows built again from x"
                + " block by block of $L pixel rows.\n", layer.name(),
            layer.bias() ? " and filters of dBias = Σ dY" : "", block)
        .addStatement("int i0 = $T.split($L, part, parts)", Names.TEAM, patch())
        .addStatement("int i1 = $T.split($L, part + 1, parts)", Names.TEAM, patch())
        .addStatement("float[] $N = $N[part]", ConvScratch.PARAMETER, ConvScratch.FIELD)
        .beginControlFlow("for (int p0 = 0; i0 < i1 && p0 < rows * $L; p0 += $L)", pixels(), block)
        .addStatement("int p1 = Math.min(rows * $L, p0 + $L)", pixels(), block)
        .addStatement("$N(x, $N, p0, p1, $L)", n.method(LayerMember.IM2COL), ConvScratch.PARAMETER,
            channels == 1 ? "i0, i1" : "i0 / " + channels + ", (i1 + " + (channels - 1) + ") / " + channels)
        .addStatement("$T.addBlock($N, $N, $N, d, p0, p1 - p0, $L, $L, i0, i1)", CONV_KERNELS,
            n.weightGrad(), n.weightScratch(), ConvScratch.PARAMETER, patch(), c())
        .endControlFlow();
    return withBiasGradient(m);
  }

  /** m, then this part's filters of dBias = Σ dY over every pixel row, if the layer has a bias. */
  private MethodSpec withBiasGradient(MethodSpec.Builder m) {
    return layer.bias() ? m.addCode(DenseWriter.biasGradient(n, "rows * " + pixels())).build() : m.build();
  }

  // private void conv2InputGradient(float[] d, float[] dx, float[] cols, int r0, int r1) {
  //   for (int s0 = r0; s0 < r1; s0 += 1) {
  //     int s1 = Math.min(r1, s0 + 1);
  //     Gemm.matmulFromRow(cols, d, s0 * 196, conv2WeightT, 64, 288, 0, (s1 - s0) * 196);  // dcols
  //     conv2Col2im(dx, cols, s0, s1);
  //   }
  // }
  private MethodSpec inputGradient() {
    if (winograd()) {
      return Methods.overRows(n.method(LayerMember.INPUT_GRADIENT), "d", "dx", ConvScratch.PARAMETER)
          .addJavadoc("$L: dx of samples r0..r1-1, the convolution of dY by the filters turned"
              + " by 180°, through Winograd's transforms.\n", layer.name())
          .addCode(WinogradConv.inputGradient(n))
          .build();
    }
    // In groups of samples, so that col2im reads a group's dcols while they are still in cache;
    // each sample's dx is summed in the same order as over the whole range.
    return Methods.overRows(n.method(LayerMember.INPUT_GRADIENT), "d", "dx", ConvScratch.PARAMETER)
        .addJavadoc("$L: dx of samples r0..r1-1: dcols = dY·Wᵀ, then col2im, $L sample$L at a"
            + " time.\n", layer.name(), groupSamples(), groupSamples() == 1 ? "" : "s")
        .beginControlFlow("for (int s0 = r0; s0 < r1; s0 += $L)", groupSamples())
        .addStatement("int s1 = Math.min(r1, s0 + $L)", groupSamples())
        .addStatement("$T.matmulFromRow($N, d, s0 * $L, $N, $L, $L, 0, (s1 - s0) * $L)", Names.GEMM,
            ConvScratch.PARAMETER, pixels(), n.weightT(), c(), patch(), pixels())
        .addStatement("$N(dx, $N, s0, s1)", n.method(LayerMember.COL2IM), ConvScratch.PARAMETER)
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
      return new ConvWriter(n, graph, calls);
    }
  }
}
