package dev.lamina.processor.writing;

import com.palantir.javapoet.CodeBlock;
import java.util.List;

/**
 * The statements of a layer that reads one layer (a dense layer, a convolution, a pooling layer)
 * in the passes a team runs ({@code forwardTrainPart}, {@code forwardInferPart},
 * {@code backwardPart}): calls of the layer's methods on this part's rows, and barriers only where
 * a step needs every row (batch statistics, weight gradients). Dense layers and convolutions call
 * the same sequence; the writers of their methods differ.
 */
final class PassCalls {
  /** dLoss/d(a layer's output) from a layer that adds to a gradient another layer set, first. */
  static final String MERGE_SCRATCH = "mergeScratch";

  private final List<LayerNames> layers;
  private final LayerGraph graph;

  PassCalls(List<LayerNames> layers, LayerGraph graph) {
    this.layers = layers;
    this.graph = graph;
  }

  /** The layer's input buffer, rearranging an input of several channels first. */
  private static String input(CodeBlock.Builder b, LayerNames n, String previous) {
    if (!ChannelsLast.converts(n)) {
      return previous;
    }
    b.addStatement("$N($N, r0, r1)", n.method(LayerMember.CHANNELS_LAST), previous);
    return n.channelsLastInput();
  }

  // hidden1Linear(x, r0, r1); [barrier(parts);] hidden1Statistics(part, parts); [barrier(parts);]
  // hidden1Normalize(r0, r1[, keys[1]][, noiseKeys[1]]);   or, without a normalization:
  // hidden1ForwardTrain(x, r0, r1[, keys[1]][, noiseKeys[1]]);
  CodeBlock forwardTrain(LayerNames n) {
    CodeBlock.Builder b = CodeBlock.builder();
    CodeBlock keys = CodeBlock.of("$L$L", dropoutKey(n), NoiseCode.keyArgument(n));
    String x = input(b, n, graph.input(n).trainOutput());
    if (n.norm().isPresent()) {
      b.addStatement("$N($N$L, r0, r1)", n.method(LayerMember.LINEAR), x, ConvScratch.argument(n));
      if (n.batchNorm()) {
        b.addStatement("barrier(parts)");
      }
      b.addStatement("$N(part, parts)", n.method(LayerMember.STATISTICS));
      if (n.batchNorm()) {
        b.addStatement("barrier(parts)");
      }
      if (PoolFusion.normalizesInPool(n, graph)) {
        return b.build(); // its reader normalizes
      }
      return b.addStatement("$N(r0, r1$L)", n.method(LayerMember.NORMALIZE), keys).build();
    }
    return b.addStatement("$N($N$L, r0, r1$L)", n.method(LayerMember.FORWARD_TRAIN), x,
        ConvScratch.argument(n), keys).build();
  }

  /** {@code , keys[i]} for a layer with dropout, else nothing. */
  static CodeBlock dropoutKey(LayerNames n) {
    return n.layer().hasDropout() ? CodeBlock.of(", keys[$L]", n.index()) : CodeBlock.of("");
  }

  // hidden1ForwardInfer(x, r0, r1);
  CodeBlock forwardInfer(LayerNames n) {
    CodeBlock.Builder b = CodeBlock.builder();
    String x = input(b, n, graph.input(n).inferOutput());
    return b.addStatement("$N($N$L, r0, r1)", n.method(LayerMember.FORWARD_INFER), x,
        ConvScratch.argument(n)).build();
  }

  // At the end of a training pass: this part's columns of the transposed weight that the input
  // gradient reads, or a Winograd convolution's transformed filters (the first layer's is never
  // needed). The optimizer moves the weights between
  // steps, so the copy is fresh for the backward pass.
  CodeBlock transpose(LayerNames n) {
    if (!n.hasWeights() || !n.passesGradient()) {
      return CodeBlock.of("");
    }
    if (WinogradConv.uses(n)) {
      return WinogradConv.inputGradientFilters(n);
    }
    int rows = n.layer().fanIn();
    int cols = n.run();
    return CodeBlock.builder()
        .addStatement("$T.transpose($N, $N, $L, $L, columnSplit($L, part, parts), "
            + "columnSplit($L, part + 1, parts))", Names.GEMM, n.weightT(), n.weight(), rows, cols,
            cols, cols)
        .build();
  }

