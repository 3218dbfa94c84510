package dev.lamina.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.lamina.Nonlinearity;
import dev.lamina.nn.LayerSpec;
import javax.lang.model.element.Modifier;

/**
 * One dense layer's methods. The matrix products go to the register-tiled {@code Gemm} kernels;
 * the elementwise work after each (bias, activation, dropout, and their derivatives) is one fused
 * vector loop, with every size a constant. Each method covers a range of rows (or of weight rows
 * and bias columns), so a team of threads can split a batch; every element is computed the same
 * way whatever the split, so results do not depend on the thread count.
 */
final class DenseWriter {
  private final LayerNames n;
  private final LayerSpec layer;

  DenseWriter(LayerNames n) {
    this.n = n;
    this.layer = n.layer();
  }

  private String shape(boolean training) {
    return String.format("(rows, %d)·(%d, %d)%s → %s%s", layer.fanIn(), layer.fanIn(),
        layer.units(), layer.bias() ? " + bias" : "", layer.activation().name().toLowerCase(),
        (training && layer.hasNoise() ? " → noise std " + layer.noise() : "")
            + (layer.hasDropout() ? " → dropout keep " + layer.keep() : ""));
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

  // private void hidden1ForwardTrain(float[] x, int r0, int r1, int key) {
  //   Gemm.matmul(hidden1Act, x, hidden1Weight, 784, 256, r0, r1);
  //   for each row, 16 lanes at a time: v = act(z + bias); store v; draw mask; store v·mask
  // }
  MethodSpec forwardTrain() {
    return forward(true);
  }

  MethodSpec forwardInfer() {
    return forward(false);
  }

  private MethodSpec forward(boolean training) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(layer.name() + (training ? "ForwardTrain" : "ForwardInfer"))
        .addJavadoc("$L ($L): $L.\n", layer.name(), training ? "training" : "inference", shape(training))
        .addModifiers(Modifier.PRIVATE)
        .addParameter(float[].class, "x")
        .addParameter(int.class, "r0")
        .addParameter(int.class, "r1");
    boolean dropout = training && layer.hasDropout();
    if (dropout) {
      m.addParameter(int.class, "key");
    }
    boolean noise = training && layer.hasNoise();
    if (noise) {
      m.addParameter(int.class, "noiseKey");
    }
    m.addStatement("matmul($N, x, $N, $L, $L, r0, r1)", n.act(), n.weight(),
        layer.fanIn(), layer.units());
    boolean scale = !training && n.classicDropout();
    if (!layer.bias() && layer.activation() == Nonlinearity.IDENTITY && !dropout && !scale && !noise) {
      return m.build();
    }
    m.beginControlFlow("for (int r = r0; r < r1; r++)")
        .addStatement("int row = r * $L", layer.units())
        .addStatement("int j = 0")
        .beginControlFlow("for (; j < $N; j += S.length())", n.bound())
        .addStatement("$T v = $T.fromArray(S, $N, row + j)", Names.FLOAT_VECTOR, Names.FLOAT_VECTOR,
            n.act());
    if (layer.bias()) {
      m.addStatement("v = v.add($T.fromArray(S, $N, j))", Names.FLOAT_VECTOR, n.bias());
    }
    m.addCode(Elementwise.activationVector(layer.activation(), layer.slope(), n.act(), "row + j"));
    if (scale) {
      m.addStatement("v = v.mul($L)", Elementwise.literal(layer.keep()));
    }
    if (scale || !Elementwise.activationStores(layer.activation())) {
      m.addStatement("v.intoArray($N, row + j)", n.act());
    }
    if (noise) {
      m.addCode(NoiseCode.vector(n, "row + j"));
    }
    if (dropout) {
      m.addCode(DropoutCode.vector(n, "row + j"));
    }
    m.endControlFlow()
        .beginControlFlow("for (; j < $L; j++)", layer.units())
        .addStatement("float v = $N[row + j]", n.act());
    if (layer.bias()) {
      m.addStatement("v += $N[j]", n.bias());
    }
    m.addCode(Elementwise.activationScalar(layer.activation(), layer.slope()));
    if (scale) {
      m.addStatement("v *= $L", Elementwise.literal(layer.keep()));
    }
    m.addStatement("$N[row + j] = v", n.act());
    if (noise) {
      m.addCode(NoiseCode.scalar(n, "row + j"));
    }
    if (dropout) {
      m.addCode(DropoutCode.scalar(n, "row + j"));
    }
    return m.endControlFlow().endControlFlow().build();
  }

