package dev.lamina.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.lamina.Nonlinearity;
import dev.lamina.nn.LayerSpec;
import javax.lang.model.element.Modifier;

/**
 * The methods of a dense layer with batch or layer normalization. Training runs in stages:
 * the linear part for this part's rows; the statistics (batch norm: this part's columns over every
 * row, so a barrier comes before and after; layer norm: this part's rows); then one fused pass
 * that normalizes, scales by γ, shifts by β, activates and drops out. The backward pass mirrors
 * it with the closed-form gradients in {@code Normalization}. Inference uses the running
 * statistics folded into one scale and shift per unit, applied where the bias would be.
 */
final class NormWriter {
  private final LayerNames n;
  private final LayerSpec layer;
  private final ClassName norm = Names.NORMALIZATION;

  NormWriter(LayerNames n) {
    this.n = n;
    this.layer = n.layer();
  }

  private String eps() {
    return Elementwise.literal(layer.norm().eps());
  }

  private boolean before() {
    return layer.norm().beforeActivation();
  }

  // private void hidden1Linear(float[] x, int r0, int r1) {
  //   Gemm.matmul(hidden1Act, x, hidden1Weight, 784, 256, r0, r1);   // z = x·W
  //   then + bias, and the activation when the normalization comes after it
  // }
  MethodSpec linear() {
    MethodSpec.Builder m = MethodSpec.methodBuilder(layer.name() + "Linear")
        .addJavadoc("$L: z = x·W$L$L for rows r0..r1-1, into $L.\n", layer.name(),
            layer.bias() ? " + b" : "", before() ? "" : ", then the activation", n.act())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(float[].class, "x")
        .addParameter(int.class, "r0")
        .addParameter(int.class, "r1")
        .addStatement("matmul($N, x, $N, $L, $L, r0, r1)", n.act(), n.weight(),
            layer.fanIn(), layer.units());
    boolean activate = !before() && layer.activation() != Nonlinearity.IDENTITY;
    if (!layer.bias() && !activate) {
      return m.build();
    }
    return m.addCode(rowLoop(
        CodeBlock.builder()
            .addStatement("$T v = $T.fromArray(S, $N, row + j)", Names.FLOAT_VECTOR, Names.FLOAT_VECTOR, n.act())
            .add(layer.bias() ? CodeBlock.of("v = v.add($T.fromArray(S, $N, j));\n", Names.FLOAT_VECTOR, n.bias()) : CodeBlock.of(""))
            .add(activate
                ? Elementwise.activationVector(layer.activation(), layer.slope(), n.act(), "row + j")
                : CodeBlock.of(""))
            .addStatement("v.intoArray($N, row + j)", n.act())
            .build(),
        CodeBlock.builder()
            .addStatement("float v = $N[row + j]", n.act())
            .add(layer.bias() ? CodeBlock.of("v += $N[j];\n", n.bias()) : CodeBlock.of(""))
            .add(activate ? Elementwise.activationScalar(layer.activation(), layer.slope()) : CodeBlock.of(""))
            .addStatement("$N[row + j] = v", n.act())
            .build()))
        .build();
  }

