package dev.lamina.processor.writing;

import com.palantir.javapoet.MethodSpec;
import javax.lang.model.element.Modifier;

/** The headers of the generated per-layer methods, each covering its part of the batch. */
final class Methods {
  private Methods() {}

  // private void <name>(float[] <arrays>..., int r0, int r1): samples r0..r1-1.
  static MethodSpec.Builder overRows(String name, String... arrays) {
    return withArrays(name, arrays)
        .addParameter(int.class, "r0")
        .addParameter(int.class, "r1");
  }

  // private void <name>(float[] <arrays>..., int rows, int part, int parts): this part's share of
  // a sum over every row of the batch (a weight gradient).
  static MethodSpec.Builder overParts(String name, String... arrays) {
    return withArrays(name, arrays)
        .addParameter(int.class, "rows")
        .addParameter(int.class, "part")
        .addParameter(int.class, "parts");
  }

  private static MethodSpec.Builder withArrays(String name, String... arrays) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE);
    for (String array : arrays) {
      m.addParameter(float[].class, array);
    }
    return m;
  }
}
