package dev.lamina.processor.writing;

import com.palantir.javapoet.CodeBlock;
import dev.lamina.nn.LayerSpec;
import java.util.Arrays;

/**
 * The scratch that every convolution of a network shares, one array per part of a pass: a group
 * of samples' im2col rows in the forward pass, a block of pixel rows' im2col rows in the weight
 * gradient, dcols in the input gradient, each used and done with before the next. A batch's
 * whole im2col matrix would be tens of MB, written to memory and read back; a group's stays in
 * cache. The methods that use it take their part's array as a parameter.
 */
final class ConvScratch {
  /** The field: {@code float[parts][…]}, allocated by {@code allocateParts}. */
  static final String FIELD = "convScratch";
  /** The parameter of the methods that use it. */
  static final String PARAMETER = "cols";

  private ConvScratch() {}

  /** Whether layer {@code n}'s passes use it. */
  static boolean uses(LayerNames n) {
    return n.layer().type() == LayerSpec.Type.CONV;
  }

  /** The array parameters of one of {@code n}'s methods: {@code arrays}, then {@code cols}. */
  static String[] parameters(LayerNames n, String... arrays) {
    if (!uses(n)) {
      return arrays;
    }
    String[] all = Arrays.copyOf(arrays, arrays.length + 1);
    all[arrays.length] = PARAMETER;
    return all;
  }

  /** {@code , convScratch[part]} in a pass's call of one of {@code n}'s methods, else nothing. */
  static CodeBlock argument(LayerNames n) {
    return uses(n) ? CodeBlock.of(", $N[part]", FIELD) : CodeBlock.of("");
  }

  /** {@code , cols} in a call from one of {@code n}'s methods to another, else nothing. */
  static CodeBlock passOn(LayerNames n) {
    return uses(n) ? CodeBlock.of(", $N", PARAMETER) : CodeBlock.of("");
  }
}
