package dev.lamina.processor.writing;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.lamina.nn.ImageSpec;
import javax.lang.model.element.Modifier;

/**
 * An image layer that reads the network's input of several channels, given (C, H, W), rearranges
 * it to (H, W, C) first, into a buffer of its own: the buffer and the method that fills it.
 */
final class ChannelsLast {
  private ChannelsLast() {}

  /** Whether layer {@code n} rearranges its input. */
  static boolean converts(LayerNames n) {
    return n.layer().isImageLayer() && !n.layer().isMerge() && n.readsNetworkInput()
        && n.layer().image().in().channels() > 1;
  }

  static void addField(TypeSpec.Builder type, LayerNames n) {
    if (converts(n)) {
      type.addField(float[].class, n.channelsLastInput(), Modifier.PRIVATE);
    }
  }

  static void allocate(MethodSpec.Builder m, LayerNames n) {
    if (converts(n)) {
      m.addStatement("$N = new float[rows * $L]", n.channelsLastInput(), n.layer().image().in().size());
    }
  }

  static void addMethod(TypeSpec.Builder type, LayerNames n) {
    if (converts(n)) {
      type.addMethod(method(n));
    }
  }

  // private void conv1ChannelsLast(float[] x, int r0, int r1) {
  //   conv1Input[(s·H·W + p)·C + c] = x[(s·C + c)·H·W + p]   (the input comes (C, H, W))
  // }
  private static MethodSpec method(LayerNames n) {
    ImageSpec g = n.layer().image();
    int hw = g.in().pixels();
    int ch = g.in().channels();
    return Methods.overRows(n.method(LayerMember.CHANNELS_LAST), "x")
        .addJavadoc("$L: samples r0..r1-1 of the input, given (C, H, W), rearranged to (H, W, C).\n",
            n.layer().name())
        .beginControlFlow("for (int s = r0; s < r1; s++)")
        .beginControlFlow("for (int c = 0; c < $L; c++)", ch)
        .beginControlFlow("for (int p = 0; p < $L; p++)", hw)
        .addStatement("$N[(s * $L + p) * $L + c] = x[(s * $L + c) * $L + p]", n.channelsLastInput(),
            hw, ch, ch, hw)
        .endControlFlow().endControlFlow().endControlFlow()
        .build();
  }
}
