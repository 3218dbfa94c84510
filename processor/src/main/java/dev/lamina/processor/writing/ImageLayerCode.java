package dev.lamina.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.lamina.nn.ImageSpec;
import dev.lamina.nn.LayerSpec;
import dev.lamina.nn.Shape;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * What {@link NetworkWriter} emits for convolutions and pooling layers: their fields, buffers and
 * methods, and their statements in each pass. The passes keep the dense layers' structure: each
 * part of a team runs its samples through every layer, and barriers stand only where a step
 * needs every sample (batch statistics, weight gradients).
 */
final class ImageLayerCode {
  private static final ClassName IMAGE_SPEC = ClassName.get(ImageSpec.class);
  private static final ClassName SHAPE = ClassName.get(Shape.class);

  private ImageLayerCode() {}

  static boolean isImageLayer(LayerNames n) {
    return n.layer().isImage() && n.layer().type() != LayerSpec.Type.INPUT;
  }

  private static boolean conv(LayerNames n) {
    return n.layer().type() == LayerSpec.Type.CONV;
  }

  /** The first layer after an input of several channels, given (C, H, W), rearranges it first. */
  private static boolean convertsInput(LayerNames n) {
    return n.index() == 1 && n.layer().image().in().channels() > 1;
  }

  // ---- the spec literal ----

