package dev.lamina.processor.writing;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.lamina.nn.ImageSpec;
import dev.lamina.nn.LayerSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * What {@link NetworkWriter} emits for convolutions and pooling layers: their fields, buffers and methods. Their statements in each pass are the dense layers' ({@link
 * PassCalls}), and a convolution's parameters are a dense layer's ({@link ParameterCode}).
 */
final class ImageLayerCode {
  private ImageLayerCode() {}

  static boolean isImageLayer(LayerNames n) {
    return n.layer().isImageLayer();
  }

  private static boolean conv(LayerNames n) {
    return n.layer().type() == LayerSpec.Type.CONV;
  }

  /** A layer that reads an input of several channels, given (C, H, W), rearranges it first. */
  static boolean convertsInput(LayerNames n) {
    return isImageLayer(n) && n.readsNetworkInput() && n.layer().image().in().channels() > 1;
  }

  // ---- fields ----

  static void addFields(TypeSpec.Builder type, List<LayerNames> layers) {
    boolean colGrad = false;
    for (LayerNames n : layers) {
      if (!isImageLayer(n) || n.layer().isMerge()) {
        continue;
      }
      type.addField(FieldSpec.builder(int.class, n.bound(), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("S.loopBound($L)", n.layer().image().out().channels()).build());
      List<String> buffers = new ArrayList<>();
      if (conv(n)) {
        ParameterCode.addFields(type, n);
        buffers.add(n.cols());
        if (n.groupNorm()) {
          buffers.addAll(List.of(n.mean(), n.invStd(), n.sumD(), n.sumDXhat()));
        }
        colGrad |= n.passesGradient();
      }
      if (n.layer().type() == LayerSpec.Type.MAX_POOL) {
        buffers.add(n.slots());
      }
      if (convertsInput(n)) {
        buffers.add(n.channelsLastInput());
      }
      buffers.forEach(f -> type.addField(float[].class, f, Modifier.PRIVATE));
      ParameterCode.addRunningWeight(type, n);
    }
    if (colGrad) {
      type.addField(FieldSpec.builder(float[].class, ConvWriter.COL_GRAD, Modifier.PRIVATE)
          .addJavadoc("dLoss/d(im2col matrix), scratch shared by every convolution's backward pass.\n")
          .build());
    }
  }

  static void allocate(MethodSpec.Builder m, List<LayerNames> layers) {
    int colGrad = 0;
    for (LayerNames n : layers) {
      if (!isImageLayer(n) || n.layer().isMerge()) {
        continue;
      }
      ImageSpec g = n.layer().image();
      if (conv(n)) {
        m.addStatement("$N = new float[rows * $L]", n.cols(), g.out().pixels() * g.patch());
        if (n.groupNorm()) {
          for (String s : List.of(n.mean(), n.invStd(), n.sumD(), n.sumDXhat())) {
            m.addStatement("$N = new float[rows * $L]", s, g.out().channels());
          }
        }
        if (n.passesGradient()) {
          colGrad = Math.max(colGrad, g.out().pixels() * g.patch());
        }
      }
      if (n.layer().type() == LayerSpec.Type.MAX_POOL) {
        m.addStatement("$N = new float[rows * $L]", n.slots(), n.layer().units());
      }
      if (convertsInput(n)) {
        m.addStatement("$N = new float[rows * $L]", n.channelsLastInput(), g.in().size());
      }
    }
    if (colGrad > 0) {
      m.addStatement("$N = new float[rows * $L]", ConvWriter.COL_GRAD, colGrad);
    }
  }

  // ---- methods ----

  static void addMethods(TypeSpec.Builder type, LayerNames n) {
    if (convertsInput(n)) {
      type.addMethod(ConvWriter.channelsLast(n));
    }
    if (!conv(n)) {
      PoolWriter pool = new PoolWriter(n);
      type.addMethod(pool.forward(true)).addMethod(pool.forward(false));
      if (n.layer().hasDropout()) {
        type.addMethod(pool.gradient());
      }
      if (n.passesGradient()) {
        type.addMethod(pool.backward());
      }
      return;
    }
    ConvWriter writer = new ConvWriter(n);
    type.addMethod(writer.im2col());
    if (n.norm().isPresent()) {
      ImageNormWriter norm = new ImageNormWriter(n);
      type.addMethod(writer.linear()).addMethod(norm.statistics()).addMethod(norm.normalizeTrain())
          .addMethod(norm.forwardInfer()).addMethod(norm.normGradientSums())
          .addMethod(norm.normBackward());
    } else {
      type.addMethod(writer.forward(true)).addMethod(writer.forward(false));
    }
    if (LoopBody.hasGradientPass(n)) {
      type.addMethod(writer.gradient());
    }
    type.addMethod(writer.weightGradient());
    if (n.passesGradient()) {
      type.addMethod(writer.inputGradient()).addMethod(writer.col2im());
    }
  }
}
