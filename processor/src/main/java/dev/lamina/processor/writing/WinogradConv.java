package dev.lamina.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeSpec;
import dev.lamina.internal.kernel.ConvWeights;
import dev.lamina.nn.ImageSpec;
import dev.lamina.nn.LayerSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The convolutions that go through Winograd's F(2×2, 3×3) ({@code Winograd} in the runtime): 3×3,
 * stride 1, no dilation, padding up to 2, and at least {@link #MIN_CHANNELS} input channels, so
 * that each of the 16 products sums over a whole vector's worth of channels. Their forward pass,
 * input gradient and weight gradient take 2.25 times fewer multiplications than the im2col
 * product's, and build no im2col rows. The filters are transformed before every forward pass,
 * training or inference (the weights may have changed since the last): 7.6 µs for 32 × 64
 * filters. Here are the fields and calls around them.
 */
final class WinogradConv {
  static final ClassName WINOGRAD = ClassName.get("dev.lamina.internal.kernel", "Winograd");
  /** Input channels from which a 3×3 convolution goes through Winograd. */
  static final int MIN_CHANNELS = 16;
  private static final int POSITIONS = 16;

  private WinogradConv() {}

  /** Whether layer {@code n} trains through Winograd. */
  static boolean uses(LayerNames n) {
    if (n.layer().type() != LayerSpec.Type.CONV) {
      return false;
    }
    ImageSpec g = n.layer().image();
    return g.kernel() == 3 && g.stride() == 1 && g.dilation() == 1 && g.padding() <= 2
        && g.in().channels() >= MIN_CHANNELS;
  }

  // private final float[][] conv2Filters; [conv2FiltersT;] conv2FilterGrad;
  static void addFields(TypeSpec.Builder type, LayerNames n) {
    names(n).forEach(f -> type.addField(float[][].class, f, Modifier.PRIVATE, Modifier.FINAL));
  }

  // conv2Filters = new float[16][2048]; ...
  static CodeBlock initialize(LayerNames n) {
    CodeBlock.Builder b = CodeBlock.builder();
    int size = n.layer().image().in().channels() * n.layer().image().out().channels();
    names(n).forEach(f -> b.addStatement("$N = new float[$L][$L]", f, POSITIONS, size));
    return b.build();
  }

  private static List<String> names(LayerNames n) {
    List<String> names = new ArrayList<>(List.of(n.winogradFilters()));
    if (n.passesGradient()) {
      names.add(n.winogradFiltersT());
    }
    names.add(n.winogradGrad());
    return names;
  }

  // Before a forward pass, once: Winograd.filters(conv2Filters, conv2Weight, 32, 64, 0, 64);
  static CodeBlock filters(LayerNames n) {
    if (!uses(n)) {
      return CodeBlock.of("");
    }
    ImageSpec g = n.layer().image();
    return CodeBlock.builder()
        .addStatement("$T.filters($N, $N, $L, $L, 0, $L)", WINOGRAD, n.winogradFilters(), n.weight(),
            g.in().channels(), g.out().channels(), g.out().channels())
        .build();
  }

  // At the end of a training pass, this part's input channels of the input gradient's filters:
  // Winograd.inputGradientFilters(conv2FiltersT, conv2Weight, 32, 64, columnSplit(32, part,
  // parts), columnSplit(32, part + 1, parts));
  static CodeBlock inputGradientFilters(LayerNames n) {
    ImageSpec g = n.layer().image();
    int in = g.in().channels();
    return CodeBlock.builder()
        .addStatement("$T.inputGradientFilters($N, $N, $L, $L, columnSplit($L, part, parts), "
            + "columnSplit($L, part + 1, parts))", WINOGRAD, n.winogradFiltersT(), n.weight(), in,
            g.out().channels(), in, in)
        .build();
  }

  // Winograd.forward(conv2Act, x, conv2Filters, 14, 14, 32, 64, 1, r0, r1, cols);
  static CodeBlock forward(LayerNames n) {
    ImageSpec g = n.layer().image();
    return CodeBlock.of("$T.forward($N, x, $N, $L, $L, $L, $L, $L, r0, r1, $N);\n", WINOGRAD,
        n.act(), n.winogradFilters(), g.in().height(), g.in().width(), g.in().channels(),
        g.out().channels(), g.padding(), ConvScratch.PARAMETER);
  }

  // Winograd.forward(dx, d, conv2FiltersT, 14, 14, 64, 32, 1, r0, r1, cols);
  static CodeBlock inputGradient(LayerNames n) {
    ImageSpec g = n.layer().image();
    return CodeBlock.of("$T.forward(dx, d, $N, $L, $L, $L, $L, $L, r0, r1, $N);\n", WINOGRAD,
        n.winogradFiltersT(), g.out().height(), g.out().width(), g.out().channels(),
        g.in().channels(), 2 - g.padding(), ConvScratch.PARAMETER);
  }

  // int i0 = Team.split(32, part, parts); int i1 = Team.split(32, part + 1, parts);
  // Winograd.weightGradient(conv2WeightGrad, conv2FilterGrad, x, d, 14, 14, 32, 64, 1, rows, i0,
  //     i1, convScratch[part]);
  static CodeBlock weightGradient(LayerNames n) {
    ImageSpec g = n.layer().image();
    int in = g.in().channels();
    return CodeBlock.builder()
        .addStatement("int i0 = $T.split($L, part, parts)", Names.TEAM, in)
        .addStatement("int i1 = $T.split($L, part + 1, parts)", Names.TEAM, in)
        .addStatement("$T.weightGradient($N, $N, x, d, $L, $L, $L, $L, $L, rows, i0, i1, $N[part])",
            WINOGRAD, n.weightGrad(), n.winogradGrad(), g.in().height(), g.in().width(), in,
            g.out().channels(), g.padding(), ConvScratch.FIELD)
        .build();
  }

  /** Floats of scratch per part: a group of samples' transforms and products, either way. */
  static int scratchFloats(LayerNames n) {
    ImageSpec g = n.layer().image();
    int in = g.in().channels();
    int out = g.out().channels();
    int forward = ConvWeights.winogradScratch(ConvWeights.WINOGRAD_GROUP,
        ConvWeights.winogradTiles(g.out().height(), g.out().width()), in, out);
    int backward = ConvWeights.winogradScratch(ConvWeights.WINOGRAD_GROUP,
        ConvWeights.winogradTiles(g.in().height(), g.in().width()), out, in);
    return Math.max(forward, backward);
  }
}
