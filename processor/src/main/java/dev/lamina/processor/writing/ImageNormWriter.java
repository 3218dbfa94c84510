package dev.lamina.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.lamina.Nonlinearity;
import dev.lamina.nn.ImageSpec;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.NormSpec;
import javax.lang.model.element.Modifier;

/**
 * The normalization of a convolution's output (rows, H, W, C), in the stages of {@link
 * NormWriter}: statistics, then one fused pass that normalizes, scales by γ, shifts by β,
 * activates, adds noise and drops out; the backward pass mirrors it. What differs is the set each
 * statistic covers:
 *
 * <ul>
 *   <li>batch: per channel over every pixel row of the batch — {@code Normalization}'s column
 *       kernels on a (rows·H·W, C) matrix, this part's channels, with barriers around;
 *   <li>layer: per sample over its H·W·C values — the row kernels on a (rows, H·W·C) matrix, γ
 *       and β per value;
 *   <li>instance and group: per sample and group of channels over H·W —
 *       {@code ImageNormalization}'s kernels, statistics expanded per (sample, channel).
 * </ul>
 */
final class ImageNormWriter {
  private static final ClassName NORM = Names.NORMALIZATION;
  private static final ClassName IMAGE_NORM = ClassName.get("dev.lamina.kernel", "ImageNormalization");

  private final LayerNames n;
  private final LayerSpec layer;
  private final ImageSpec g;

  ImageNormWriter(LayerNames n) {
    this.n = n;
    this.layer = n.layer();
    this.g = layer.image();
  }

  private NormSpec.Kind kind() {
    return layer.norm().kind();
  }

  private String eps() {
    return Elementwise.literal(layer.norm().eps());
  }

  private boolean before() {
    return layer.norm().beforeActivation();
  }

  private int c() {
    return g.out().channels();
  }

  private int pixels() {
    return g.out().pixels();
  }

  private int perGroup() {
    return layer.norm().channelsPerGroup(c());
  }

  /** The statistics of samples r0..r1-1 (layer, instance, group), as source. */
  private CodeBlock sampleStatistics(CodeBlock r0, CodeBlock r1) {
    if (kind() == NormSpec.Kind.LAYER) {
      return CodeBlock.of("$T.rowStatistics($N, $L, $L, $L, $L, $N, $N);\n", NORM, n.act(),
          layer.units(), r0, r1, eps(), n.mean(), n.invStd());
    }
    return CodeBlock.of("$T.groupStatistics($N, $L, $L, $L, $L, $L, $L, $N, $N);\n", IMAGE_NORM,
        n.act(), pixels(), c(), perGroup(), r0, r1, eps(), n.mean(), n.invStd());
  }

  // Batch: mean, variance and 1/std of this part's channels over every pixel row, and the running
  // statistics moved toward them. Layer, instance, group: the statistics of this part's samples.
  MethodSpec statistics() {
    MethodSpec.Builder m = MethodSpec.methodBuilder(layer.name() + "Statistics")
        .addJavadoc("$L: the $L normalization statistics of the training batch.\n", layer.name(),
            kind().name().toLowerCase())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(int.class, "part")
        .addParameter(int.class, "parts");
    if (kind() != NormSpec.Kind.BATCH) {
      return m.addCode(sampleStatistics(CodeBlock.of("$T.split(rows, part, parts)", Names.TEAM),
          CodeBlock.of("$T.split(rows, part + 1, parts)", Names.TEAM))).build();
    }
    return m.addStatement("int c0 = columnSplit($L, part, parts)", c())
        .addStatement("int c1 = columnSplit($L, part + 1, parts)", c())
        .addStatement("$T.columnStatistics($N, rows * $L, $L, c0, c1, $L, $N, $N, $N)", NORM,
            n.act(), pixels(), c(), eps(), n.mean(), n.variance(), n.invStd())
        .addStatement("$T.updateRunning($N, $N, $N, $N, rows * $L, c0, c1, $N)", NORM,
            n.runningMean(), n.runningVar(), n.mean(), n.variance(), pixels(), n.runningWeight())
        .build();
  }

  /** Per sample: the scalar statistics of layer norm, or the offset of instance/group ones. */
  private CodeBlock perSample() {
    return switch (kind()) {
      case LAYER -> CodeBlock.builder()
          .addStatement("float mean = $N[s]", n.mean())
          .addStatement("float inv = $N[s]", n.invStd())
          .build();
      case INSTANCE, GROUP -> CodeBlock.of("int st = s * $L;\n", c());
      default -> CodeBlock.of("");
    };
  }

