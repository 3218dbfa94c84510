package dev.lamina.processor.writing;

import com.palantir.javapoet.CodeBlock;
import dev.lamina.Nonlinearity;
import dev.lamina.internal.kernel.Activations;

/**
 * One fused elementwise loop body, written twice: vector code over {@code S.length()} lanes of
 * {@code v} (or {@code g}), and the scalar twin the tail loop runs. Each step adds both, so the
 * two compute the same formula in the same order.
 */
final class LoopBody {
  private final CodeBlock.Builder vector = CodeBlock.builder();
  private final CodeBlock.Builder scalar = CodeBlock.builder();
  /** The array that already holds the vector {@code v} at the index in progress, or null. */
  private String stored;

  CodeBlock vector() {
    return vector.build();
  }

  CodeBlock scalar() {
    return scalar.build();
  }

  /** Adds a step that changes {@code v} or stands apart from it. */
  LoopBody add(CodeBlock vectorCode, CodeBlock scalarCode) {
    vector.add(vectorCode);
    scalar.add(scalarCode);
    stored = null;
    return this;
  }

  // FloatVector v = FloatVector.fromArray(S, hidden1Act, row + j);   float v = hidden1Act[row + j];
  static LoopBody load(String array, String index) {
    return new LoopBody().add(
        CodeBlock.of("$T v = $T.fromArray(S, $N, $L);\n", Names.FLOAT_VECTOR, Names.FLOAT_VECTOR, array, index),
        CodeBlock.of("float v = $N[$L];\n", array, index));
  }

  /** v = v + bias[j], where the layer has a bias. */
  LoopBody bias(LayerNames n) {
    if (!n.layer().bias()) {
      return this;
    }
    return add(CodeBlock.of("v = v.add($T.fromArray(S, $N, j));\n", Names.FLOAT_VECTOR, n.bias()),
        CodeBlock.of("v += $N[j];\n", n.bias()));
  }

  /** v = f(v); tanh and the sigmoid leave f(v) in the act buffer too ({@link Elementwise}). */
  LoopBody activation(LayerNames n) {
    Nonlinearity f = n.layer().activation();
    if (Activations.derivativeNeedsInput(f)) {
      store(n.pre(), "row + j"); // x, which f' needs in the backward pass
    }
    add(Elementwise.activationVector(f, n.layer().slope(), n.act(), "row + j"),
        Elementwise.activationScalar(f, n.layer().slope()));
    if (Elementwise.activationStores(f)) {
      stored = n.act();
    }
    return this;
  }

  /** v = v × factor (a float literal). */
  LoopBody times(String factor) {
    return add(CodeBlock.of("v = v.mul($L);\n", factor), CodeBlock.of("v *= $L;\n", factor));
  }

  /** array[index] = v; the vector store is left out where the activation has just made it. */
  LoopBody store(String array, String index) {
    if (!array.equals(stored)) {
      vector.addStatement("v.intoArray($N, $L)", array, index);
    }
    scalar.addStatement("$N[$L] = v", array, index);
    stored = array;
    return this;
  }

  LoopBody noise(LayerNames n, String index) {
    return add(NoiseCode.vector(n, index), NoiseCode.scalar(n, index));
  }

  LoopBody dropout(LayerNames n, String index) {
    return add(DropoutCode.vector(n, index), DropoutCode.scalar(n, index));
  }

  /**
   * The pass after a layer's product, over its act buffer: v = f(z + bias), × keep at inference
   * under classic dropout, stored back; then, while training, noise and dropout into the out
   * buffer.
   */
  static LoopBody output(LayerNames n, boolean training) {
    LoopBody body = load(n.act(), "row + j").bias(n).activation(n);
    if (!training && n.classicDropout()) {
      body.times(Elementwise.literal(n.layer().keep()));
    }
    body.store(n.act(), "row + j");
    if (training && n.layer().hasNoise()) {
      body.noise(n, "row + j");
    }
    if (training && n.layer().hasDropout()) {
      body.dropout(n, "row + j");
    }
    return body;
  }

  /** Whether {@link #output} does anything: otherwise the product alone is the output. */
  static boolean hasOutputPass(LayerNames n, boolean training) {
    return n.layer().bias() || n.layer().activation() != Nonlinearity.IDENTITY
        || (training ? n.layer().hasDropout() || n.layer().hasNoise() : n.classicDropout());
  }

  /** The pass after a linear part's product: v = z + bias, then f(v) if {@code activate}, stored back. */
  static LoopBody linear(LayerNames n, boolean activate) {
    LoopBody body = load(n.act(), "row + j").bias(n);
    if (activate) {
      body.activation(n);
    }
    return body.store(n.act(), "row + j");
  }

  /**
   * Whether the backward pass has elementwise work before the products or the normalization: the
   * dropout mask, and f' unless a normalization after the activation comes between.
   */
  static boolean hasGradientPass(LayerNames n) {
    return n.layer().hasDropout() || activationInGradientPass(n);
  }

  static boolean activationInGradientPass(LayerNames n) {
    return n.layer().activation() != Nonlinearity.IDENTITY && !n.normAfterActivation();
  }

  /** That pass, in place over d: g = d, × the dropout mask, × f'. */
  static LoopBody gradient(LayerNames n) {
    return gradient(n, n.layer().hasDropout(), activationInGradientPass(n));
  }

  /** g = g · f' in place over d, for a normalization after the activation. */
  static LoopBody activationGradient(LayerNames n) {
    return gradient(n, false, true);
  }

  /**
   * f' is written in terms of the output y = f(x), kept in the act buffer, or for GELU, SiLU,
   * softplus and hard-swish of the input x, kept in the pre buffer by {@link #activation}.
   */
  private static LoopBody gradient(LayerNames n, boolean mask, boolean derivative) {
    Nonlinearity f = n.layer().activation();
    LoopBody body = new LoopBody().add(
        CodeBlock.of("$T g = $T.fromArray(S, d, row + j);\n", Names.FLOAT_VECTOR, Names.FLOAT_VECTOR),
        CodeBlock.of("float g = d[row + j];\n"));
    if (mask) {
      body.add(CodeBlock.of("g = g.mul($T.fromArray(S, $N, row + j));\n", Names.FLOAT_VECTOR, n.mask()),
          CodeBlock.of("g *= $N[row + j];\n", n.mask()));
    }
    if (derivative && Activations.derivativeNeedsInput(f)) {
      body.add(Elementwise.derivativeFromInputVector(f, n.pre(), "row + j"),
          Elementwise.derivativeFromInputScalar(f, n.pre(), "row + j"));
    } else if (derivative) {
      body.add(CodeBlock.builder()
              .addStatement("$T y = $T.fromArray(S, $N, row + j)", Names.FLOAT_VECTOR, Names.FLOAT_VECTOR, n.act())
              .add(Elementwise.derivativeVector(f, n.layer().slope()))
              .build(),
          CodeBlock.builder()
              .addStatement("float y = $N[row + j]", n.act())
              .add(Elementwise.derivativeScalar(f, n.layer().slope()))
              .build());
    }
    return body.add(CodeBlock.of("g.intoArray(d, row + j);\n"), CodeBlock.of("d[row + j] = g;\n"));
  }
}
