package dev.lamina.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.Optional;

/**
 * What the generated network holds and runs for one kind of layer: its line of {@code SPEC}, its
 * own fields, its methods and its statements in each pass. {@link LayerWriters} picks a layer's
 * writer, and {@link NetworkWriter} asks every layer's in layer order. What every layer has (its
 * output, mask, gradient and normalization buffers, its dropout and noise keys) NetworkWriter
 * writes itself.
 */
interface LayerWriter {
  /** Its {@code LayerSpec} in {@code SPEC}, before the modifiers {@link SpecLiteral} adds. */
  CodeBlock spec();

  /** Its own fields: parameters, constant loop bounds, scratch. */
  default void addFields(TypeSpec.Builder type) {}

  /** The constructor's statements that bind its parameter fields. */
  default CodeBlock initialize() {
    return CodeBlock.of("");
  }

  /** {@code allocate(rows)}'s statements for its own buffers of a batch. */
  default void allocate(MethodSpec.Builder m) {}

  /** Scratch that layers of its kind share, declared once and sized by the largest. */
  default Optional<SharedBuffer> sharedBuffer() {
    return Optional.empty();
  }

  /** Its methods, added to the passes class. */
  void addMethods(TypeSpec.Builder passes);

  /** Its statements in {@code forwardTrainPart}, on this part's rows r0..r1-1. */
  CodeBlock forwardTrain();

  /** Its statements in {@code forwardInferPart}. */
  CodeBlock forwardInfer();

  /** Its statements in {@code backwardPart}; never asked of the input layer. */
  CodeBlock backward();
}
