package dev.lamina.processor.writing;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.lamina.nn.LayerSpec;
import java.util.List;
import java.util.Set;

/**
 * One merge's methods. A sum is one fused vector loop per run: the inputs added, the activation,
 * noise and dropout, as a dense layer's output pass; its backward pass hands the gradient to each
 * input. A concatenation copies each input's runs (a pixel's channels, a row's features) into its
 * place, and back. The inputs' buffers are read where they are: a shortcut is never copied.
 */
final class MergeWriter implements LayerWriter {
  private final LayerNames n;
  private final LayerGraph graph;
  private final PassCalls calls;
  private final List<LayerNames> inputs;
  private final LayerSpec layer;

  MergeWriter(LayerNames n, LayerGraph graph, PassCalls calls) {
    this.n = n;
    this.graph = graph;
    this.calls = calls;
    this.inputs = graph.inputs(n);
    this.layer = n.layer();
  }

  private boolean sum() {
    return layer.type() == LayerSpec.Type.ADD;
  }

  // LayerSpec.merge("block", LayerSpec.Type.ADD, List.of("stem", "conv2"), 6272,
  //     ImageSpec.input(new Shape(32, 14, 14)), Nonlinearity.RELU, 0.01, 1.0, DropoutMode.INVERTED)
  @Override
  public CodeBlock spec() {
    CodeBlock names = layer.inputs().stream().map(name -> CodeBlock.of("$S", name))
        .collect(CodeBlock.joining(", "));
    CodeBlock image = layer.isImage()
        ? CodeBlock.of("$T.input($L)", SpecLiteral.IMAGE_SPEC, SpecLiteral.shape(layer.image().out()))
        : CodeBlock.of("null");
    return CodeBlock.of("$T.merge($S, $T.Type.$L, $T.of($L), $L, $L, $T.$L, $L, $L, $T.$L)",
        Names.LAYER_SPEC, layer.name(), Names.LAYER_SPEC, layer.type(), Names.LIST, names,
        layer.units(), image, Names.NONLINEARITY, layer.activation(), layer.slope(), layer.keep(),
        Names.DROPOUT_MODE, layer.dropoutMode());
  }

  // private static final int BLOCK_BOUND = S.loopBound(32);
  @Override
  public void addFields(TypeSpec.Builder type) {
    type.addField(n.boundField());
  }

  @Override
  public void addMethods(TypeSpec.Builder type) {
    type.addMethod(forward(true)).addMethod(forward(false));
    if (LoopBody.hasGradientPass(n)) {
      type.addMethod(gradient());
    }
    if (inputs.stream().anyMatch(MergeWriter::hasGradient)) {
      type.addMethod(backwardMethod());
    }
  }

  // block(r0, r1[, keys[3]][, noiseKeys[3]]);   the inputs' buffers are fields
  @Override
  public CodeBlock forwardTrain() {
    return CodeBlock.of("$N(r0, r1$L$L);\n", n.method(LayerMember.FORWARD_TRAIN),
        PassCalls.dropoutKey(n), NoiseCode.keyArgument(n));
  }

  @Override
  public CodeBlock forwardInfer() {
    return CodeBlock.of("$N(r0, r1);\n", n.method(LayerMember.FORWARD_INFER));
  }

  // [blockGradient(d, r0, r1);] [blockBackward(d, r0, r1);]
  @Override
  public CodeBlock backward() {
    String d = calls.outputGradient(n);
    CodeBlock.Builder b = CodeBlock.builder();
    if (LoopBody.hasGradientPass(n)) {
      b.addStatement("$N($N, r0, r1)", n.method(LayerMember.GRADIENT), d);
    }
    if (inputs.stream().anyMatch(MergeWriter::hasGradient)) {
      b.addStatement("$N($N, r0, r1)", n.method(LayerMember.BACKWARD), d);
    }
    return b.build();
  }

  /** Whether the backward pass computes dLoss/d(output of {@code l}): not for the network input. */
  static boolean hasGradient(LayerNames l) {
    return l.layer().type() != LayerSpec.Type.INPUT;
  }

  /** Every run of samples r0..r1-1: each pixel of an image, each row of a flat layer. */
  private CodeBlock overRuns(LoopBody body) {
    return layer.isImage() ? Loops.pixels(n, body) : Loops.rows(n, body);
  }

  // private void blockGradient(float[] d, int r0, int r1) {
  //   d = d · mask · f'(act) in place, 16 lanes at a time
  // }
  private MethodSpec gradient() {
    return Methods.overRows(n.method(LayerMember.GRADIENT), "d")
        .addJavadoc("$L: turns dLoss/dOutput into dLoss/d(sum) in place.\n", layer.name())
        .addCode(overRuns(LoopBody.gradient(n)))
        .build();
  }