  // [hidden2Gradient(d, r0, r1);] [barrier; hidden2NormSums(d, part, parts); barrier;
  // hidden2NormBackward(d, r0, r1);] [barrier(parts);] hidden2WeightGradient(x, d, rows, part,
  // parts); hidden2InputGradient(d, dx[, convScratch[part]], r0, r1);
  /** A layer with a weight, whose dW reads its input. */
  CodeBlock weightedBackward(LayerNames n) {
    boolean last = n.index() == layers.size() - 1;
    String d = outputGradient(n);
    CodeBlock.Builder b = CodeBlock.builder();
    boolean gradientPass = LoopBody.hasGradientPass(n) && !PoolFusion.normalizesInPool(n, graph);
    if (gradientPass) {
      b.addStatement("$N($N, r0, r1)", n.method(LayerMember.GRADIENT), d);
    }
    if (n.norm().isPresent()) {
      b.addStatement("barrier(parts)")
          .addStatement("$N($N, part, parts)", n.method(LayerMember.NORM_SUMS), d)
          .addStatement("barrier(parts)")
          .addStatement("$N($N, r0, r1)", n.method(LayerMember.NORM_BACKWARD), d);
    }
    if (gradientPass || n.norm().isPresent() || !last) {
      b.addStatement("barrier(parts)");
    }
    String x = ChannelsLast.converts(n) ? n.channelsLastInput() : graph.input(n).trainOutput();
    b.addStatement("$N($N, $N, rows, part, parts)", n.method(LayerMember.WEIGHT_GRADIENT), x, d);
    if (n.passesGradient()) {
      b.add(toInput(n, graph.input(n), LayerMember.INPUT_GRADIENT, d));
    }
    return b.build();
  }

  // [pool1Gradient(d, r0, r1);] pool1Backward(d, dx, r0, r1)
  /** A layer without a weight whose {@code BACKWARD} method writes its input's gradient. */
  CodeBlock backward(LayerNames n) {
    String d = outputGradient(n);
    CodeBlock.Builder b = CodeBlock.builder();
    if (LoopBody.hasGradientPass(n)) {
      b.addStatement("$N($N, r0, r1)", n.method(LayerMember.GRADIENT), d);
    }
    if (n.passesGradient()) {
      b.add(toInput(n, graph.input(n), LayerMember.BACKWARD, d));
    }
    return b.build();
  }

  /** dLoss/d(output of {@code n}): the network's output gradient for the last layer. */
  String outputGradient(LayerNames n) {
    return n.index() == layers.size() - 1 ? "outputGradient" : n.grad();
  }

  /**
   * {@code method(d, dx, r0, r1)}, which writes dLoss/d(input) into dx: the input's gradient when
   * {@code n} is the first to write it, else the scratch buffer, then added to that gradient.
   */
  private CodeBlock toInput(LayerNames n, LayerNames input, LayerMember method, String d) {
    CodeBlock scratch = ConvScratch.argument(n);
    if (graph.setsGradient(n, input)) {
      return CodeBlock.of("$N($N, $N$L, r0, r1);\n", n.method(method), d, input.grad(), scratch);
    }
    int units = input.layer().units();
    return CodeBlock.builder()
        .addStatement("$N($N, $N$L, r0, r1)", n.method(method), d, MERGE_SCRATCH, scratch)
        .addStatement("$T.addInto($N, $N, r0 * $L, r1 * $L)", Names.MERGES, input.grad(),
            MERGE_SCRATCH, units, units)
        .build();
  }
}