  /** Per pixel: layer norm's γ and β are per value, so they start at the pixel's offset. */
  private CodeBlock perPixel() {
    return kind() == NormSpec.Kind.LAYER ? CodeBlock.of("int gp = p * $L;\n", c()) : CodeBlock.of("");
  }

  private CodeBlock statVector(String array, String scalar) {
    return switch (kind()) {
      case BATCH -> CodeBlock.of("$T.fromArray(S, $N, j)", Names.FLOAT_VECTOR, array);
      case LAYER -> CodeBlock.of("$L", scalar);
      default -> CodeBlock.of("$T.fromArray(S, $N, st + j)", Names.FLOAT_VECTOR, array);
    };
  }

  private CodeBlock statScalar(String array, String scalar) {
    return switch (kind()) {
      case BATCH -> CodeBlock.of("$N[j]", array);
      case LAYER -> CodeBlock.of("$L", scalar);
      default -> CodeBlock.of("$N[st + j]", array);
    };
  }

  /** The index of γ and β for channel j of the pixel in progress. */
  private String affine() {
    return kind() == NormSpec.Kind.LAYER ? "gp + j" : "j";
  }

  private CodeBlock loops(CodeBlock vector, CodeBlock scalar) {
    return ImageLoops.samplePixels(n, perSample(), perPixel(), vector, scalar);
  }

  // private void conv1Normalize(int r0, int r1[, int key][, int noiseKey]) {
  //   x̂ = (v − mean)·invStd → conv1Normalized; y = γ·x̂ + β; [activation]; [noise]; [dropout]
  // }
  MethodSpec normalizeTrain() {
    MethodSpec.Builder m = MethodSpec.methodBuilder(layer.name() + "Normalize")
        .addJavadoc("$L (training): x̂ = (v − mean)/std, y = γ·x̂ + β$L, samples r0..r1-1.\n",
            layer.name(), before() ? ", then the activation" : "")
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
            Names.FLOAT_VECTOR, n.act(), statVector(n.mean(), "mean"), statVector(n.invStd(), "inv"))
        .addStatement("x.intoArray($N, row + j)", n.normalized())
        .addStatement("$T v = x.fma($T.fromArray(S, $N, $L), $T.fromArray(S, $N, $L))",
            Names.FLOAT_VECTOR, Names.FLOAT_VECTOR, n.gamma(), affine(), Names.FLOAT_VECTOR,
            n.beta(), affine());
    CodeBlock.Builder scalar = CodeBlock.builder()
        .addStatement("float x = ($N[row + j] - $L) * $L", n.act(), statScalar(n.mean(), "mean"),
            statScalar(n.invStd(), "inv"))
        .addStatement("$N[row + j] = x", n.normalized())
        .addStatement("float v = Math.fma(x, $N[$L], $N[$L])", n.gamma(), affine(), n.beta(), affine());
    if (before()) {
      vector.add(Elementwise.activationVector(layer.activation(), layer.slope(), n.act(), "row + j"));
      if (!Elementwise.activationStores(layer.activation())) {
        vector.addStatement("v.intoArray($N, row + j)", n.act());
      }
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
    return m.addCode(loops(vector.build(), scalar.build())).build();
  }

