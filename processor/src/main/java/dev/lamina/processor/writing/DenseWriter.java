package dev.lamina.processor.writing;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.lamina.Nonlinearity;
import dev.lamina.nn.LayerSpec;
import java.util.Set;

/**
 * One dense layer's methods. The matrix products go to the register-tiled {@code Gemm} kernels;
 * the elementwise work after each (bias, activation, dropout, and their derivatives) is one fused
 * vector loop, with every size a constant. Each method covers a range of rows (or of weight rows
 * and bias columns), so a team of threads can split a batch; every element is computed the same
 * way whatever the split, so results do not depend on the thread count.
 */
final class DenseWriter extends SingleInputWriter {
  private final LayerSpec layer;

  DenseWriter(LayerNames n, PassCalls calls) {
    super(n, calls);
    this.layer = n.layer();
  }

  // LayerSpec.dense("hidden", 256, 784, true, Init.HE, ..., Nonlinearity.RELU, 0.01, 1.0, DropoutMode.INVERTED)
  @Override
  public CodeBlock spec() {
    return CodeBlock.of("$T.dense($S, $L, $L, $L, $L, $L, $T.$L, $L, $L, $T.$L)", Names.LAYER_SPEC,
        layer.name(), layer.units(), layer.fanIn(), layer.bias(), InitCode.of(layer.weightInit()),
        InitCode.of(layer.biasInit()), Names.NONLINEARITY, layer.activation(), layer.slope(),
        layer.keep(), Names.DROPOUT_MODE, layer.dropoutMode());
  }

  // private static final int HIDDEN_BOUND = S.loopBound(256); then the parameters' fields
  @Override
  public void addFields(TypeSpec.Builder type) {
    type.addField(n.boundField());
    ParameterCode.addFields(type, n, false);
    ParameterCode.addRunningWeight(type, n);
  }

  @Override
  public CodeBlock initialize() {
    return ParameterCode.initialize(n, false);
  }

  @Override
  public void addMethods(TypeSpec.Builder type) {
    if (n.norm().isPresent()) {
      NormWriter norm = new DenseNormWriter(n);
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
      type.addMethod(inputGradient());
    }
  }

  /** dW reads the layer's input. */
  @Override
  public CodeBlock backward() {
    return calls.weightedBackward(n);
  }

  private String shape(boolean training) {
    return String.format("(rows, %d)·(%d, %d)%s → %s%s", layer.fanIn(), layer.fanIn(),
        layer.units(), layer.bias() ? " + bias" : "", layer.activation().name().toLowerCase(),
        (training && layer.hasNoise() ? " → noise std " + layer.noise() : "")
            + (layer.hasDropout() ? " → dropout keep " + layer.keep() : ""));
  }

  // private void hidden1ForwardTrain(float[] x, int r0, int r1, int key) {
  //   Gemm.matmul(hidden1Act, x, hidden1Weight, 784, 256, r0, r1);
  //   for each row, 16 lanes at a time: v = act(z + bias); store v; draw mask; store v·mask
  // }
  private MethodSpec forward(boolean training) {
    String name = n.method(training ? LayerMember.FORWARD_TRAIN : LayerMember.FORWARD_INFER);
    MethodSpec.Builder m = Methods.overRows(name, "x")
        .addJavadoc("$L ($L): $L.\n", layer.name(), training ? "training" : "inference", shape(training));
    if (training && layer.hasDropout()) {
      m.addParameter(int.class, "key");
    }
    if (training && layer.hasNoise()) {
      m.addParameter(int.class, "noiseKey");
    }
    m.addStatement("matmul($N, x, $N, $L, $L, r0, r1)", n.act(), n.weight(),
        layer.fanIn(), layer.units());
    if (!LoopBody.hasOutputPass(n, training)) {
      return m.build();
    }
    return m.addCode(Loops.rows(n, LoopBody.output(n, training))).build();
  }

