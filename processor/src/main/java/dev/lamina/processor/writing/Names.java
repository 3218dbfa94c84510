package dev.lamina.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;

/** The runtime and JDK types the generated code refers to. */
final class Names {
  private Names() {}

  static final ClassName FLOAT_VECTOR = ClassName.get("jdk.incubator.vector", "FloatVector");
  static final ClassName VECTOR_OPERATORS = ClassName.get("jdk.incubator.vector", "VectorOperators");
  static final TypeName SPECIES = ParameterizedTypeName.get(
      ClassName.get("jdk.incubator.vector", "VectorSpecies"), ClassName.get(Float.class));
  static final ClassName GEMM = ClassName.get("dev.lamina.internal.kernel", "Gemm");
  static final ClassName BERNOULLI = ClassName.get("dev.lamina.internal.kernel", "Bernoulli");
  static final ClassName NORMALIZATION = ClassName.get("dev.lamina.internal.kernel", "Normalization");
  static final ClassName COLUMN_SUMS_IN_TURN =
      ClassName.get("dev.lamina.internal.kernel", "ColumnSumsInTurn");
  static final ClassName VECTOR_MATH = ClassName.get("dev.lamina.internal.kernel", "VectorMath");
  static final ClassName ACTIVATION_KERNELS =
      ClassName.get("dev.lamina.internal.kernel", "ActivationKernels");
  static final ClassName MERGES = ClassName.get("dev.lamina.internal.kernel", "Merges");
  static final ClassName TEAM = ClassName.get("dev.lamina.internal.parallel", "Team");
  static final ClassName GENERATED_NETWORK = ClassName.get("dev.lamina.internal", "GeneratedNetwork");
  static final ClassName NETWORK_SPEC = ClassName.get("dev.lamina.nn", "NetworkSpec");
  static final ClassName LAYER_SPEC = ClassName.get("dev.lamina.nn", "LayerSpec");
  static final ClassName PARAMETERS = ClassName.get("dev.lamina.nn", "Parameters");
  static final ClassName TRAINER = ClassName.get("dev.lamina.train", "Trainer");
  static final ClassName LOSS = ClassName.get("dev.lamina", "Loss");
  static final ClassName INIT = ClassName.get("dev.lamina", "Init");
  static final ClassName NONLINEARITY = ClassName.get("dev.lamina", "Nonlinearity");
  static final ClassName DROPOUT_MODE = ClassName.get("dev.lamina", "DropoutMode");
  static final ClassName MATH = ClassName.get(Math.class);
  static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");
  static final ClassName LIST = ClassName.get("java.util", "List");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
}