  // LayerSpec.conv("conv1", ImageSpec.conv(new Shape(1, 28, 28), 32, 3, 1, 1, 1), false, ...)
  static CodeBlock spec(LayerSpec l) {
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

  /** {@code .withImage(ImageSpec.input(new Shape(1, 28, 28)))} for an image input, else nothing. */
  static CodeBlock inputImage(LayerSpec l) {
    if (!l.isImage()) {
      return CodeBlock.of("");
    }
    Shape s = l.image().out();
    return CodeBlock.of(".withImage($T.input(new $T($L, $L, $L)))", IMAGE_SPEC, SHAPE,
        s.channels(), s.height(), s.width());
  }

  // ---- fields ----

  static void addFields(TypeSpec.Builder type, List<LayerNames> layers) {
    boolean colGrad = false;
    for (LayerNames n : layers) {
      if (!isImageLayer(n)) {
        continue;
      }
      type.addField(FieldSpec.builder(int.class, n.bound(), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("S.loopBound($L)", n.layer().image().out().channels()).build());
      List<String> fixed = new ArrayList<>();
      List<String> buffers = new ArrayList<>();
      if (conv(n)) {
        fixed.addAll(List.of(n.weight(), n.weightGrad(), n.weightScratch()));
        if (n.index() > 1) {
          fixed.add(n.weightT());
        }
        if (n.layer().bias()) {
          fixed.addAll(List.of(n.bias(), n.biasGrad()));
        }
        if (n.norm().isPresent()) {
          fixed.addAll(List.of(n.gamma(), n.gammaGrad(), n.beta(), n.betaGrad()));
        }
        if (n.batchNorm()) {
          fixed.addAll(List.of(n.mean(), n.variance(), n.invStd(), n.runningMean(), n.runningVar(),
              n.tracked(), n.scale(), n.shift()));
        }
        buffers.add(n.cols());
        if (n.groupNorm()) {
          buffers.addAll(List.of(n.mean(), n.invStd(), n.sumD(), n.sumDXhat()));
        }
        colGrad |= n.index() > 1;
      }
      if (n.layer().type() == LayerSpec.Type.MAX_POOL) {
        buffers.add(n.slots());
      }
      if (convertsInput(n)) {
        buffers.add(n.channelsLastInput());
      }
      fixed.forEach(f -> type.addField(float[].class, f, Modifier.PRIVATE, Modifier.FINAL));
      buffers.forEach(f -> type.addField(float[].class, f, Modifier.PRIVATE));
      if (n.batchNorm()) {
        type.addField(float.class, n.runningWeight(), Modifier.PRIVATE);
      }
    }
    if (colGrad) {
      type.addField(FieldSpec.builder(float[].class, ConvWriter.COL_GRAD, Modifier.PRIVATE)
          .addJavadoc("dLoss/d(im2col matrix), scratch shared by every convolution's backward pass.\n")
          .build());
    }
  }

  static void constructor(MethodSpec.Builder m, List<LayerNames> layers) {
    for (LayerNames n : layers) {
      if (!conv(n)) {
        continue;
      }
      String name = n.layer().name();
      ImageSpec g = n.layer().image();
      m.addStatement("$N = p.get($S).values()", n.weight(), name + ".weight")
          .addStatement("$N = p.get($S).gradient()", n.weightGrad(), name + ".weight")
          .addStatement("$N = new float[$L]", n.weightScratch(), g.patch() * g.out().channels());
      if (n.index() > 1) {
        m.addStatement("$N = new float[$L]", n.weightT(), g.patch() * g.out().channels());
      }
      if (n.layer().bias()) {
        m.addStatement("$N = p.get($S).values()", n.bias(), name + ".bias")
            .addStatement("$N = p.get($S).gradient()", n.biasGrad(), name + ".bias");
      }
      if (n.norm().isPresent()) {
        m.addStatement("$N = p.get($S).values()", n.gamma(), name + ".gamma")
            .addStatement("$N = p.get($S).gradient()", n.gammaGrad(), name + ".gamma")
            .addStatement("$N = p.get($S).values()", n.beta(), name + ".beta")
            .addStatement("$N = p.get($S).gradient()", n.betaGrad(), name + ".beta");
      }
      if (n.batchNorm()) {
        for (String array : List.of(n.mean(), n.variance(), n.invStd(), n.scale(), n.shift())) {
          m.addStatement("$N = new float[$L]", array, g.out().channels());
        }
        m.addStatement("$N = stateValues($S)", n.runningMean(), name + ".running_mean")
            .addStatement("$N = stateValues($S)", n.runningVar(), name + ".running_var")
            .addStatement("$N = stateValues($S)", n.tracked(), name + ".batches_tracked");
      }
    }
  }

  static void allocate(MethodSpec.Builder m, List<LayerNames> layers) {
    int colGrad = 0;
    for (LayerNames n : layers) {
      if (!isImageLayer(n)) {
        continue;
      }
      ImageSpec g = n.layer().image();
      if (conv(n)) {
        m.addStatement("$N = new float[rows * $L]", n.cols(), g.out().pixels() * g.patch());
        if (n.groupNorm()) {
          for (String s : List.of(n.mean(), n.invStd(), n.sumD(), n.sumDXhat())) {
            m.addStatement("$N = new float[rows * $L]", s, g.out().channels());
          }
        }
        if (n.index() > 1) {
          colGrad = Math.max(colGrad, g.out().pixels() * g.patch());
        }
      }
      if (n.layer().type() == LayerSpec.Type.MAX_POOL) {
        m.addStatement("$N = new float[rows * $L]", n.slots(), n.layer().units());
      }
      if (convertsInput(n)) {
        m.addStatement("$N = new float[rows * $L]", n.channelsLastInput(), g.in().size());
      }
    }
    if (colGrad > 0) {
      m.addStatement("$N = new float[rows * $L]", ConvWriter.COL_GRAD, colGrad);
    }
  }

  /**
   * At the end of a training pass, this part's columns of the transposed weight that a
   * convolution's input gradient reads (the first layer's is never needed). As for dense layers,
   * the optimizer moves the weights between steps.
   */
  static CodeBlock transpose(LayerNames n) {
    if (!conv(n) || n.index() == 1) {
      return CodeBlock.of("");
    }
    ImageSpec g = n.layer().image();
    return CodeBlock.builder()
        .addStatement(NetworkWriter.transposePart(n.weightT(), n.weight(), g.patch(),
            g.out().channels()))
        .build();
  }

  // ---- the passes ----

  /** The layer's input buffer, rearranging an input of several channels first. */
  private static String input(CodeBlock.Builder b, LayerNames n, String previous) {
    if (!convertsInput(n)) {
      return previous;
    }
    b.addStatement("$N($N, r0, r1)", n.layer().name() + "ChannelsLast", previous);
    return n.channelsLastInput();
  }

  static CodeBlock forwardTrain(LayerNames n, LayerNames previous) {
    CodeBlock.Builder b = CodeBlock.builder();
    String x = input(b, n, previous.trainOutput());
    String name = n.layer().name();
    CodeBlock keys = CodeBlock.of("$L$L", n.layer().hasDropout() ? ", keys[" + n.index() + "]" : "",
        NoiseCode.keyArgument(n));
    if (conv(n) && n.norm().isPresent()) {
      b.addStatement("$N($N, r0, r1)", name + "Linear", x);
      if (n.batchNorm()) {
        b.addStatement("barrier(parts)");
      }
      b.addStatement("$N(part, parts)", name + "Statistics");
      if (n.batchNorm()) {
        b.addStatement("barrier(parts)");
      }
      return b.addStatement("$N(r0, r1$L)", name + "Normalize", keys).build();
    }
    return b.addStatement("$N($N, r0, r1$L)", name + "ForwardTrain", x, keys).build();
  }

  static CodeBlock forwardInfer(LayerNames n, LayerNames previous) {
    CodeBlock.Builder b = CodeBlock.builder();
    String x = input(b, n, previous.inferOutput());
    return b.addStatement("$N($N, r0, r1)", n.layer().name() + "ForwardInfer", x).build();
  }

  static CodeBlock backward(LayerNames n, LayerNames previous, String d, boolean last) {
    CodeBlock.Builder b = CodeBlock.builder();
    String name = n.layer().name();
    if (!conv(n)) {
      if (n.layer().hasDropout()) {
        b.addStatement("$N($N, r0, r1)", name + "Gradient", d);
      }
      if (n.index() > 1) {
        b.addStatement("$N($N, $N, r0, r1)", name + "Backward", d, previous.grad());
      }
      return b.build();
    }
    if (LoopBody.hasGradientPass(n)) {
      b.addStatement("$N($N, r0, r1)", name + "Gradient", d);
    }
    if (n.norm().isPresent()) {
      b.addStatement("barrier(parts)")
          .addStatement("$N($N, part, parts)", name + "NormSums", d)
          .addStatement("barrier(parts)")
          .addStatement("$N($N, r0, r1)", name + "NormBackward", d);
    }
    if (LoopBody.hasGradientPass(n) || n.norm().isPresent() || !last) {
      b.addStatement("barrier(parts)");
    }
    b.addStatement("$N($N, rows, part, parts)", name + "WeightGradient", d);
    if (n.index() > 1) {
      b.addStatement("$N($N, $N, r0, r1)", name + "InputGradient", d, previous.grad());
    }
    return b.build();
  }

  // ---- methods ----

  static void addMethods(TypeSpec.Builder type, LayerNames n) {
    if (convertsInput(n)) {
      type.addMethod(ConvWriter.channelsLast(n));
    }
    if (!conv(n)) {
      PoolWriter pool = new PoolWriter(n);
      type.addMethod(pool.forward(true)).addMethod(pool.forward(false));
      if (n.layer().hasDropout()) {
        type.addMethod(pool.gradient());
      }
      if (n.index() > 1) {
        type.addMethod(pool.backward());
      }
      return;
    }
    ConvWriter writer = new ConvWriter(n);
    type.addMethod(writer.im2col());
    if (n.norm().isPresent()) {
      ImageNormWriter norm = new ImageNormWriter(n);
      type.addMethod(writer.linear()).addMethod(norm.statistics()).addMethod(norm.normalizeTrain())
          .addMethod(norm.forwardInfer()).addMethod(norm.normGradientSums())
          .addMethod(norm.normBackward());
    } else {
      type.addMethod(writer.forward(true)).addMethod(writer.forward(false));
    }
    if (LoopBody.hasGradientPass(n)) {
      type.addMethod(writer.gradient());
    }
    type.addMethod(writer.weightGradient());
    if (n.index() > 1) {
      type.addMethod(writer.inputGradient()).addMethod(writer.col2im());
    }
  }
}
