package dev.lamina.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.LaminaCompiler.compile;
import static dev.lamina.processor.LaminaCompiler.model;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.testing.compile.Compilation;
import dev.lamina.Nonlinearity;
import dev.lamina.internal.TrainableNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * GELU, SiLU, ELU, SELU, softplus and hard-swish in generated networks, against the scalar
 * reference ({@link ReferenceCheck}: training output, every parameter's gradient, inference), in
 * every place an activation's code is written: a dense layer's fused output pass (with a bias and
 * dropout), before and after a batch or layer normalization, in a convolution with a group norm,
 * and on a residual sum. Sizes are not multiples of the vector width, so both the vector lanes
 * and the scalar tails run. The derivatives that need the activation's input read the pre
 * buffer the forward pass keeps; a mistake there is off by the value, not by rounding.
 */
class ActivationsGeneratedTest {
  private static final int ROWS = 5;

  private static List<String> layers(String f) {
    String a = "@Activation(" + f + ")";
    return List.of(
        "  @Input(channels = 2, height = 6, width = 6) Layer image;",
        "  @Conv2d(filters = 3, kernel = 3) " + a + " @GroupNorm(1) Layer conv;",
        "  @Conv2d(filters = 3, kernel = 3, padding = 1) " + a
            + " @BatchNorm(placement = NormPlacement.AFTER_ACTIVATION) Layer conv2;",
        "  @Dense(units = 19) " + a + " @Dropout(keep = 0.8) Layer dense;",
        "  @Dense(units = 21) " + a + " @BatchNorm Layer normed;",
        "  @Dense(units = 17) " + a
            + " @LayerNorm(placement = NormPlacement.AFTER_ACTIVATION) Layer after;",
        "  @Dense(units = 17) " + a + " Layer branch;",
        "  @Add({\"after\", \"branch\"}) " + a + " Layer sum;",
        "  @Dense(units = 5) Layer out;");
  }

  private static final List<Nonlinearity> NEW = List.of(Nonlinearity.GELU, Nonlinearity.GELU_TANH,
      Nonlinearity.SILU, Nonlinearity.ELU, Nonlinearity.SELU, Nonlinearity.SOFTPLUS,
      Nonlinearity.HARDSWISH);

  /** Every activation's model, compiled in one javac run. */
  private static Compilation compilation;

  private static String className(Nonlinearity f) {
    StringBuilder name = new StringBuilder("Act");
    for (String word : f.name().split("_")) {
      name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return name.toString();
  }

  private static synchronized Compilation compiled() {
    if (compilation == null) {
      compilation = compile(NEW.stream().map(f -> {
        List<String> lines = new ArrayList<>(List.of("@Model", "class " + className(f) + " {"));
        lines.addAll(layers("Nonlinearity." + f.name()));
        lines.add("}");
        return model(className(f), lines.toArray(String[]::new));
      }).toArray(JavaFileObject[]::new));
    }
    return compilation;
  }

  @ParameterizedTest
  @EnumSource(value = Nonlinearity.class, names = {"GELU", "GELU_TANH", "SILU", "ELU", "SELU",
      "SOFTPLUS", "HARDSWISH"})
  void generatedPassesMatchTheReference(Nonlinearity f) throws Exception {
    assertThat(compiled()).succeeded();
    TrainableNetwork net = (TrainableNetwork) new CompiledClasses(compiled())
        .loadClass("test." + className(f) + "Net").getConstructor(long.class).newInstance(7L);
    assertNull(ReferenceCheck.compare(net, ROWS, 11), f + " differs from the reference");
  }
}
