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

/** The generated class's {@code SPEC}: the model as the runtime sees it, as a Java expression. */
final class SpecLiteral {
  private static final ClassName IMAGE_SPEC = ClassName.get(ImageSpec.class);
  private static final ClassName SHAPE = ClassName.get(Shape.class);

  private SpecLiteral() {}

  // new NetworkSpec("Mnist", Loss.SOFTMAX_CROSS_ENTROPY, 0.0, List.of(
  //     LayerSpec.input("pixels", 784, 1.0, DropoutMode.INVERTED),
  //     LayerSpec.dense("hidden", 256, 784, ...).withNorm(...).withNoise(0.1), ...))
  static CodeBlock of(NetworkSpec spec) {
    CodeBlock.Builder list = CodeBlock.builder();
    for (int i = 0; i < spec.layers().size(); i++) {
      LayerSpec l = spec.layers().get(i);
      list.add(i == 0 ? "\n" : ",\n");
      if (l.type() == LayerSpec.Type.INPUT) {
        list.add("$T.input($S, $L, $L, $T.$L)", Names.LAYER_SPEC, l.name(), l.units(), l.keep(),
            Names.DROPOUT_MODE, l.dropoutMode());
        list.add(inputImage(l));
      } else if (l.isMerge()) {
        list.add(merge(l));
      } else if (l.isImage()) {
        list.add(image(l));
        list.add(normInitializer(l.norm()));
      } else {
        list.add("$T.dense($S, $L, $L, $L, $L, $L, $T.$L, $L, $L, $T.$L)", Names.LAYER_SPEC,
            l.name(), l.units(), l.fanIn(), l.bias(), InitCode.of(l.weightInit()),
            InitCode.of(l.biasInit()), Names.NONLINEARITY, l.activation(), l.slope(), l.keep(),
            Names.DROPOUT_MODE, l.dropoutMode());
        list.add(normInitializer(l.norm()));
      }
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

  // LayerSpec.conv("conv1", ImageSpec.conv(new Shape(1, 28, 28), 32, 3, 1, 1, 1), false, ...)
  private static CodeBlock image(LayerSpec l) {
    ImageSpec g = l.image();
    CodeBlock in = CodeBlock.of("new $T($L, $L, $L)", SHAPE, g.in().channels(), g.in().height(),
        g.in().width());
    return switch (l.type()) {
      case CONV -> CodeBlock.of("$T.conv($S, $T.conv($L, $L, $L, $L, $L, $L), $L, $L, $L, $T.$L, $L, $L, $T.$L)",
          Names.LAYER_SPEC, l.name(), IMAGE_SPEC, in, g.out().channels(), g.kernel(), g.stride(),
          g.padding(), g.dilation(), l.bias(), InitCode.of(l.weightInit()), InitCode.of(l.biasInit()),
          Names.NONLINEARITY, l.activation(), l.slope(), l.keep(), Names.DROPOUT_MODE, l.dropoutMode());
      case GLOBAL_AVG_POOL -> CodeBlock.of("$T.pool($S, $T.Type.$L, $T.global($L), $L, $T.$L)",
          Names.LAYER_SPEC, l.name(), Names.LAYER_SPEC, l.type(), IMAGE_SPEC, in, l.keep(),
          Names.DROPOUT_MODE, l.dropoutMode());
      default -> CodeBlock.of("$T.pool($S, $T.Type.$L, $T.pool($L, $L, $L), $L, $T.$L)",
          Names.LAYER_SPEC, l.name(), Names.LAYER_SPEC, l.type(), IMAGE_SPEC, in, g.kernel(),
          g.stride(), l.keep(), Names.DROPOUT_MODE, l.dropoutMode());
    };
  }

  // LayerSpec.merge("block", LayerSpec.Type.ADD, List.of("stem", "conv2"), 6272,
  //     ImageSpec.input(new Shape(32, 14, 14)), Nonlinearity.RELU, 0.01, 1.0, DropoutMode.INVERTED)
  private static CodeBlock merge(LayerSpec l) {
    CodeBlock inputs = l.inputs().stream().map(n -> CodeBlock.of("$S", n))
        .collect(CodeBlock.joining(", "));
    CodeBlock image = l.isImage()
        ? CodeBlock.of("$T.input(new $T($L, $L, $L))", IMAGE_SPEC, SHAPE, l.image().out().channels(),
            l.image().out().height(), l.image().out().width())
        : CodeBlock.of("null");
    return CodeBlock.of("$T.merge($S, $T.Type.$L, $T.of($L), $L, $L, $T.$L, $L, $L, $T.$L)",
        Names.LAYER_SPEC, l.name(), Names.LAYER_SPEC, l.type(), Names.LIST, inputs, l.units(), image,
        Names.NONLINEARITY, l.activation(), l.slope(), l.keep(), Names.DROPOUT_MODE, l.dropoutMode());
  }

  /** {@code .withImage(ImageSpec.input(new Shape(1, 28, 28)))} for an image input, else nothing. */
  private static CodeBlock inputImage(LayerSpec l) {
    if (!l.isImage()) {
      return CodeBlock.of("");
    }
    Shape s = l.image().out();
    return CodeBlock.of(".withImage($T.input(new $T($L, $L, $L)))", IMAGE_SPEC, SHAPE,
        s.channels(), s.height(), s.width());
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
