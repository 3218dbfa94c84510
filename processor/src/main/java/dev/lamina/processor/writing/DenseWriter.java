package dev.lamina.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.lamina.Nonlinearity;
import dev.lamina.nn.LayerSpec;
import javax.lang.model.element.Modifier;

/**
 * One dense layer's three methods: the training forward pass, the inference forward pass and
 * the backward pass. The matrix products go to the register-tiled {@code Gemm} kernels; the
 * elementwise work after each (bias, activation, dropout, and their derivatives) is one fused
 * vector loop over the layer's output, with every size a constant.
 */
final class DenseWriter {
  private final LayerNames n;
  private final LayerSpec layer;

  DenseWriter(LayerNames n) {
    this.n = n;
    this.layer = n.layer();
  }

  private String shape() {
    return String.format("(rows, %d)·(%d, %d)%s → %s%s", layer.fanIn(), layer.fanIn(),
        layer.units(), layer.bias() ? " + bias" : "", layer.activation().name().toLowerCase(),
        layer.hasDropout() ? " → dropout keep " + layer.keep() : "");
  }

  // private void hiddenForwardTrain(float[] x, int rows, int key) {
  //   Gemm.matmul(hiddenAct, x, hiddenWeight, 784, 256, 0, rows);
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
        .addJavadoc("$L ($L): $L.\n", layer.name(), training ? "training" : "inference", shape())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(float[].class, "x")
        .addParameter(int.class, "rows");
    boolean dropout = training && layer.hasDropout();
    if (dropout) {
      m.addParameter(int.class, "key");
    }
    m.addStatement("$T.matmul($N, x, $N, $L, $L, 0, rows)", Names.GEMM, n.act(), n.weight(),
        layer.fanIn(), layer.units());
    boolean scale = !training && n.classicDropout();
    if (!layer.bias() && layer.activation() == Nonlinearity.IDENTITY && !dropout && !scale) {
      return m.build();
    }
    m.beginControlFlow("for (int r = 0; r < rows; r++)")
        .addStatement("int row = r * $L", layer.units())
        .addStatement("int j = 0")
        .beginControlFlow("for (; j < $N; j += S.length())", n.bound())
        .addStatement("$T v = $T.fromArray(S, $N, row + j)", Names.FLOAT_VECTOR, Names.FLOAT_VECTOR,
            n.act());
    if (layer.bias()) {
      m.addStatement("v = v.add($T.fromArray(S, $N, j))", Names.FLOAT_VECTOR, n.bias());
    }
    m.addCode(Elementwise.activationVector(layer.activation(), layer.slope()));
    if (scale) {
      m.addStatement("v = v.mul($L)", Elementwise.literal(layer.keep()));
    }
    m.addStatement("v.intoArray($N, row + j)", n.act());
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
    if (dropout) {
      m.addCode(DropoutCode.scalar(n, "row + j"));
    }
    return m.endControlFlow().endControlFlow().build();
  }

  // private void hiddenBackward(float[] x, float[] d, float[] dx, int rows) {
  //   d = d · mask · f'(act), and hiddenBiasGrad = Σ_rows d, in one vector pass;
  //   Gemm.matmulTransA(hiddenWeightGrad, x, d, rows, 784, 256, 0, 784);   // dW = xᵀ·d
  //   Gemm.transpose(hiddenWeightT, hiddenWeight, 784, 256);
  //   Gemm.matmulTransB(dx, d, hiddenWeightT, 784, 256, 0, rows);           // dx = d·Wᵀ
  // }
  MethodSpec backward(boolean propagateToInput) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(layer.name() + "Backward")
        .addJavadoc("$L: gradients of $L; {@code d} is dLoss/dOutput and becomes dLoss/dZ.\n",
            layer.name(), shape())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(float[].class, "x")
        .addParameter(float[].class, "d");
    if (propagateToInput) {
      m.addParameter(float[].class, "dx");
    }
    m.addParameter(int.class, "rows");
    boolean elementwise = layer.hasDropout() || layer.activation() != Nonlinearity.IDENTITY;
    if (layer.bias()) {
      m.addStatement("$T.fill($N, 0f)", Names.ARRAYS, n.biasGrad());
    }
    if (elementwise || layer.bias()) {
      m.addCode(elementwiseBackward(elementwise));
    }
    m.addStatement("$T.matmulTransA($N, x, d, rows, $L, $L, 0, $L)", Names.GEMM, n.weightGrad(),
        layer.fanIn(), layer.units(), layer.fanIn());
    if (propagateToInput) {
      m.addStatement("$T.transpose($N, $N, $L, $L)", Names.GEMM, n.weightT(), n.weight(),
          layer.fanIn(), layer.units());
      m.addStatement("$T.matmulTransB(dx, d, $N, $L, $L, 0, rows)", Names.GEMM, n.weightT(),
          layer.fanIn(), layer.units());
    }
    return m.build();
  }

  private CodeBlock elementwiseBackward(boolean elementwise) {
    CodeBlock.Builder c = CodeBlock.builder()
        .beginControlFlow("for (int r = 0; r < rows; r++)")
        .addStatement("int row = r * $L", layer.units())
        .addStatement("int j = 0")
        .beginControlFlow("for (; j < $N; j += S.length())", n.bound())
        .addStatement("$T g = $T.fromArray(S, d, row + j)", Names.FLOAT_VECTOR, Names.FLOAT_VECTOR);
    if (elementwise) {
      if (layer.hasDropout()) {
        c.addStatement("g = g.mul($T.fromArray(S, $N, row + j))", Names.FLOAT_VECTOR, n.mask());
      }
      if (layer.activation() != Nonlinearity.IDENTITY) {
        c.addStatement("$T y = $T.fromArray(S, $N, row + j)", Names.FLOAT_VECTOR, Names.FLOAT_VECTOR,
            n.act());
        c.add(Elementwise.derivativeVector(layer.activation(), layer.slope()));
      }
      c.addStatement("g.intoArray(d, row + j)");
    }
    if (layer.bias()) {
      c.addStatement("g.add($T.fromArray(S, $N, j)).intoArray($N, j)", Names.FLOAT_VECTOR,
          n.biasGrad(), n.biasGrad());
    }
    c.endControlFlow()
        .beginControlFlow("for (; j < $L; j++)", layer.units())
        .addStatement("float g = d[row + j]");
    if (elementwise) {
      if (layer.hasDropout()) {
        c.addStatement("g *= $N[row + j]", n.mask());
      }
      if (layer.activation() != Nonlinearity.IDENTITY) {
        c.addStatement("float y = $N[row + j]", n.act());
        c.add(Elementwise.derivativeScalar(layer.activation(), layer.slope()));
      }
      c.addStatement("d[row + j] = g");
    }
    if (layer.bias()) {
      c.addStatement("$N[j] += g", n.biasGrad());
    }
    return c.endControlFlow().endControlFlow().build();
  }
}