  // private void hidden1Gradient(float[] d, int r0, int r1) {
  //   d = d · mask · f'(act), 16 lanes at a time, rows r0..r1-1
  // }
  MethodSpec gradient() {
    MethodSpec.Builder m = MethodSpec.methodBuilder(layer.name() + "Gradient")
        .addJavadoc("$L: turns dLoss/dOutput into dLoss/dZ in place, through $L.\n", layer.name(),
            (layer.hasDropout() ? "the dropout mask" : "")
                + (layer.hasDropout() && activationInGradientPass() ? " and " : "")
                + (activationInGradientPass() ? layer.activation().name().toLowerCase() : ""))
        .addModifiers(Modifier.PRIVATE)
        .addParameter(float[].class, "d")
        .addParameter(int.class, "r0")
        .addParameter(int.class, "r1")
        .beginControlFlow("for (int r = r0; r < r1; r++)")
        .addStatement("int row = r * $L", layer.units())
        .addStatement("int j = 0")
        .beginControlFlow("for (; j < $N; j += S.length())", n.bound())
        .addStatement("$T g = $T.fromArray(S, d, row + j)", Names.FLOAT_VECTOR, Names.FLOAT_VECTOR);
    if (layer.hasDropout()) {
      m.addStatement("g = g.mul($T.fromArray(S, $N, row + j))", Names.FLOAT_VECTOR, n.mask());
    }
    if (activationInGradientPass()) {
      m.addStatement("$T y = $T.fromArray(S, $N, row + j)", Names.FLOAT_VECTOR, Names.FLOAT_VECTOR,
          n.act());
      m.addCode(Elementwise.derivativeVector(layer.activation(), layer.slope()));
    }
    m.addStatement("g.intoArray(d, row + j)")
        .endControlFlow()
        .beginControlFlow("for (; j < $L; j++)", layer.units())
        .addStatement("float g = d[row + j]");
    if (layer.hasDropout()) {
      m.addStatement("g *= $N[row + j]", n.mask());
    }
    if (activationInGradientPass()) {
      m.addStatement("float y = $N[row + j]", n.act());
      m.addCode(Elementwise.derivativeScalar(layer.activation(), layer.slope()));
    }
    return m.addStatement("d[row + j] = g").endControlFlow().endControlFlow().build();
  }

  // private void hidden1WeightGradient(float[] x, float[] d, int rows, int part, int parts) {
  //   Gemm.matmulTransA(hidden1WeightGrad, x, d, rows, 784, 256, i0, i1);   // dW = xᵀ·d, rows i0..i1-1
  //   hidden1BiasGrad[j] = Σ_r d[r, j] for this part's columns, rows in order
  // }
  MethodSpec weightGradient() {
    MethodSpec.Builder m = MethodSpec.methodBuilder(layer.name() + "WeightGradient")
        .addJavadoc("$L: this part's rows of dW = xᵀ·d$L.\n", layer.name(),
            layer.bias() ? " and columns of dBias = Σ_rows d" : "")
        .addModifiers(Modifier.PRIVATE)
        .addParameter(float[].class, "x")
        .addParameter(float[].class, "d")
        .addParameter(int.class, "rows")
        .addParameter(int.class, "part")
        .addParameter(int.class, "parts")
        .addStatement("$T.matmulTransA($N, x, d, rows, $L, $L, $T.split($L, part, parts), $T.split($L, part + 1, parts))",
            Names.GEMM, n.weightGrad(), layer.fanIn(), layer.units(), Names.TEAM, layer.fanIn(),
            Names.TEAM, layer.fanIn());
    if (!layer.bias()) {
      return m.build();
    }
    return m.addStatement("int c0 = columnSplit($L, part, parts)", layer.units())
        .addStatement("int c1 = columnSplit($L, part + 1, parts)", layer.units())
        .addStatement("$T.fill($N, c0, c1, 0f)", Names.ARRAYS, n.biasGrad())
        .addStatement("int bound = c0 + S.loopBound(c1 - c0)")
        .beginControlFlow("for (int r = 0; r < rows; r++)")
        .addStatement("int row = r * $L", layer.units())
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
  MethodSpec inputGradient() {
    return MethodSpec.methodBuilder(layer.name() + "InputGradient")
        .addJavadoc("$L: rows r0..r1-1 of dx = d·Wᵀ, from the transposed copy of W.\n", layer.name())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(float[].class, "d")
        .addParameter(float[].class, "dx")
        .addParameter(int.class, "r0")
        .addParameter(int.class, "r1")
        .addStatement("$T.matmulTransB(dx, d, $N, $L, $L, r0, r1)", Names.GEMM, n.weightT(),
            layer.fanIn(), layer.units())
        .build();
  }
}
