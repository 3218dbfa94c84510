package dev.lamina.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.lamina.Nonlinearity;
import dev.lamina.nn.LayerSpec;
import javax.lang.model.element.Modifier;

/**
 * The methods of a layer with a normalization. Training runs in stages: the linear part for this
 * part's rows; the statistics (batch norm: this part's columns over every row, so a barrier comes
 * before and after; the others: this part's samples); then one fused pass that normalizes, scales
 * by γ, shifts by β, activates, adds noise and drops out. The backward pass mirrors it with the
 * closed-form gradients in {@code Normalization}. Batch norm at inference uses the running
 * statistics folded into one scale and shift per unit, applied where the bias would be.
 *
 * <p>Both kinds of layer see their values as runs ({@link LayerNames#run()}): a dense layer's rows,
 * a convolution's pixel rows. Batch statistics are per element of a run; what the other
 * statistics cover, and the loops that go with them, are the subclass's ({@link DenseNormWriter},
 * {@link ImageNormWriter}).
 */
abstract class NormWriter {
  final LayerNames n;
  final LayerSpec layer;
  /**
   * Whether the layer's reader normalizes its values ({@link PoolFusion}): x̂ is then never stored,
   * and the backward kernels make it again from z.
   */
  final boolean normalizedByReader;

  NormWriter(LayerNames n, boolean normalizedByReader) {
    this.n = n;
    this.layer = n.layer();
    this.normalizedByReader = normalizedByReader;
  }

  final String eps() {
    return Elementwise.literal(layer.norm().eps());
  }

  final boolean before() {
    return layer.norm().beforeActivation();
  }

  /** The runs of a batch of {@code rows} samples, as source: "rows", or "rows * 196". */
  abstract String runs();

  /** The first run of sample {@code r}, as source. */
  abstract String firstRun(String r);

  /** The statistics (all but batch norm's) of samples r0..r1-1, as a statement. */
  abstract CodeBlock sampleStatistics(CodeBlock r0, CodeBlock r1);

  /** The value of a per-sample statistic in the loops of {@link #sampleLoop}. */
  abstract CodeBlock sampleStatistic(String array, String local, boolean vector);

  /** rows r0..r1-1, with the per-sample statistics in scope where there are any. */
  abstract CodeBlock sampleLoop(LoopBody body);

  /** rows r0..r1-1. */
  abstract CodeBlock loop(LoopBody body);

  /** Batch norm at inference: the product into act, and the start of the pass after it. */
  abstract LoopBody batchInferProduct(MethodSpec.Builder m);

  /** Whether γ and β are per value of a sample (image layer norm) rather than per unit of a run. */
  boolean affinePerValue() {
    return false;
  }

  /** The index of γ and β for the value in progress ({@code gp}: the pixel's first value). */
  private String affine() {
    return affinePerValue() ? "gp + j" : "j";
  }