  /** Runs per sample: an image's pixels (a run is a pixel's channels), or 1 for a flat layer. */
  private int runsPerSample() {
    return layer.isImage() ? layer.image().out().pixels() : 1;
  }

  // private void blockForwardTrain(int r0, int r1[, int key][, int noiseKey]) {
  //   v = stemAct + conv2Act, 16 lanes at a time; v = relu(v); store; [noise;] [dropout;]
  // }
  // private void bothForwardTrain(int r0, int r1) {
  //   Merges.place(bothAct, 64, 0, block2Act, 32, r0 * 49, r1 * 49); ... each input in turn
  // }
  private MethodSpec forward(boolean training) {
    MethodSpec.Builder m = Methods.overRows(
        n.method(training ? LayerMember.FORWARD_TRAIN : LayerMember.FORWARD_INFER))
        .addJavadoc("$L ($L): $L of $L.\n", layer.name(), training ? "training" : "inference",
            sum() ? "the sum" : "the concatenation",
            String.join(", ", layer.inputs()));
    if (training && layer.hasDropout()) {
      m.addParameter(int.class, "key");
    }
    if (training && layer.hasNoise()) {
      m.addParameter(int.class, "noiseKey");
    }
    if (!sum()) {
      int offset = 0;
      for (LayerNames in : inputs) {
        m.addStatement("$T.place($N, $L, $L, $N, $L, r0 * $L, r1 * $L)", Names.MERGES, n.act(),
            n.run(), offset, training ? in.trainOutput() : in.inferOutput(), in.run(),
            runsPerSample(), runsPerSample());
        offset += in.run();
      }
      return m.build();
    }
    LoopBody body = LoopBody.load(training ? inputs.get(0).trainOutput() : inputs.get(0).inferOutput(),
        "row + j");
    for (LayerNames in : inputs.subList(1, inputs.size())) {
      String x = training ? in.trainOutput() : in.inferOutput();
      body.add(CodeBlock.of("v = v.add($T.fromArray(S, $N, row + j));\n", Names.FLOAT_VECTOR, x),
          CodeBlock.of("v += $N[row + j];\n", x));
    }
    body.activation(n);
    if (!training && n.classicDropout()) {
      body.times(Elementwise.literal(layer.keep()));
    }
    body.store(n.act(), "row + j");
    if (training && layer.hasNoise()) {
      body.noise(n, "row + j");
    }
    if (training && layer.hasDropout()) {
      body.dropout(n, "row + j");
    }
    return m.addCode(overRuns(body)).build();
  }

  // private void blockBackward(float[] d, int r0, int r1) {
  //   stemGrad rows r0..r1-1 (+)= d; conv2Grad rows r0..r1-1 (+)= d
  // }
  private MethodSpec backwardMethod() {
    MethodSpec.Builder m = Methods.overRows(n.method(LayerMember.BACKWARD), "d")
        .addJavadoc("$L: dLoss/d(each input) (+)= $L, samples r0..r1-1; the first reader of an "
            + "input in the backward pass sets its gradient, the others add to it.\n",
            layer.name(), sum() ? "d" : "its channels of d");
    int offset = 0;
    for (LayerNames in : inputs) {
      if (hasGradient(in)) {
        boolean add = !graph.setsGradient(n, in);
        int size = in.layer().units();
        if (sum()) {
          if (add) {
            m.addStatement("$T.addInto($N, d, r0 * $L, r1 * $L)", Names.MERGES, in.grad(), size, size);
          } else {
            m.addStatement("$T.arraycopy(d, r0 * $L, $N, r0 * $L, (r1 - r0) * $L)", System.class,
                size, in.grad(), size, size);
          }
        } else {
          m.addStatement("$T.take($N, $L, d, $L, $L, r0 * $L, r1 * $L, $L)", Names.MERGES,
              in.grad(), in.run(), n.run(), offset, runsPerSample(), runsPerSample(), add);
        }
      }
      offset += in.run();
    }
    return m.build();
  }

  /** Registers the writer. */
  @AutoService(LayerWriters.Factory.class)
  public static final class Factory extends LayerWriters.Factory {
    public Factory() {
      super(Set.of(LayerSpec.Type.ADD, LayerSpec.Type.CONCAT));
    }

    @Override
    LayerWriter writer(LayerNames n, LayerGraph graph, PassCalls calls) {
      return new MergeWriter(n, graph, calls);
    }
  }
}
