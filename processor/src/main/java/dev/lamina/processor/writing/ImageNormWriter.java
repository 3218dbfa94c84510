package dev.lamina.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.lamina.nn.ImageSpec;
import dev.lamina.nn.NormSpec;
import java.util.function.Supplier;

/**
 * {@link NormWriter} for a convolution's output (rows, H, W, C): a run is a pixel's C channels.
 * What each statistic covers:
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
final class ImageNormWriter extends NormWriter {
  private static final ClassName IMAGE_NORM = ClassName.get("dev.lamina.internal.kernel", "ImageNormalization");

  private final ImageSpec g;
  /** The convolution's grouped im2col and product. */
  private final Supplier<CodeBlock> product;

  ImageNormWriter(LayerNames n, Supplier<CodeBlock> product, boolean normalizedByReader) {
    super(n, normalizedByReader);
    this.g = layer.image();
    this.product = product;
  }

  private NormSpec.Kind kind() {
    return layer.norm().kind();
  }

  private int pixels() {
    return g.out().pixels();
  }

  private int perGroup() {
    return layer.norm().channelsPerGroup(n.run());
  }

  @Override
  String runs() {
    return "rows * " + pixels();
  }

  @Override
  String firstRun(String r) {
    return r + " * " + pixels();
  }

  @Override
  boolean affinePerValue() {
    return kind() == NormSpec.Kind.LAYER;
  }

  @Override
  CodeBlock sampleStatistics(CodeBlock r0, CodeBlock r1) {
    if (kind() == NormSpec.Kind.LAYER) {
      return CodeBlock.of("$T.rowStatistics($N, $L, $L, $L, $L, $N, $N);\n", Names.NORMALIZATION,
          n.act(), layer.units(), r0, r1, eps(), n.mean(), n.invStd());
    }
    return CodeBlock.of("$T.groupStatistics($N, $L, $L, $L, $L, $L, $L, $N, $N);\n", IMAGE_NORM,
        n.act(), pixels(), n.run(), perGroup(), r0, r1, eps(), n.mean(), n.invStd());
  }

  /** Layer norm: the sample's scalar, read once per sample; instance, group: per channel. */
  @Override
  CodeBlock sampleStatistic(String array, String local, boolean vector) {
    if (kind() == NormSpec.Kind.LAYER) {
      return CodeBlock.of("$L", local);
    }
    return vector ? CodeBlock.of("$T.fromArray(S, $N, st + j)", Names.FLOAT_VECTOR, array)
        : CodeBlock.of("$N[st + j]", array);
  }

  /** Per sample: the scalar statistics of layer norm, or the offset of instance/group ones. */
  private CodeBlock perSample() {
    return switch (kind()) {
      case LAYER -> CodeBlock.builder()
          .addStatement("float mean = $N[s]", n.mean())
          .addStatement("float inv = $N[s]", n.invStd())
          .build();
      case INSTANCE, GROUP -> CodeBlock.of("int st = s * $L;\n", n.run());
      default -> CodeBlock.of("");
    };
  }

  /** Per pixel: layer norm's γ and β are per value, so they start at the pixel's offset. */
  private CodeBlock perPixel() {
    return affinePerValue() ? CodeBlock.of("int gp = p * $L;\n", n.run()) : CodeBlock.of("");
  }

  @Override
  CodeBlock sampleLoop(LoopBody body) {
    return Loops.samplePixels(n, perSample(), perPixel(), body);
  }

  @Override
  CodeBlock loop(LoopBody body) {
    return Loops.pixels(n, body);
  }

  // Before the activation: im2col and the product, the bias, if any, folded into the shift.
  // After it: the linear part with its bias and activation.
  @Override
  LoopBody batchInferProduct(MethodSpec.Builder m) {
    if (before()) {
      m.addCode(product.get());
    } else {
      m.addStatement("$N(x$L, r0, r1)", n.method(LayerMember.LINEAR), ConvScratch.passOn(n));
    }
    return LoopBody.load(n.act(), "row + j");
  }

  @Override
  CodeBlock inputGradient() {
    if (!n.groupNorm()) {
      return super.inputGradient();
    }
    return CodeBlock.of("$T.groupInputGradient(d, $N, $N, $N, $L, $L, $L, r0, r1, $N, $N);\n",
        IMAGE_NORM, n.normalized(), n.gamma(), n.invStd(), pixels(), n.run(), perGroup(), n.sumD(),
        n.sumDXhat());
  }
}
