package dev.lamina.processor.writing;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.lamina.internal.layer.UpsampleOp;
import dev.lamina.nn.ImageSpec;
import dev.lamina.nn.LayerSpec;
import java.util.Set;

/**
 * One upsampling layer's methods. Images are (H, W, C), so an output pixel's channels are a copy
 * of its source pixel's, a vector at a time; noise and dropout on the output are fused into the
 * same loop. The backward pass adds each output pixel's gradient into its source pixel. Every
 * method covers samples r0..r1-1.
 */
final class UpsampleWriter extends SingleInputWriter {
  private final LayerSpec layer;
  private final ImageSpec g;
  private final int factor;

  UpsampleWriter(LayerNames n, PassCalls calls) {
    super(n, calls);
    this.layer = n.layer();
    this.g = layer.image();
    this.factor = UpsampleOp.factor(g);
  }

  // LayerSpec.resample("up", LayerSpec.Type.UPSAMPLE, new ImageSpec(new Shape(16, 7, 7),
  //     new Shape(16, 14, 14), 1, 1, 0, 1), 1.0, DropoutMode.INVERTED)
  @Override
  public CodeBlock spec() {
    CodeBlock geometry = CodeBlock.of("new $T($L, $L, 1, 1, 0, 1)", SpecLiteral.IMAGE_SPEC,
        SpecLiteral.shape(g.in()), SpecLiteral.shape(g.out()));
    return CodeBlock.of("$T.resample($S, $T.Type.$L, $L, $L, $T.$L)", Names.LAYER_SPEC,
        layer.name(), Names.LAYER_SPEC, layer.type(), geometry, layer.keep(), Names.DROPOUT_MODE,
        layer.dropoutMode());
  }

  // private static final int UP_BOUND = S.loopBound(16); [upInput]
  @Override
  public void addFields(TypeSpec.Builder type) {
    type.addField(n.boundField());
    ChannelsLast.addField(type, n);
  }

  @Override
  public void allocate(MethodSpec.Builder m) {
    ChannelsLast.allocate(m, n);
  }

  @Override
  public void addMethods(TypeSpec.Builder type) {
    ChannelsLast.addMethod(type, n);
    type.addMethod(forward(true)).addMethod(forward(false));
    if (layer.hasDropout()) {
      type.addMethod(Methods.overRows(n.method(LayerMember.GRADIENT), "d")
          .addJavadoc("$L: the dropout mask applied to dLoss/dOutput in place, samples r0..r1-1.\n",
              layer.name())
          .addCode(Loops.pixels(n, LoopBody.gradient(n)))
          .build());
    }
    if (n.passesGradient()) {
      type.addMethod(backwardMethod());
    }
  }

  @Override
  public CodeBlock backward() {
    return calls.backward(n);
  }

  // private void upForwardTrain(float[] x, int r0, int r1[, int key][, int noiseKey]) {
  //   for each output pixel, 16 channels at a time: v = its source pixel's; store; [noise]; [dropout]
  // }
  private MethodSpec forward(boolean training) {
    String name = n.method(training ? LayerMember.FORWARD_TRAIN : LayerMember.FORWARD_INFER);
    MethodSpec.Builder m = Methods.overRows(name, "x")
        .addJavadoc("$L ($L): each pixel repeated $L×$L, $L → $L.\n", layer.name(),
            training ? "training" : "inference", factor, factor, g.in(), g.out());
    boolean dropout = training && layer.hasDropout();
    boolean noise = training && layer.hasNoise();
    if (dropout) {
      m.addParameter(int.class, "key");
    }
    if (noise) {
      m.addParameter(int.class, "noiseKey");
    }
    LoopBody body = LoopBody.load("x", "i0 + j");
    if (!training && n.classicDropout()) {
      body.times(Elementwise.literal(layer.keep()));
    }
    body.store(n.act(), "o + j");
    if (noise) {
      body.noise(n, "o + j");
    }
    if (dropout) {
      body.dropout(n, "o + j");
    }
    return m.addCode(outputLoop(body)).build();
  }

  // private void upBackward(float[] d, float[] dx, int r0, int r1) {
  //   dx = 0 for samples r0..r1-1; then dx[each output pixel's source] += d
  // }
  private MethodSpec backwardMethod() {
    LoopBody body = new LoopBody().add(
        CodeBlock.of("$T.fromArray(S, d, o + j).add($T.fromArray(S, dx, i0 + j)).intoArray(dx, i0 + j);\n",
            Names.FLOAT_VECTOR, Names.FLOAT_VECTOR),
        CodeBlock.of("dx[i0 + j] += d[o + j];\n"));
    return Methods.overRows(n.method(LayerMember.BACKWARD), "d", "dx")
        .addJavadoc("$L: dx of samples r0..r1-1 from dLoss/dOutput d.\n", layer.name())
        .addStatement("$T.fill(dx, r0 * $L, r1 * $L, 0f)", Names.ARRAYS, g.in().size(), g.in().size())
        .addCode(outputLoop(body))
        .build();
  }

  /**
   * For each output pixel of samples r0..r1-1: {@code o} its first value, {@code i0} its source
   * pixel's; then the channel loop.
   */
  private CodeBlock outputLoop(LoopBody body) {
    CodeBlock.Builder b = CodeBlock.builder();
    Loops.outputValues(b, g)
        .addStatement("int i0 = ((s * $L + oh / $L) * $L + ow / $L) * $L", g.in().height(), factor,
            g.in().width(), factor, g.out().channels())
        .add(Loops.runLoop(n, body));
    return Loops.endOutputPixels(b).build();
  }

  /** Registers the writer. */
  @AutoService(LayerWriters.Factory.class)
  public static final class Factory extends LayerWriters.Factory {
    public Factory() {
      super(Set.of(LayerSpec.Type.UPSAMPLE));
    }

    @Override
    LayerWriter writer(LayerNames n, LayerGraph graph, PassCalls calls) {
      return new UpsampleWriter(n, calls);
    }
  }
}
