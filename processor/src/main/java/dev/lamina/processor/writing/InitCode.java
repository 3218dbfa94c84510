package dev.lamina.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.lamina.init.InitSpec;

/** The Java expression that rebuilds an {@link InitSpec} in a generated network's {@code SPEC}. */
final class InitCode {
  private static final ClassName INIT_SPEC = ClassName.get(InitSpec.class);
  private static final ClassName FAN_MODE = ClassName.get(dev.lamina.FanMode.class);
  private static final ClassName GAIN = ClassName.get(dev.lamina.Gain.class);

  private InitCode() {}

  // InitSpec.normal(0.0, 0.01), InitSpec.scaled(Init.HE, FanMode.IN, Gain.AUTO), InitSpec.zeros()...
  static CodeBlock of(InitSpec s) {
    return switch (s.init()) {
      case ZEROS -> CodeBlock.of("$T.zeros()", INIT_SPEC);
      case CONSTANT -> CodeBlock.of("$T.constant($L)", INIT_SPEC, s.constant());
      case NORMAL -> CodeBlock.of("$T.normal($L, $L)", INIT_SPEC, s.mean(), s.std());
      case TRUNCATED_NORMAL -> CodeBlock.of("$T.truncatedNormal($L, $L)", INIT_SPEC, s.mean(), s.std());
      case UNIFORM -> CodeBlock.of("$T.uniform($L, $L)", INIT_SPEC, s.low(), s.high());
      default -> CodeBlock.of("$T.scaled($T.$L, $T.$L, $T.$L)", INIT_SPEC, Names.INIT, s.init(), FAN_MODE,
          s.fanMode(), GAIN, s.gain());
    };
  }
}
