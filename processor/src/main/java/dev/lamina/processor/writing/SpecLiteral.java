package dev.lamina.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.lamina.NormPlacement;
import dev.lamina.RunningStats;
import dev.lamina.nn.ImageSpec;
import dev.lamina.nn.InputScaling;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.NetworkSpec;
import dev.lamina.nn.NormSpec;
import dev.lamina.nn.Shape;
import java.util.List;

/**
 * The generated class's {@code SPEC}: the model as the runtime sees it, as a Java expression: each
 * layer's line from its {@link LayerWriter}, then the modifiers every kind takes.
 */
final class SpecLiteral {
  static final ClassName IMAGE_SPEC = ClassName.get(ImageSpec.class);
  static final ClassName SHAPE = ClassName.get(Shape.class);

  private SpecLiteral() {}

  /** {@code new Shape(1, 28, 28)}. */
  static CodeBlock shape(Shape s) {
    return CodeBlock.of("new $T($L, $L, $L)", SHAPE, s.channels(), s.height(), s.width());
  }

  // new NetworkSpec("Mnist", Loss.SOFTMAX_CROSS_ENTROPY, 0.0, List.of(
  //     LayerSpec.input("pixels", 784, 1.0, DropoutMode.INVERTED),
  //     LayerSpec.dense("hidden", 256, 784, ...).withNorm(...).withNoise(0.1), ...))
  static CodeBlock of(NetworkSpec spec, List<LayerWriter> writers) {
    CodeBlock.Builder list = CodeBlock.builder();
    for (int i = 0; i < spec.layers().size(); i++) {
      LayerSpec l = spec.layers().get(i);
      list.add(i == 0 ? "\n" : ",\n");
      list.add(writers.get(i).spec());
      list.add(normInitializer(l.norm()));
      list.add(regularizationInitializer(l));
      if (!l.isMerge()) {
        list.add(inputsInitializer(l, i == 0 ? null : spec.layers().get(i - 1)));
      }
    }
    CodeBlock literal = CodeBlock.of("new $T($S, $T.$L, $L, $T.of($>$>$L$<$<))",
        Names.NETWORK_SPEC, spec.name(), Names.LOSS, spec.loss(), spec.labelSmoothing(),
        Names.LIST, list.build());
    // new NetworkSpec(...).withInputScaling(InputScaling.STANDARDIZE), for @Standardize
    if (spec.inputScaling() != InputScaling.NONE) {
      literal = CodeBlock.of("$L\n.withInputScaling($T.$L)", literal,
          ClassName.get(InputScaling.class), spec.inputScaling());
    }
    // new NetworkSpec(...).withHuberDelta(2.5), for @Model(huberDelta = 2.5)
    if (spec.huberDelta() != NetworkSpec.DEFAULT_HUBER_DELTA) {
      literal = CodeBlock.of("$L\n.withHuberDelta($L)", literal, spec.huberDelta());
    }
    return literal;
  }

  /** {@code .withNorm(NormSpec.batch(...))} or nothing. */
  private static CodeBlock normInitializer(NormSpec norm) {
    ClassName normSpec = ClassName.get(NormSpec.class);
    ClassName placement = ClassName.get(NormPlacement.class);
    return switch (norm.kind()) {
      case NONE -> CodeBlock.of("");
      case BATCH -> CodeBlock.of("\n.withNorm($T.batch($T.$L, $L, $L, $T.$L)$L)", normSpec, placement,
          norm.placement(), norm.eps(), norm.momentum(),
          ClassName.get(RunningStats.class), norm.runningStats(),
          norm.gamma() == 1 ? "" : CodeBlock.of(".withGamma($L)", norm.gamma()));
      case LAYER -> CodeBlock.of("\n.withNorm($T.layer($T.$L, $L))", normSpec, placement,
          norm.placement(), norm.eps());
      case INSTANCE -> CodeBlock.of("\n.withNorm($T.instance($T.$L, $L))", normSpec, placement,
          norm.placement(), norm.eps());
      case GROUP -> CodeBlock.of("\n.withNorm($T.group($L, $T.$L, $L))", normSpec, norm.groups(),
          placement, norm.placement(), norm.eps());
    };
  }

  /**
   * {@code .withInputs(List.of("a"))} when a layer reads another than the layer above it, which
   * {@code NetworkSpec} takes as the default; nothing for a chain's layers.
   */
  private static CodeBlock inputsInitializer(LayerSpec l, LayerSpec above) {
    if (above == null || l.inputs().equals(java.util.List.of(above.name()))) {
      return CodeBlock.of("");
    }
    CodeBlock names = l.inputs().stream().map(n -> CodeBlock.of("$S", n))
        .collect(CodeBlock.joining(", "));
    return CodeBlock.of("\n.withInputs($T.of($L))", Names.LIST, names);
  }

  /** {@code .withNoise(0.1)} and {@code .withDecay(0.5, true)} where a layer asks for them. */
  private static CodeBlock regularizationInitializer(LayerSpec l) {
    CodeBlock.Builder b = CodeBlock.builder();
    if (l.hasNoise()) {
      b.add(".withNoise($L)", l.noise());
    }
    if (l.decayScale() != 1 || l.decayBias()) {
      b.add(".withDecay($L, $L)", l.decayScale(), l.decayBias());
    }
    return b.build();
  }
}
