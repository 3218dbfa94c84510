package dev.lamina.processor.writing;

import com.palantir.javapoet.CodeBlock;

/**
 * A layer that reads one layer (a dense layer, a convolution, a pooling layer): its forward
 * statements are {@link PassCalls}' sequence, the same for each of these kinds.
 */
abstract class SingleInputWriter implements LayerWriter {
  final LayerNames n;
  final PassCalls calls;

  SingleInputWriter(LayerNames n, PassCalls calls) {
    this.n = n;
    this.calls = calls;
  }

  @Override
  public CodeBlock forwardTrain() {
    return calls.forwardTrain(n);
  }

  @Override
  public CodeBlock forwardInfer() {
    return calls.forwardInfer(n);
  }
}