  // Batch norm: mean, variance and 1/std of every column over every run, and the running
  // statistics moved toward them. The others: the statistics of this part's samples.
  MethodSpec statistics() {
    MethodSpec.Builder m = MethodSpec.methodBuilder(n.method(LayerMember.STATISTICS))
        .addJavadoc("$L: the $L normalization statistics of the training batch.\n", layer.name(),
            layer.norm().kind().name().toLowerCase())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "part")
        .addParameter(int.class, "parts");
    if (!n.batchNorm()) {
      return m.addCode(sampleStatistics(CodeBlock.of("$T.split(rows, part, parts)", Names.TEAM),
          CodeBlock.of("$T.split(rows, part + 1, parts)", Names.TEAM))).build();
    }
    // The parts add their own rows in turn (ColumnSumsInTurn), so that each reads only the rows
    // it computed; the last part finishes the statistics and moves the running ones.
    return m.addStatement("int s0 = $T.split(rows, part, parts)", Names.TEAM)
        .addStatement("int s1 = $T.split(rows, part + 1, parts)", Names.TEAM)
        .addStatement("int r0 = $L", firstRun("s0"))
        .addStatement("int r1 = $L", firstRun("s1"))
        .beginControlFlow("for (int turn = 0; turn < parts; turn++)")
        .beginControlFlow("if (turn == part)")
        .addStatement("$T.means($N, $L, $L, r0, r1, $N)", Names.COLUMN_SUMS_IN_TURN, n.act(), runs(),
            n.run(), n.mean())
        .endControlFlow()
        .addStatement("barrier(parts)")
        .endControlFlow()
        .beginControlFlow("for (int turn = 0; turn < part; turn++)")
        .addStatement("barrier(parts)")
        .endControlFlow()
        .addStatement("$T.variances($N, $L, $L, r0, r1, $L, $N, $N, $N)", Names.COLUMN_SUMS_IN_TURN,
            n.act(), runs(), n.run(), eps(), n.mean(), n.variance(), n.invStd())
        .beginControlFlow("if (part == parts - 1)")
        .addStatement("$T.updateRunning($N, $N, $N, $N, $L, 0, $L, $N)", Names.NORMALIZATION,
            n.runningMean(), n.runningVar(), n.mean(), n.variance(), runs(), n.run(),
            n.runningWeight())
        .endControlFlow()
        .beginControlFlow("for (int turn = part + 1; turn < parts; turn++)")
        .addStatement("barrier(parts)")
        .endControlFlow()
        .build();
  }

  /** Batch statistics are per element of a run (index j); the others the subclass's. */
  private CodeBlock statistic(String array, String local, boolean vector) {
    if (!n.batchNorm()) {
      return sampleStatistic(array, local, vector);
    }
    return vector ? CodeBlock.of("$T.fromArray(S, $N, j)", Names.FLOAT_VECTOR, array) : CodeBlock.of("$N[j]", array);
  }

  // private void hidden1Normalize(int r0, int r1[, int key][, int noiseKey]) {
  //   x̂ = (v − mean)·invStd → hidden1Normalized; y = γ·x̂ + β; [activation]; [noise]; [dropout]
  // }
  MethodSpec normalizeTrain() {
    MethodSpec.Builder m = Methods.overRows(n.method(LayerMember.NORMALIZE))
        .addJavadoc("$L (training): x̂ = (v − mean)/std, y = γ·x̂ + β$L$L, rows r0..r1-1.\n",
            layer.name(), before() ? ", then the activation" : "",
            layer.hasDropout() ? ", then dropout" : "");
    if (layer.hasDropout()) {
      m.addParameter(int.class, "key");
    }
    if (layer.hasNoise()) {
      m.addParameter(int.class, "noiseKey");
    }
    LoopBody body = new LoopBody().add(
        CodeBlock.builder()
            .addStatement("$T x = $T.fromArray(S, $N, row + j).sub($L).mul($L)", Names.FLOAT_VECTOR,
                Names.FLOAT_VECTOR, n.act(), statistic(n.mean(), "mean", true),
                statistic(n.invStd(), "inv", true))
            .addStatement("x.intoArray($N, row + j)", n.normalized())
            .addStatement("$T v = x.fma($T.fromArray(S, $N, $L), $T.fromArray(S, $N, $L))",
                Names.FLOAT_VECTOR, Names.FLOAT_VECTOR, n.gamma(), affine(), Names.FLOAT_VECTOR,
                n.beta(), affine())
            .build(),
        CodeBlock.builder()
            .addStatement("float x = ($N[row + j] - $L) * $L", n.act(),
                statistic(n.mean(), "mean", false), statistic(n.invStd(), "inv", false))
            .addStatement("$N[row + j] = x", n.normalized())
            .addStatement("float v = $T.fma(x, $N[$L], $N[$L])", Names.MATH, n.gamma(), affine(), n.beta(), affine())
            .build());
    if (before()) {
      body.activation(n).store(n.act(), "row + j");
    }
    if (layer.hasNoise()) {
      body.noise(n, "row + j");
    }
    if (layer.hasDropout()) {
      body.dropout(n, "row + j");
    } else if (!before() && !layer.hasNoise()) {
      body.store(n.out(), "row + j");
    }
    return m.addCode(sampleLoop(body)).build();
  }

  // Inference. Batch norm: v = z·scale + shift (running statistics, γ, β and bias folded into
  // one affine map per unit), activation, classic-dropout scale. The others: the linear part,
  // the statistics of rows r0..r1-1, then as in training.
  MethodSpec forwardInfer() {
    MethodSpec.Builder m = Methods.overRows(n.method(LayerMember.FORWARD_INFER),
            ConvScratch.parameters(n, "x"))
        .addJavadoc("$L (inference).\n", layer.name());
    LoopBody body;
    if (n.batchNorm()) {
      body = batchInferProduct(m).add(
          CodeBlock.of("v = v.fma($T.fromArray(S, $N, j), $T.fromArray(S, $N, j));\n",
              Names.FLOAT_VECTOR, n.scale(), Names.FLOAT_VECTOR, n.shift()),
          CodeBlock.of("v = $T.fma(v, $N[j], $N[j]);\n", Names.MATH, n.scale(), n.shift()));
    } else {
      m.addStatement("$N(x$L, r0, r1)", n.method(LayerMember.LINEAR), ConvScratch.passOn(n))
          .addCode(sampleStatistics(CodeBlock.of("r0"), CodeBlock.of("r1")));
      body = new LoopBody().add(
          CodeBlock.of("$T v = $T.fromArray(S, $N, row + j).sub($L).mul($L)"
                  + ".fma($T.fromArray(S, $N, $L), $T.fromArray(S, $N, $L));\n", Names.FLOAT_VECTOR,
              Names.FLOAT_VECTOR, n.act(), statistic(n.mean(), "mean", true),
              statistic(n.invStd(), "inv", true), Names.FLOAT_VECTOR, n.gamma(), affine(),
              Names.FLOAT_VECTOR, n.beta(), affine()),
          CodeBlock.of("float v = $T.fma(($N[row + j] - $L) * $L, $N[$L], $N[$L]);\n", Names.MATH, n.act(),
              statistic(n.mean(), "mean", false), statistic(n.invStd(), "inv", false), n.gamma(),
              affine(), n.beta(), affine()));
    }
    if (before()) {
      body.activation(n);
    }
    if (n.classicDropout()) {
      body.times(Elementwise.literal(layer.keep()));
    }
    body.store(n.act(), "row + j");
    return m.addCode(sampleLoop(body)).build();
  }

  // dγ = Σ g·x̂ and dβ = Σ g over every run (per value over the samples where γ and β are per
  // value), the parts adding their own rows in turn.
  MethodSpec normGradientSums() {
    int columns = affinePerValue() ? layer.units() : n.run();
    return MethodSpec.methodBuilder(n.method(LayerMember.NORM_SUMS))
        .addJavadoc("$L: dγ = Σ g·x̂ and dβ = Σ g over the batch, the parts adding their rows in turn.\n", layer.name())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(float[].class, "d")
        .addParameter(int.class, "part")
        .addParameter(int.class, "parts")
        .addStatement("int s0 = $T.split(rows, part, parts)", Names.TEAM)
        .addStatement("int s1 = $T.split(rows, part + 1, parts)", Names.TEAM)
        .addStatement("int r0 = $L", affinePerValue() ? "s0" : firstRun("s0"))
        .addStatement("int r1 = $L", affinePerValue() ? "s1" : firstRun("s1"))
        .beginControlFlow("for (int turn = 0; turn < part; turn++)")
        .addStatement("barrier(parts)")
        .endControlFlow()
        .addCode(normalizedByReader
            ? CodeBlock.of("$T.gradientSumsFromInput(d, $N, $N, $N, $L, r0, r1, $N, $N);\n",
                Names.COLUMN_SUMS_IN_TURN, n.act(), n.mean(), n.invStd(), columns, n.betaGrad(),
                n.gammaGrad())
            : CodeBlock.of("$T.gradientSums(d, $N, $L, r0, r1, $N, $N);\n",
                Names.COLUMN_SUMS_IN_TURN, n.normalized(), columns, n.betaGrad(), n.gammaGrad()))
        .beginControlFlow("for (int turn = part + 1; turn < parts; turn++)")
        .addStatement("barrier(parts)")
        .endControlFlow()
        .build();
  }


  /** The closed-form input gradient of the normalization, in place over d, as a statement. */
  CodeBlock inputGradient() {
    if (normalizedByReader) {
      return CodeBlock.of("$T.batchInputGradientFromInput(d, $N, $N, $N, $N, $N, $N, $L, $L, $L, $L);\n",
          Names.NORMALIZATION, n.act(), n.mean(), n.gamma(), n.invStd(), n.betaGrad(),
          n.gammaGrad(), runs(), n.run(), firstRun("r0"), firstRun("r1"));
    }
    if (n.batchNorm()) {
      return CodeBlock.of("$T.batchInputGradient(d, $N, $N, $N, $N, $N, $L, $L, $L, $L);\n",
          Names.NORMALIZATION, n.normalized(), n.gamma(), n.invStd(), n.betaGrad(), n.gammaGrad(),
          runs(), n.run(), firstRun("r0"), firstRun("r1"));
    }
    return CodeBlock.of("$T.layerInputGradient(d, $N, $N, $N, $L, r0, r1);\n", Names.NORMALIZATION,
        n.normalized(), n.gamma(), n.invStd(), layer.units());
  }

  // The closed-form input gradient of the normalization, in place; then f' when it came first.
  MethodSpec normBackward() {
    MethodSpec.Builder m = Methods.overRows(n.method(LayerMember.NORM_BACKWARD), "d")
        .addJavadoc("$L: dLoss/d(normalization input) from dLoss/d(its output), in place.\n", layer.name())
        .addCode(inputGradient());
    if (!before() && layer.activation() != Nonlinearity.IDENTITY) {
      m.addCode(loop(LoopBody.activationGradient(n)));
    }
    return m.build();
  }
}
