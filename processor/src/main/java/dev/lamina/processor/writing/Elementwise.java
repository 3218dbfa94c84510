package dev.lamina.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.lamina.Nonlinearity;
import dev.lamina.internal.kernel.Activations;
import java.util.Locale;

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
      case IDENTITY, RELU, LEAKY_RELU -> inRegisters(f, slope, "v", true);
      case TANH, SIGMOID, GELU, GELU_TANH, SILU, ELU, SELU, SOFTPLUS, HARDSWISH -> CodeBlock.builder()
          .addStatement("v.intoArray($N, $L)", array, index)
          .addStatement("$T.$L($N, $L)", kernels(f), method(f), array, index)
          .addStatement("v = $T.fromArray(S, $N, $L)", Names.FLOAT_VECTOR, array, index)
          .build();
    };
  }

  /**
   * {@code name = f(name)} for an activation computed in registers (the identity, ReLU, leaky
   * ReLU: where {@link #activationStores} is false), vector or scalar.
   */
  static CodeBlock inRegisters(Nonlinearity f, double slope, String name, boolean vector) {
    return switch (f) {
      case IDENTITY -> CodeBlock.of("");
      case RELU -> vector ? CodeBlock.of("$L = $L.max(0f);\n", name, name)
          : CodeBlock.of("$L = $T.max($L, 0f);\n", name, Names.MATH, name);
      case LEAKY_RELU -> vector ? CodeBlock.of("$L = $L.max($L.mul($L));\n", name, name, name, literal(slope))
          : CodeBlock.of("$L = $T.max($L, $L * $L);\n", name, Names.MATH, name, name, literal(slope));
      default -> throw new IllegalArgumentException(f + " goes through an array: activationVector");
    };
  }

  /** Whether {@link #activationVector} stores f(v) at {@code array[index]} too. */
  static boolean activationStores(Nonlinearity f) {
    return f != Nonlinearity.IDENTITY && f != Nonlinearity.RELU && f != Nonlinearity.LEAKY_RELU;
  }

  /** The kernel class of f's array and scalar forms: VectorMath, or ActivationKernels. */
  private static ClassName kernels(Nonlinearity f) {
    return f == Nonlinearity.TANH || f == Nonlinearity.SIGMOID
        ? Names.VECTOR_MATH : Names.ACTIVATION_KERNELS;
  }

  /** f's method name there, its name in lower camel case: {@code tanh}, {@code geluTanh}. */
  private static String method(Nonlinearity f) {
    String[] words = f.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder name = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return name.toString();
  }

  /** {@code v = f(v)} on a float. */
  static CodeBlock activationScalar(Nonlinearity f, double slope) {
    return switch (f) {
      case IDENTITY, RELU, LEAKY_RELU -> inRegisters(f, slope, "v", false);
      case TANH, SIGMOID, GELU, GELU_TANH, SILU, ELU, SELU, SOFTPLUS, HARDSWISH ->
          CodeBlock.of("v = $T.$L(v);\n", kernels(f), method(f));
    };
  }

  /**
   * {@code g = g · f'(x)}, with f' written in terms of the output y = f(x) (for GELU, SiLU,
   * softplus and hard-swish, which need x, see {@link #derivativeFromInputVector}).
   */
  static CodeBlock derivativeVector(Nonlinearity f, double slope) {
    return switch (f) {
      case IDENTITY -> CodeBlock.of("");
      case RELU -> CodeBlock.of("g = g.blend(0f, y.compare($T.LE, 0f));\n", Names.VECTOR_OPERATORS);
      case LEAKY_RELU -> CodeBlock.of("g = g.blend(g.mul($L), y.compare($T.LE, 0f));\n",
          literal(slope), Names.VECTOR_OPERATORS);
      case TANH -> CodeBlock.of("g = g.mul($T.broadcast(S, 1f).sub(y.mul(y)));\n", Names.FLOAT_VECTOR);
      case SIGMOID -> CodeBlock.of("g = g.mul(y.mul($T.broadcast(S, 1f).sub(y)));\n",
          Names.FLOAT_VECTOR);
      // e^x = y + 1 below 0; λαe^x = y + λα.
      case ELU -> CodeBlock.of("g = g.mul(y.add(1f).blend(1f, y.compare($T.GT, 0f)));\n",
          Names.VECTOR_OPERATORS);
      case SELU -> CodeBlock.of("g = g.mul(y.add($L).blend($L, y.compare($T.GT, 0f)));\n",
          literal(SELU_LAMBDA_ALPHA), literal(Activations.SELU_LAMBDA), Names.VECTOR_OPERATORS);
      case GELU, GELU_TANH, SILU, SOFTPLUS, HARDSWISH -> throw needsInput(f);
    };
  }

  private static final double SELU_LAMBDA_ALPHA = Activations.SELU_LAMBDA * Activations.SELU_ALPHA;

  private static IllegalStateException needsInput(Nonlinearity f) {
    return new IllegalStateException(f + "'s derivative is written from its input: "
        + "derivativeFromInputVector");
  }

  /**
   * {@code g = g · f'(x)} for an activation whose derivative needs its input x, kept in {@code
   * pre}: g is stored at {@code d[index]}, multiplied there by ActivationKernels' array form,
   * and loaded back (no vector crosses the call).
   */
  static CodeBlock derivativeFromInputVector(Nonlinearity f, String pre, String index) {
    return CodeBlock.builder()
        .addStatement("g.intoArray(d, $L)", index)
        .addStatement("$T.$LGradient(d, $L, $N, $L)", Names.ACTIVATION_KERNELS, method(f), index,
            pre, index)
        .addStatement("g = $T.fromArray(S, d, $L)", Names.FLOAT_VECTOR, index)
        .build();
  }

  /** The scalar twin: {@code g = g · f'(pre[index])}. */
  static CodeBlock derivativeFromInputScalar(Nonlinearity f, String pre, String index) {
    return CodeBlock.of("g = g * $T.$LDerivative($N[$L]);\n", Names.ACTIVATION_KERNELS, method(f),
        pre, index);
  }

  static CodeBlock derivativeScalar(Nonlinearity f, double slope) {
    return switch (f) {
      case IDENTITY -> CodeBlock.of("");
      case RELU -> CodeBlock.of("g = y > 0f ? g : 0f;\n");
      case LEAKY_RELU -> CodeBlock.of("g = y > 0f ? g : g * $L;\n", literal(slope));
      case TANH -> CodeBlock.of("g = g * (1f - y * y);\n");
      case SIGMOID -> CodeBlock.of("g = g * (y * (1f - y));\n");
      case ELU -> CodeBlock.of("g = y > 0f ? g : g * (y + 1f);\n");
      case SELU -> CodeBlock.of("g = y > 0f ? g * $L : g * (y + $L);\n",
          literal(Activations.SELU_LAMBDA), literal(SELU_LAMBDA_ALPHA));
      case GELU, GELU_TANH, SILU, SOFTPLUS, HARDSWISH -> throw needsInput(f);
    };
  }
}
