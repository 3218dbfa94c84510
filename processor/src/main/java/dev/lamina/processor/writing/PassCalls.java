package dev.lamina.processor.writing;

import com.palantir.javapoet.CodeBlock;
import dev.lamina.nn.LayerSpec;
import java.util.List;

/**
 * Each layer's statements in the passes a team runs ({@code forwardTrainPart},
 * {@code forwardInferPart}, {@code backwardPart}): calls of the layer's methods on this part's rows,
 * and barriers only where a step needs every row (batch statistics, weight gradients). Dense layers
 * and convolutions call the same sequence; the writers of their methods differ.
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

  /** The layer that {@code n} reads: the one its spec names as its input. */
  private LayerNames previous(LayerNames n) {
    return graph.input(n);
  }

  /** The layer's input buffer, rearranging an input of several channels first. */
  private static String input(CodeBlock.Builder b, LayerNames n, String previous) {
    if (!ImageLayerCode.convertsInput(n)) {
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
    CodeBlock dropoutKey = n.layer().hasDropout() ? CodeBlock.of(", keys[$L]", n.index()) : CodeBlock.of("");
    CodeBlock noiseKey = NoiseCode.keyArgument(n);
    if (n.layer().type() == LayerSpec.Type.INPUT) {
      if (n.layer().hasNoise()) {
        b.addStatement("$N($N, r0, r1$L$L)", n.method(LayerMember.NOISE_METHOD), LayerNames.LAST_INPUT, noiseKey, dropoutKey);
      } else if (n.layer().hasDropout()) {
        b.addStatement("$N($N, r0, r1$L)", n.method(LayerMember.DROPOUT_METHOD), LayerNames.LAST_INPUT, dropoutKey);
      }
      return b.build();
    }
    CodeBlock keys = CodeBlock.of("$L$L", dropoutKey, noiseKey);
    if (n.layer().isMerge()) {
      return b.addStatement("$N(r0, r1$L)", n.method(LayerMember.FORWARD_TRAIN), keys).build();
    }
    String x = input(b, n, previous(n).trainOutput());
    if (n.norm().isPresent()) {
      b.addStatement("$N($N, r0, r1)", n.method(LayerMember.LINEAR), x);
      if (n.batchNorm()) {
        b.addStatement("barrier(parts)");
      }
      b.addStatement("$N(part, parts)", n.method(LayerMember.STATISTICS));
      if (n.batchNorm()) {
        b.addStatement("barrier(parts)");
      }
      return b.addStatement("$N(r0, r1$L)", n.method(LayerMember.NORMALIZE), keys).build();
    }
    return b.addStatement("$N($N, r0, r1$L)", n.method(LayerMember.FORWARD_TRAIN), x, keys).build();
  }

  // [inputScale(inferInput, r0, r1);]   or   hidden1ForwardInfer(x, r0, r1);
  CodeBlock forwardInfer(LayerNames n) {
    CodeBlock.Builder b = CodeBlock.builder();
    if (n.layer().type() == LayerSpec.Type.INPUT) {
      if (n.classicDropout()) {
        b.addStatement("$N($N, r0, r1)", n.method(LayerMember.SCALE_METHOD), LayerNames.INFER_INPUT);
      }
      return b.build();
    }
    if (n.layer().isMerge()) {
      return b.addStatement("$N(r0, r1)", n.method(LayerMember.FORWARD_INFER)).build();
    }
    String x = input(b, n, previous(n).inferOutput());
    return b.addStatement("$N($N, r0, r1)", n.method(LayerMember.FORWARD_INFER), x).build();
  }

  // At the end of a training pass: this part's columns of the transposed weight that the input
  // gradient reads (the first layer's is never needed). The optimizer moves the weights between
  // steps, so the copy is fresh for the backward pass.
  CodeBlock transpose(LayerNames n) {
    if (!n.hasWeights() || !n.passesGradient()) {
      return CodeBlock.of("");
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
  // hidden2NormBackward(d, r0, r1);] [barrier(parts);] hidden2WeightGradient([x, ]d, rows, part,
  // parts); hidden2InputGradient(d, dx, r0, r1);   a pool: [Gradient;] pool1Backward(d, dx, r0, r1)
  CodeBlock backward(LayerNames n) {
    boolean last = n.index() == layers.size() - 1;
    String d = last ? "outputGradient" : n.grad();
    CodeBlock.Builder b = CodeBlock.builder();
    if (LoopBody.hasGradientPass(n)) {
      b.addStatement("$N($N, r0, r1)", n.method(LayerMember.GRADIENT), d);
    }
    if (n.layer().isMerge()) {
      if (graph.inputs(n).stream().anyMatch(MergeWriter::hasGradient)) {
        b.addStatement("$N($N, r0, r1)", n.method(LayerMember.BACKWARD), d);
      }
      return b.build();
    }
    LayerNames previous = previous(n);
    if (!n.hasWeights()) {
      if (n.passesGradient()) {
        b.add(toInput(n, previous, LayerMember.BACKWARD, d));
      }
      return b.build();
    }
    if (n.norm().isPresent()) {
      b.addStatement("barrier(parts)")
          .addStatement("$N($N, part, parts)", n.method(LayerMember.NORM_SUMS), d)
          .addStatement("barrier(parts)")
          .addStatement("$N($N, r0, r1)", n.method(LayerMember.NORM_BACKWARD), d);
    }
    if (LoopBody.hasGradientPass(n) || n.norm().isPresent() || !last) {
      b.addStatement("barrier(parts)");
    }
    // A convolution's dW reads its im2col matrix; a dense layer's, its input.
    CodeBlock x = n.layer().type() == LayerSpec.Type.CONV
        ? CodeBlock.of("")
        : CodeBlock.of("$N, ", previous.trainOutput());
    b.addStatement("$N($L$N, rows, part, parts)", n.method(LayerMember.WEIGHT_GRADIENT), x, d);
    if (n.passesGradient()) {
      b.add(toInput(n, previous, LayerMember.INPUT_GRADIENT, d));
    }
    return b.build();
  }

  /**
   * {@code method(d, dx, r0, r1)}, which writes dLoss/d(input) into dx: the input's gradient when
   * {@code n} is the first to write it, else the scratch buffer, then added to that gradient.
   */
  private CodeBlock toInput(LayerNames n, LayerNames input, LayerMember method, String d) {
    if (graph.setsGradient(n, input)) {
      return CodeBlock.of("$N($N, $N, r0, r1);\n", n.method(method), d, input.grad());
    }
    int units = input.layer().units();
    return CodeBlock.builder()
        .addStatement("$N($N, $N, r0, r1)", n.method(method), d, MERGE_SCRATCH)
        .addStatement("$T.addInto($N, $N, r0 * $L, r1 * $L)", Names.MERGES, input.grad(),
            MERGE_SCRATCH, units, units)
        .build();
  }
}