  // private void hidden1Linear(float[] x, int r0, int r1) {
  //   Gemm.matmul(hidden1Act, x, hidden1Weight, 784, 256, r0, r1);   // z = x·W
  //   then + bias, and the activation when the normalization comes after it
  // }
  private MethodSpec linear() {
    boolean activate = n.normAfterActivation() && layer.activation() != Nonlinearity.IDENTITY;
    MethodSpec.Builder m = Methods.overRows(n.method(LayerMember.LINEAR), "x")
        .addJavadoc("$L: z = x·W$L$L for rows r0..r1-1, into $L.\n", layer.name(),
            layer.bias() ? " + b" : "", activate ? ", then the activation" : "", n.act())
        .addStatement("matmul($N, x, $N, $L, $L, r0, r1)", n.act(), n.weight(),
            layer.fanIn(), layer.units());
    if (!layer.bias() && !activate) {
      return m.build();
    }
    return m.addCode(Loops.rows(n, LoopBody.linear(n, activate))).build();
  }

  // private void hidden1Gradient(float[] d, int r0, int r1) {
  //   d = d · mask · f'(act), 16 lanes at a time, rows r0..r1-1
  // }
  private MethodSpec gradient() {
    return Methods.overRows(n.method(LayerMember.GRADIENT), "d")
        .addJavadoc("$L: turns dLoss/dOutput into dLoss/dZ in place, through $L.\n", layer.name(),
            (layer.hasDropout() ? "the dropout mask" : "")
                + (layer.hasDropout() && LoopBody.activationInGradientPass(n) ? " and " : "")
                + (LoopBody.activationInGradientPass(n) ? layer.activation().name().toLowerCase() : ""))
        .addCode(Loops.rows(n, LoopBody.gradient(n)))
        .build();
  }

  // private void hidden1WeightGradient(float[] x, float[] d, int rows, int part, int parts) {
  //   Gemm.matmulTransA(hidden1WeightGrad, x, d, rows, 784, 256, i0, i1);   // dW = xᵀ·d, rows i0..i1-1
  //   hidden1BiasGrad[j] = Σ_r d[r, j] for this part's columns, rows in order
  // }
  private MethodSpec weightGradient() {
    MethodSpec.Builder m = Methods.overParts(n.method(LayerMember.WEIGHT_GRADIENT), "x", "d")
        .addJavadoc("$L: this part's rows of dW = xᵀ·d$L.\n", layer.name(),
            layer.bias() ? " and columns of dBias = Σ_rows d" : "")
        .addStatement("$T.matmulTransA($N, x, d, rows, $L, $L, $T.split($L, part, parts), $T.split($L, part + 1, parts))",
            Names.GEMM, n.weightGrad(), layer.fanIn(), layer.units(), Names.TEAM, layer.fanIn(),
            Names.TEAM, layer.fanIn());
    return layer.bias() ? m.addCode(biasGradient(n, "rows")).build() : m.build();
  }

  /**
   * dBias = Σ d over {@code runs} runs of d (a dense layer's rows, a convolution's pixel rows),
   * this part's columns, the runs in order.
   */
  static CodeBlock biasGradient(LayerNames n, String runs) {
    return CodeBlock.builder()
        .addStatement("int c0 = columnSplit($L, part, parts)", n.run())
        .addStatement("int c1 = columnSplit($L, part + 1, parts)", n.run())
        .addStatement("$T.fill($N, c0, c1, 0f)", Names.ARRAYS, n.biasGrad())
        .addStatement("int bound = c0 + S.loopBound(c1 - c0)")
        .beginControlFlow("for (int r = 0; r < $L; r++)", runs)
        .addStatement("int row = r * $L", n.run())
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

  // private void hidden2InputGradient(float[] d, float[] dx, int r0, int r1) {
  //   Gemm.matmulTransB(dx, d, hidden2WeightT, 256, 128, r0, r1);   // dx = d·Wᵀ
  // }
  private MethodSpec inputGradient() {
    return Methods.overRows(n.method(LayerMember.INPUT_GRADIENT), "d", "dx")
        .addJavadoc("$L: rows r0..r1-1 of dx = d·Wᵀ, from the transposed copy of W.\n", layer.name())
        .addStatement("$T.matmulTransB(dx, d, $N, $L, $L, r0, r1)", Names.GEMM, n.weightT(),
            layer.fanIn(), layer.units())
        .build();
  }

  /** Registers the writer. */
  @AutoService(LayerWriters.Factory.class)
  public static final class Factory extends LayerWriters.Factory {
    public Factory() {
      super(Set.of(LayerSpec.Type.DENSE));
    }

    @Override
    LayerWriter writer(LayerNames n, LayerGraph graph, PassCalls calls) {
      return new DenseWriter(n, calls);
    }
  }
}
