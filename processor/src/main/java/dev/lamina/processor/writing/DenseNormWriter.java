package dev.lamina.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;

/** {@link NormWriter} for a dense layer: a run is a row; layer norm's statistics are per row. */
final class DenseNormWriter extends NormWriter {
  DenseNormWriter(LayerNames n) {
    super(n, false);
  }

  @Override
  String runs() {
    return "rows";
  }

  @Override
  String firstRun(String r) {
    return r;
  }

  @Override
  CodeBlock sampleStatistics(CodeBlock r0, CodeBlock r1) {
    return CodeBlock.of("$T.rowStatistics($N, $L, $L, $L, $L, $N, $N);\n", Names.NORMALIZATION,
        n.act(), layer.units(), r0, r1, eps(), n.mean(), n.invStd());
  }

  @Override
  CodeBlock sampleStatistic(String array, String local, boolean vector) {
    return CodeBlock.of("$N[r]", array);
  }

  @Override
  CodeBlock sampleLoop(LoopBody body) {
    return Loops.rows(n, body);
  }

  @Override
  CodeBlock loop(LoopBody body) {
    return Loops.rows(n, body);
  }

  // Gemm.matmul(hidden1Act, x, hidden1Weight, 784, 256, r0, r1); then, in the pass, + bias and
  // the activation when the normalization comes after it (else the bias is in the shift).
  @Override
  LoopBody batchInferProduct(MethodSpec.Builder m) {
    m.addStatement("matmul($N, x, $N, $L, $L, r0, r1)", n.act(), n.weight(), layer.fanIn(),
        layer.units());
    LoopBody body = LoopBody.load(n.act(), "row + j");
    return before() ? body : body.bias(n).activation(n);
  }
}
