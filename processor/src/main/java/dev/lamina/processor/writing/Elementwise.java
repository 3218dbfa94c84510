package dev.lamina.processor.writing;

import com.palantir.javapoet.CodeBlock;
import dev.lamina.Nonlinearity;

/**
 * The statements for each activation and its derivative, as vector code over {@code v} / {@code
 * g} and {@code y}, and as the scalar twin the tail loops run. Both compute the same formula.
 */
final class Elementwise {
  private Elementwise() {}

  static String literal(double value) {
    return Float.toString((float) value) + "f";
  }

  /**
   * {@code v = f(v)} on a FloatVector whose lanes belong at {@code array[index]}, or nothing for
   * the identity. tanh and the sigmoid go through the array ({@code v} stored, transformed there in
   * place by VectorMath's array form, loaded back): a vector passed to or returned from a call that
   * C2 does not inline becomes a heap object, and a generated pass that has inlined a Gemm call is
   * big enough that C2 may stop inlining in it. Where {@link #activationStores} says so, f(v) is
   * then already stored at {@code array[index]}.
   */
  static CodeBlock activationVector(Nonlinearity f, double slope, String array, String index) {
    return switch (f) {
      case IDENTITY -> CodeBlock.of("");
      case RELU -> CodeBlock.of("v = v.max(0f);\n");
      case LEAKY_RELU -> CodeBlock.of("v = v.max(v.mul($L));\n", literal(slope));
      case TANH, SIGMOID -> CodeBlock.builder()
          .addStatement("v.intoArray($N, $L)", array, index)
          .addStatement("$T.$L($N, $L)", Names.VECTOR_MATH,
              f == Nonlinearity.TANH ? "tanh" : "sigmoid", array, index)
          .addStatement("v = $T.fromArray(S, $N, $L)", Names.FLOAT_VECTOR, array, index)
          .build();
    };
  }

  /** Whether {@link #activationVector} stores f(v) at {@code array[index]} too. */
  static boolean activationStores(Nonlinearity f) {
    return f == Nonlinearity.TANH || f == Nonlinearity.SIGMOID;
  }

  /** {@code v = f(v)} on a float. */
  static CodeBlock activationScalar(Nonlinearity f, double slope) {
    return switch (f) {
      case IDENTITY -> CodeBlock.of("");
      case RELU -> CodeBlock.of("v = $T.max(v, 0f);\n", Names.MATH);
      case LEAKY_RELU -> CodeBlock.of("v = $T.max(v, v * $L);\n", Names.MATH, literal(slope));
      case TANH -> CodeBlock.of("v = $T.tanh(v);\n", Names.VECTOR_MATH);
      case SIGMOID -> CodeBlock.of("v = $T.sigmoid(v);\n", Names.VECTOR_MATH);
    };
  }

  /** {@code g = g · f'(x)}, with f' written in terms of the output y = f(x). */
  static CodeBlock derivativeVector(Nonlinearity f, double slope) {
    return switch (f) {
      case IDENTITY -> CodeBlock.of("");
      case RELU -> CodeBlock.of("g = g.blend(0f, y.compare($T.LE, 0f));\n", Names.VECTOR_OPERATORS);
      case LEAKY_RELU -> CodeBlock.of("g = g.blend(g.mul($L), y.compare($T.LE, 0f));\n",
          literal(slope), Names.VECTOR_OPERATORS);
      case TANH -> CodeBlock.of("g = g.mul($T.broadcast(S, 1f).sub(y.mul(y)));\n", Names.FLOAT_VECTOR);
      case SIGMOID -> CodeBlock.of("g = g.mul(y.mul($T.broadcast(S, 1f).sub(y)));\n",
          Names.FLOAT_VECTOR);
    };
  }

  static CodeBlock derivativeScalar(Nonlinearity f, double slope) {
    return switch (f) {
      case IDENTITY -> CodeBlock.of("");
      case RELU -> CodeBlock.of("g = y > 0f ? g : 0f;\n");
      case LEAKY_RELU -> CodeBlock.of("g = y > 0f ? g : g * $L;\n", literal(slope));
      case TANH -> CodeBlock.of("g = g * (1f - y * y);\n");
      case SIGMOID -> CodeBlock.of("g = g * (y * (1f - y));\n");
    };
  }
}