  // Batch norm: mean, variance and 1/std of this part's columns over every row, and the running
  // statistics moved toward them. Layer norm: mean and 1/std of this part's rows.
  MethodSpec statistics() {
    MethodSpec.Builder m = MethodSpec.methodBuilder(layer.name() + "Statistics")
        .addJavadoc("$L: the $L statistics of the training batch.\n", layer.name(),
            n.batchNorm() ? "per-unit (batch)" : "per-sample (layer)")
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "part")
        .addParameter(int.class, "parts");
    if (n.layerNorm()) {
      return m.addStatement("$T.rowStatistics($N, $L, $T.split(rows, part, parts), $T.split(rows, part + 1, parts), $L, $N, $N)",
              norm, n.act(), layer.units(), Names.TEAM, Names.TEAM, eps(), n.mean(), n.invStd())
          .build();
    }
    return m.addStatement("int c0 = columnSplit($L, part, parts)", layer.units())
        .addStatement("int c1 = columnSplit($L, part + 1, parts)", layer.units())
        .addStatement("$T.columnStatistics($N, rows, $L, c0, c1, $L, $N, $N, $N)", norm, n.act(),
            layer.units(), eps(), n.mean(), n.variance(), n.invStd())
        .addStatement("$T.updateRunning($N, $N, $N, $N, rows, c0, c1, $N)", norm, n.runningMean(),
            n.runningVar(), n.mean(), n.variance(), n.runningWeight())
        .build();
  }

  // private void hidden1Normalize(int r0, int r1, int key) {
  //   x̂ = (v − mean)·invStd → hidden1Normalized; y = γ·x̂ + β; [activation]; [dropout] → output
  // }
  MethodSpec normalizeTrain() {
    MethodSpec.Builder m = MethodSpec.methodBuilder(layer.name() + "Normalize")
        .addJavadoc("$L (training): x̂ = (v − mean)/std, y = γ·x̂ + β$L$L, rows r0..r1-1.\n",
            layer.name(), before() ? ", then the activation" : "",
            layer.hasDropout() ? ", then dropout" : "")
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "r0")
        .addParameter(int.class, "r1");
    if (layer.hasDropout()) {
      m.addParameter(int.class, "key");
    }
    if (layer.hasNoise()) {
      m.addParameter(int.class, "noiseKey");
    }
    CodeBlock.Builder vector = CodeBlock.builder()
        .addStatement("$T x = $T.fromArray(S, $N, row + j).sub($L).mul($L)", Names.FLOAT_VECTOR,
            Names.FLOAT_VECTOR, n.act(), statVector(n.mean()), statVector(n.invStd()))
        .addStatement("x.intoArray($N, row + j)", n.normalized())
        .addStatement("$T v = x.fma($T.fromArray(S, $N, j), $T.fromArray(S, $N, j))",
            Names.FLOAT_VECTOR, Names.FLOAT_VECTOR, n.gamma(), Names.FLOAT_VECTOR, n.beta());
    CodeBlock.Builder scalar = CodeBlock.builder()
        .addStatement("float x = ($N[row + j] - $L) * $L", n.act(), statScalar(n.mean()), statScalar(n.invStd()))
        .addStatement("$N[row + j] = x", n.normalized())
        .addStatement("float v = Math.fma(x, $N[j], $N[j])", n.gamma(), n.beta());
    if (before()) {
      vector.add(Elementwise.activationVector(layer.activation(), layer.slope(), n.act(), "row + j"))
          .addStatement("v.intoArray($N, row + j)", n.act());
      scalar.add(Elementwise.activationScalar(layer.activation(), layer.slope()))
          .addStatement("$N[row + j] = v", n.act());
    }
    if (layer.hasNoise()) {
      vector.add(NoiseCode.vector(n, "row + j"));
      scalar.add(NoiseCode.scalar(n, "row + j"));
    }
    if (layer.hasDropout()) {
      vector.add(DropoutCode.vector(n, "row + j"));
      scalar.add(DropoutCode.scalar(n, "row + j"));
    } else if (!before() && !layer.hasNoise()) {
      vector.addStatement("v.intoArray($N, row + j)", n.out());
      scalar.addStatement("$N[row + j] = v", n.out());
    }
    return m.addCode(rowLoop(vector.build(), scalar.build())).build();
  }

  // Inference. Batch norm: v = z·scale + shift (running statistics, γ, β and bias folded into
  // one affine map per unit), activation, classic-dropout scale. Layer norm: as in training.
  MethodSpec forwardInfer() {
    MethodSpec.Builder m = MethodSpec.methodBuilder(layer.name() + "ForwardInfer")
        .addJavadoc("$L (inference).\n", layer.name())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(float[].class, "x")
        .addParameter(int.class, "r0")
        .addParameter(int.class, "r1");
    String keep = n.classicDropout() ? Elementwise.literal(layer.keep()) : null;
    CodeBlock.Builder vector = CodeBlock.builder();
    CodeBlock.Builder scalar = CodeBlock.builder();
    if (n.batchNorm()) {
      m.addStatement("matmul($N, x, $N, $L, $L, r0, r1)", n.act(), n.weight(),
          layer.fanIn(), layer.units());
      vector.addStatement("$T v = $T.fromArray(S, $N, row + j)", Names.FLOAT_VECTOR, Names.FLOAT_VECTOR, n.act());
      scalar.addStatement("float v = $N[row + j]", n.act());
      if (!before()) {
        if (layer.bias()) {
          vector.addStatement("v = v.add($T.fromArray(S, $N, j))", Names.FLOAT_VECTOR, n.bias());
          scalar.addStatement("v += $N[j]", n.bias());
        }
        vector.add(Elementwise.activationVector(layer.activation(), layer.slope(), n.act(), "row + j"));
        scalar.add(Elementwise.activationScalar(layer.activation(), layer.slope()));
      }
      vector.addStatement("v = v.fma($T.fromArray(S, $N, j), $T.fromArray(S, $N, j))",
          Names.FLOAT_VECTOR, n.scale(), Names.FLOAT_VECTOR, n.shift());
      scalar.addStatement("v = Math.fma(v, $N[j], $N[j])", n.scale(), n.shift());
    } else {
      m.addStatement("$N(x, r0, r1)", layer.name() + "Linear")
          .addStatement("$T.rowStatistics($N, $L, r0, r1, $L, $N, $N)", norm, n.act(),
              layer.units(), eps(), n.mean(), n.invStd());
      vector.addStatement("$T v = $T.fromArray(S, $N, row + j).sub($L).mul($L)"
              + ".fma($T.fromArray(S, $N, j), $T.fromArray(S, $N, j))", Names.FLOAT_VECTOR,
          Names.FLOAT_VECTOR, n.act(), statVector(n.mean()), statVector(n.invStd()),
          Names.FLOAT_VECTOR, n.gamma(), Names.FLOAT_VECTOR, n.beta());
      scalar.addStatement("float v = Math.fma(($N[row + j] - $L) * $L, $N[j], $N[j])", n.act(),
          statScalar(n.mean()), statScalar(n.invStd()), n.gamma(), n.beta());
    }
    if (before()) {
      vector.add(Elementwise.activationVector(layer.activation(), layer.slope(), n.act(), "row + j"));
      scalar.add(Elementwise.activationScalar(layer.activation(), layer.slope()));
    }
    if (keep != null) {
      vector.addStatement("v = v.mul($L)", keep);
      scalar.addStatement("v *= $L", keep);
    }
    vector.addStatement("v.intoArray($N, row + j)", n.act());
    scalar.addStatement("$N[row + j] = v", n.act());
    return m.addCode(rowLoop(vector.build(), scalar.build())).build();
  }

  // dγ = Σ_rows g·x̂ and dβ = Σ_rows g for this part's columns.
  MethodSpec normGradientSums() {
    return MethodSpec.methodBuilder(layer.name() + "NormSums")
        .addJavadoc("$L: dγ = Σ g·x̂ and dβ = Σ g over the batch, this part's columns.\n", layer.name())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(float[].class, "d")
        .addParameter(int.class, "part")
        .addParameter(int.class, "parts")
        .addStatement("$T.columnSums(d, $N, rows, $L, columnSplit($L, part, parts), columnSplit($L, part + 1, parts), $N, $N)",
            norm, n.normalized(), layer.units(), layer.units(), layer.units(), n.betaGrad(), n.gammaGrad())
        .build();
  }

  // The closed-form input gradient of the normalization, in place; then f' when it came first.
  MethodSpec normBackward() {
    MethodSpec.Builder m = MethodSpec.methodBuilder(layer.name() + "NormBackward")
        .addJavadoc("$L: dLoss/d(normalization input) from dLoss/d(its output), in place.\n", layer.name())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(float[].class, "d")
        .addParameter(int.class, "r0")
        .addParameter(int.class, "r1");
    if (n.batchNorm()) {
      m.addStatement("$T.batchInputGradient(d, $N, $N, $N, $N, $N, rows, $L, r0, r1)", norm,
          n.normalized(), n.gamma(), n.invStd(), n.betaGrad(), n.gammaGrad(), layer.units());
    } else {
      m.addStatement("$T.layerInputGradient(d, $N, $N, $N, $L, r0, r1)", norm, n.normalized(),
          n.gamma(), n.invStd(), layer.units());
    }
    if (!before() && layer.activation() != Nonlinearity.IDENTITY) {
      m.addCode(rowLoop(
          CodeBlock.builder()
              .addStatement("$T g = $T.fromArray(S, d, row + j)", Names.FLOAT_VECTOR, Names.FLOAT_VECTOR)
              .addStatement("$T y = $T.fromArray(S, $N, row + j)", Names.FLOAT_VECTOR, Names.FLOAT_VECTOR, n.act())
              .add(Elementwise.derivativeVector(layer.activation(), layer.slope()))
              .addStatement("g.intoArray(d, row + j)")
              .build(),
          CodeBlock.builder()
              .addStatement("float g = d[row + j]")
              .addStatement("float y = $N[row + j]", n.act())
              .add(Elementwise.derivativeScalar(layer.activation(), layer.slope()))
              .addStatement("d[row + j] = g")
              .build()));
    }
    return m.build();
  }

  /** Batch statistics are per unit (index j), layer statistics per row (index r). */
  private CodeBlock statVector(String array) {
    return n.batchNorm()
        ? CodeBlock.of("$T.fromArray(S, $N, j)", Names.FLOAT_VECTOR, array)
        : CodeBlock.of("$N[r]", array);
  }

  private CodeBlock statScalar(String array) {
    return n.batchNorm() ? CodeBlock.of("$N[j]", array) : CodeBlock.of("$N[r]", array);
  }

  /** for each row r0..r1-1: the vector body over whole vectors, the scalar body over the tail. */
  private CodeBlock rowLoop(CodeBlock vector, CodeBlock scalar) {
    return CodeBlock.builder()
        .beginControlFlow("for (int r = r0; r < r1; r++)")
        .addStatement("int row = r * $L", layer.units())
        .addStatement("int j = 0")
        .beginControlFlow("for (; j < $N; j += S.length())", n.bound())
        .add(vector)
        .endControlFlow()
        .beginControlFlow("for (; j < $L; j++)", layer.units())
        .add(scalar)
        .endControlFlow()
        .endControlFlow()
        .build();
  }
}