  // Inference. Batch norm: im2col and the product, then v = z·scale + shift (running statistics,
  // γ, β and bias folded into one affine map per channel), activation, classic-dropout scale.
  // Layer, instance, group: the linear part, this part's statistics, then as in training.
  MethodSpec forwardInfer() {
    MethodSpec.Builder m = MethodSpec.methodBuilder(layer.name() + "ForwardInfer")
        .addJavadoc("$L (inference).\n", layer.name())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(float[].class, "x")
        .addParameter(int.class, "r0")
        .addParameter(int.class, "r1");
    CodeBlock.Builder vector = CodeBlock.builder();
    CodeBlock.Builder scalar = CodeBlock.builder();
    if (kind() == NormSpec.Kind.BATCH && before()) {
      // The bias, if any, is folded into the shift.
      m.addStatement("$N(x, r0, r1)", layer.name() + "Im2col")
          .addStatement("$T.matmul($N, $N, $N, $L, $L, r0 * $L, r1 * $L)", Names.GEMM, n.act(),
              n.cols(), n.weight(), g.patch(), c(), pixels(), pixels());
    } else {
      m.addStatement("$N(x, r0, r1)", layer.name() + "Linear");
    }
    if (kind() == NormSpec.Kind.BATCH) {
      vector.addStatement("$T v = $T.fromArray(S, $N, row + j)", Names.FLOAT_VECTOR, Names.FLOAT_VECTOR, n.act())
          .addStatement("v = v.fma($T.fromArray(S, $N, j), $T.fromArray(S, $N, j))",
              Names.FLOAT_VECTOR, n.scale(), Names.FLOAT_VECTOR, n.shift());
      scalar.addStatement("float v = Math.fma($N[row + j], $N[j], $N[j])", n.act(), n.scale(), n.shift());
    } else {
      m.addCode(sampleStatistics(CodeBlock.of("r0"), CodeBlock.of("r1")));
      vector.addStatement("$T v = $T.fromArray(S, $N, row + j).sub($L).mul($L)"
              + ".fma($T.fromArray(S, $N, $L), $T.fromArray(S, $N, $L))", Names.FLOAT_VECTOR,
          Names.FLOAT_VECTOR, n.act(), statVector(n.mean(), "mean"), statVector(n.invStd(), "inv"),
          Names.FLOAT_VECTOR, n.gamma(), affine(), Names.FLOAT_VECTOR, n.beta(), affine());
      scalar.addStatement("float v = Math.fma(($N[row + j] - $L) * $L, $N[$L], $N[$L])", n.act(),
          statScalar(n.mean(), "mean"), statScalar(n.invStd(), "inv"), n.gamma(), affine(),
          n.beta(), affine());
    }
    if (before()) {
      vector.add(Elementwise.activationVector(layer.activation(), layer.slope(), n.act(), "row + j"));
      scalar.add(Elementwise.activationScalar(layer.activation(), layer.slope()));
    }
    if (n.classicDropout()) {
      vector.addStatement("v = v.mul($L)", Elementwise.literal(layer.keep()));
      scalar.addStatement("v *= $L", Elementwise.literal(layer.keep()));
    }
    if (!before() || n.classicDropout() || !Elementwise.activationStores(layer.activation())) {
      vector.addStatement("v.intoArray($N, row + j)", n.act());
    }
    scalar.addStatement("$N[row + j] = v", n.act());
    return m.addCode(loops(vector.build(), scalar.build())).build();
  }

  // dγ = Σ g·x̂ and dβ = Σ g: per channel over every pixel row (per value over the samples for
  // layer norm), this part's columns.
  MethodSpec normGradientSums() {
    boolean layerNorm = kind() == NormSpec.Kind.LAYER;
    int columns = layerNorm ? layer.units() : c();
    String rows = layerNorm ? "rows" : "rows * " + pixels();
    return MethodSpec.methodBuilder(layer.name() + "NormSums")
        .addJavadoc("$L: dγ = Σ g·x̂ and dβ = Σ g, this part's columns.\n", layer.name())
        .addModifiers(Modifier.PRIVATE)
        .addParameter(float[].class, "d")
        .addParameter(int.class, "part")
        .addParameter(int.class, "parts")
        .addStatement("$T.columnSums(d, $N, $L, $L, columnSplit($L, part, parts), columnSplit($L, part + 1, parts), $N, $N)",
            NORM, n.normalized(), rows, columns, columns, columns, n.betaGrad(), n.gammaGrad())
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
    switch (kind()) {
      case BATCH -> m.addStatement("$T.batchInputGradient(d, $N, $N, $N, $N, $N, rows * $L, $L, r0 * $L, r1 * $L)",
          NORM, n.normalized(), n.gamma(), n.invStd(), n.betaGrad(), n.gammaGrad(), pixels(), c(),
          pixels(), pixels());
      case LAYER -> m.addStatement("$T.layerInputGradient(d, $N, $N, $N, $L, r0, r1)", NORM,
          n.normalized(), n.gamma(), n.invStd(), layer.units());
      default -> m.addStatement("$T.groupInputGradient(d, $N, $N, $N, $L, $L, $L, r0, r1, $N, $N)",
          IMAGE_NORM, n.normalized(), n.gamma(), n.invStd(), pixels(), c(), perGroup(), n.sumD(),
          n.sumDXhat());
    }
    if (!before() && layer.activation() != Nonlinearity.IDENTITY) {
      m.addCode(ImageLoops.pixels(n,
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
}
