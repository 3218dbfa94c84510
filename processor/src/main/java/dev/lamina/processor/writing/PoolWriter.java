package dev.lamina.processor.writing;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.lamina.Nonlinearity;
import dev.lamina.nn.ImageSpec;
import dev.lamina.nn.LayerSpec;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * One pooling layer's methods. Images are (H, W, C), so a window's values for 16 channels are one
 * vector per tap: max pooling keeps the running maximum and, while training, the tap it came from
 * (the first largest, as PyTorch), from which the backward pass routes the gradient; average
 * pooling sums the taps. Noise and dropout on the output are fused into the same loop, and, while
 * training, the batch norm and activation of a convolution it alone reads ({@link PoolFusion}).
 * Every method covers samples r0..r1-1.
 */
final class PoolWriter extends SingleInputWriter {
  private final LayerSpec layer;
  private final ImageSpec g;
  /** The convolution whose normalization and activation this pool applies while training. */
  private final Optional<LayerNames> fused;

  PoolWriter(LayerNames n, LayerGraph graph, PassCalls calls) {
    super(n, calls);
    this.layer = n.layer();
    this.g = layer.image();
    this.fused = PoolFusion.fusedInput(n, graph);
  }

  // LayerSpec.pool("pool1", LayerSpec.Type.MAX_POOL, ImageSpec.pool(new Shape(32, 28, 28), 2, 2), 1.0, DropoutMode.INVERTED)
  @Override
  public CodeBlock spec() {
    CodeBlock geometry = global()
        ? CodeBlock.of("$T.global($L)", SpecLiteral.IMAGE_SPEC, SpecLiteral.shape(g.in()))
        : CodeBlock.of("$T.pool($L, $L, $L)", SpecLiteral.IMAGE_SPEC, SpecLiteral.shape(g.in()),
            g.kernel(), g.stride());
    return CodeBlock.of("$T.pool($S, $T.Type.$L, $L, $L, $T.$L)", Names.LAYER_SPEC, layer.name(),
        Names.LAYER_SPEC, layer.type(), geometry, layer.keep(), Names.DROPOUT_MODE,
        layer.dropoutMode());
  }

  // private static final int POOL1_BOUND = S.loopBound(32); [pool1Slots]; [pool1Input]
  @Override
  public void addFields(TypeSpec.Builder type) {
    type.addField(n.boundField());
    if (max()) {
      type.addField(float[].class, n.slots(), Modifier.PRIVATE);
    }
    ChannelsLast.addField(type, n);
  }

  @Override
  public void allocate(MethodSpec.Builder m) {
    if (max()) {
      m.addStatement("$N = new float[rows * $L]", n.slots(), layer.units());
    }
    ChannelsLast.allocate(m, n);
  }

  @Override
  public void addMethods(TypeSpec.Builder type) {
    ChannelsLast.addMethod(type, n);
    type.addMethod(forward(true)).addMethod(forward(false));
    if (layer.hasDropout()) {
      type.addMethod(gradient());
    }
    if (n.passesGradient()) {
      type.addMethod(backwardMethod());
    }
  }

  @Override
  public CodeBlock backward() {
    return calls.backward(n);
  }

  private boolean global() {
    return layer.type() == LayerSpec.Type.GLOBAL_AVG_POOL;
  }

  private boolean max() {
    return layer.type() == LayerSpec.Type.MAX_POOL;
  }

  private int c() {
    return g.out().channels();
  }

  private String describe() {
    return global() ? "global average of " + g.in() + " → " + g.out()
        : (max() ? "max" : "average") + " over " + g.kernel() + "×" + g.kernel() + " windows"
            + (g.stride() != g.kernel() ? ", stride " + g.stride() : "") + ", " + g.in() + " → " + g.out();
  }

  // private void pool1ForwardTrain(float[] x, int r0, int r1[, int key][, int noiseKey]) {
  //   for each output pixel, 16 channels at a time: v = max over the window's taps (and the tap
  //   it came from → pool1Slots); store; [noise]; [dropout]
  // }
  private MethodSpec forward(boolean training) {
    String name = n.method(training ? LayerMember.FORWARD_TRAIN : LayerMember.FORWARD_INFER);
    MethodSpec.Builder m = Methods.overRows(name, "x")
        .addJavadoc("$L ($L): $L$L.\n", layer.name(), training ? "training" : "inference", describe(),
            fusedIn(training) ? ", of " + fused.get().layer().name() + "'s batch norm and activation,"
                + " made here from its product" : "");
    boolean dropout = training && layer.hasDropout();
    boolean noise = training && layer.hasNoise();
    if (dropout) {
      m.addParameter(int.class, "key");
    }
    if (noise) {
      m.addParameter(int.class, "noiseKey");
    }
    CodeBlock.Builder vector = CodeBlock.builder();
    CodeBlock.Builder scalar = CodeBlock.builder();
    if (global()) {
      int pixels = g.in().pixels();
      vector.addStatement("$T v = $T.zero(S)", Names.FLOAT_VECTOR, Names.FLOAT_VECTOR)
          .beginControlFlow("for (int p = 0; p < $L; p++)", pixels)
          .addStatement("v = v.add($T.fromArray(S, x, i0 + p * $L + j))", Names.FLOAT_VECTOR, c())
          .endControlFlow()
          .addStatement("v = v.mul($L)", Elementwise.literal(1.0 / pixels));
      scalar.addStatement("float v = 0f")
          .beginControlFlow("for (int p = 0; p < $L; p++)", pixels)
          .addStatement("v += x[i0 + p * $L + j]", c())
          .endControlFlow()
          .addStatement("v *= $L", Elementwise.literal(1.0 / pixels));
    } else if (max()) {
      vector.add(input("v", "i0 + j", training, true));
      scalar.add(input("v", "i0 + j", training, false));
      if (training) {
        vector.addStatement("$T slot = $T.zero(S)", Names.FLOAT_VECTOR, Names.FLOAT_VECTOR);
        scalar.addStatement("float slot = 0f");
      }
      taps(vector, true);
      vector.add(input("t", "i0 + offset + j", training, true))
          .addStatement("var larger = t.compare($T.GT, v)", Names.VECTOR_OPERATORS)
          .addStatement("v = v.blend(t, larger)");
      if (training) {
        vector.addStatement("slot = slot.blend((float) tap, larger)");
      }
      endTaps(vector);
      taps(scalar, true);
      scalar.add(input("t", "i0 + offset + j", training, false))
          .beginControlFlow("if (t > v)")
          .addStatement("v = t");
      if (training) {
        scalar.addStatement("slot = tap");
      }
      scalar.endControlFlow();
      endTaps(scalar);
      if (training) {
        vector.addStatement("slot.intoArray($N, o + j)", n.slots());
        scalar.addStatement("$N[o + j] = slot", n.slots());
      }
    } else {
      vector.addStatement("$T v = $T.zero(S)", Names.FLOAT_VECTOR, Names.FLOAT_VECTOR);
      scalar.addStatement("float v = 0f");
      taps(vector, false);
      if (fusedIn(training)) {
        vector.add(input("t", "i0 + offset + j", true, true)).addStatement("v = v.add(t)");
      } else {
        vector.addStatement("v = v.add($T.fromArray(S, x, i0 + offset + j))", Names.FLOAT_VECTOR);
      }
      endTaps(vector);
      taps(scalar, false);
      if (fusedIn(training)) {
        scalar.add(input("t", "i0 + offset + j", true, false)).addStatement("v += t");
      } else {
        scalar.addStatement("v += x[i0 + offset + j]");
      }
      endTaps(scalar);
      String area = Elementwise.literal(1.0 / (g.kernel() * g.kernel()));
      vector.addStatement("v = v.mul($L)", area);
      scalar.addStatement("v *= $L", area);
    }
    LoopBody body = new LoopBody().add(constants(training, true), constants(training, false))
        .add(vector.build(), scalar.build());
    if (!training && n.classicDropout()) {
      body.times(Elementwise.literal(layer.keep()));
    }
    body.store(n.act(), "o + j");
    if (noise) {
      body.noise(n, "o + j");
    }
    if (dropout) {
      body.dropout(n, "o + j");
    }
    return m.addCode(outputLoop(body)).build();
  }

  /** Whether the input's values are made here from the fused convolution's z: training only. */
  private boolean fusedIn(boolean training) {
    return training && fused.isPresent();
  }

  /** The fused convolution's mean, inv, gamma and beta of channel(s) j, or nothing. */
  private CodeBlock constants(boolean training, boolean vector) {
    return fusedIn(training) ? PoolFusion.channelConstants(fused.get(), vector) : CodeBlock.of("");
  }

  /** Declares {@code name}, the input's value at x[index]: read, or made from the fused z. */
  private CodeBlock input(String name, String index, boolean training, boolean vector) {
    if (fusedIn(training)) {
      return PoolFusion.value(fused.get(), name, "x", index, vector);
    }
    return vector
        ? CodeBlock.of("$T $L = $T.fromArray(S, x, $L);\n", Names.FLOAT_VECTOR, name, Names.FLOAT_VECTOR, index)
        : CodeBlock.of("float $L = x[$L];\n", name, index);
  }

  /** Opens the loops over a window's taps: {@code tap} counts them, {@code offset} is the tap's. */
  private void taps(CodeBlock.Builder b, boolean skipFirst) {
    b.beginControlFlow("for (int tap = $L; tap < $L; tap++)", skipFirst ? 1 : 0, g.kernel() * g.kernel())
        .addStatement("int offset = ((tap / $L) * $L + tap % $L) * $L", g.kernel(), g.in().width(),
            g.kernel(), c());
  }

  private void endTaps(CodeBlock.Builder b) {
    b.endControlFlow();
  }

  /**
   * For each output pixel of samples r0..r1-1: {@code o} its first value, {@code i0} the first
   * value of its window's top-left input pixel; then the channel loop.
   */
  private CodeBlock outputLoop(LoopBody body) {
    CodeBlock.Builder b = CodeBlock.builder();
    Loops.outputValues(b, g)
        .addStatement("int i0 = ((s * $L + $L) * $L + $L) * $L", g.in().height(),
            Loops.times("oh", g.stride()), g.in().width(), Loops.times("ow", g.stride()), c())
        .add(Loops.runLoop(n, body));
    return Loops.endOutputPixels(b).build();
  }

  // private void pool1Gradient(float[] d, int r0, int r1) { d = d · mask, samples r0..r1-1 }
  private MethodSpec gradient() {
    int units = layer.units();
    return Methods.overRows(n.method(LayerMember.GRADIENT), "d")
        .addJavadoc("$L: the dropout mask applied to dLoss/dOutput in place, samples r0..r1-1.\n",
            layer.name())
        .addStatement("int i = r0 * $L", units)
        .addStatement("int end = r1 * $L", units)
        .beginControlFlow("for (int bound = i + S.loopBound(end - i); i < bound; i += S.length())")
        .addStatement("$T.fromArray(S, d, i).mul($T.fromArray(S, $N, i)).intoArray(d, i)",
            Names.FLOAT_VECTOR, Names.FLOAT_VECTOR, n.mask())
        .endControlFlow()
        .beginControlFlow("for (; i < end; i++)")
        .addStatement("d[i] *= $N[i]", n.mask())
        .endControlFlow()
        .build();
  }

  // private void pool1Backward(float[] d, float[] dx, int r0, int r1) {
  //   windows that tile the input: per output value, max — dx[tap] = (tap is its max's ? d : 0);
  //   average — dx[every tap] = d / area; otherwise dx = 0 first, then += the same;
  //   global — dx[every pixel] = d / (H·W); each share times f'(y) where the pool applies its
  //   input's normalization and activation (PoolFusion)
  // }
  private MethodSpec backwardMethod() {
    MethodSpec.Builder m = Methods.overRows(n.method(LayerMember.BACKWARD), "d", "dx")
        .addJavadoc("$L: dx of samples r0..r1-1 from dLoss/dOutput d$L.\n", layer.name(),
            fused.isPresent() ? ", through " + fused.get().layer().name() + "'s activation" : "");
    CodeBlock.Builder vector = CodeBlock.builder()
        .addStatement("$T gv = $T.fromArray(S, d, o + j)", Names.FLOAT_VECTOR, Names.FLOAT_VECTOR);
    CodeBlock.Builder scalar = CodeBlock.builder().addStatement("float gv = d[o + j]");
    if (global()) {
      int pixels = g.in().pixels();
      vector.addStatement("gv = gv.mul($L)", Elementwise.literal(1.0 / pixels))
          .beginControlFlow("for (int p = 0; p < $L; p++)", pixels)
          .addStatement("gv.intoArray(dx, i0 + p * $L + j)", c())
          .endControlFlow();
      scalar.addStatement("gv *= $L", Elementwise.literal(1.0 / pixels))
          .beginControlFlow("for (int p = 0; p < $L; p++)", pixels)
          .addStatement("dx[i0 + p * $L + j] = gv", c())
          .endControlFlow();
      return m.addCode(outputLoop(new LoopBody().add(vector.build(), scalar.build()))).build();
    }
    // Windows that tile the input exactly write each input value once: dx = (its share) + 0, the
    // "+ 0" turning −0 into +0 as adding into zeros did. Otherwise dx is zeroed and added into.
    boolean tiles = PoolFusion.tilesExactly(g);
    if (!tiles) {
      m.addStatement("$T.fill(dx, r0 * $L, r1 * $L, 0f)", Names.ARRAYS, g.in().size(), g.in().size());
    }
    CodeBlock onto = tiles ? CodeBlock.of("add(0f)")
        : CodeBlock.of("add($T.fromArray(S, dx, at))", Names.FLOAT_VECTOR);
    if (max()) {
      vector.addStatement("$T slot = $T.fromArray(S, $N, o + j)", Names.FLOAT_VECTOR,
          Names.FLOAT_VECTOR, n.slots());
      scalar.addStatement("int slot = (int) $N[o + j]", n.slots());
      if (appliesDerivative()) {
        // f'(y) matters only at the window's maximum, whose y is this pool's clean output.
        vector.addStatement("$T y = $T.fromArray(S, $N, o + j)", Names.FLOAT_VECTOR,
            Names.FLOAT_VECTOR, n.act());
        scalar.addStatement("float y = $N[o + j]", n.act());
      }
      taps(vector, false);
      vector.addStatement("int at = i0 + offset + j")
          .add(storeShare(CodeBlock.of("$T.zero(S).blend(gv, slot.compare($T.EQ, (float) tap)).$L",
              Names.FLOAT_VECTOR, Names.VECTOR_OPERATORS, onto), true));
      endTaps(vector);
      if (tiles) {
        taps(scalar, false);
        scalar.add(storeShare(CodeBlock.of("(tap == slot ? gv : 0f) + 0f"), false));
        endTaps(scalar);
      } else {
        scalar.addStatement("dx[i0 + ((slot / $L) * $L + slot % $L) * $L + j] += gv", g.kernel(),
            g.in().width(), g.kernel(), c());
      }
    } else {
      String area = Elementwise.literal(1.0 / (g.kernel() * g.kernel()));
      vector.addStatement("gv = gv.mul($L)", area);
      scalar.addStatement("gv *= $L", area);
      taps(vector, false);
      vector.addStatement("int at = i0 + offset + j")
          .add(storeShare(CodeBlock.of("gv.$L", onto), true));
      endTaps(vector);
      taps(scalar, false);
      scalar.add(tiles ? storeShare(CodeBlock.of("gv + 0f"), false)
          : CodeBlock.of("dx[i0 + offset + j] += gv;\n"));
      endTaps(scalar);
    }
    LoopBody body = max() || !appliesDerivative() ? new LoopBody()
        : new LoopBody().add(constants(true, true), constants(true, false));
    return m.addCode(outputLoop(body.add(vector.build(), scalar.build()))).build();
  }

  // dx[at] = share;   or, for a fused convolution: g = share; [y = its output there;] g = g·f'(y);
  // dx[at] = g. A max pool's y is its own output: every other tap's share is 0, and f' keeps 0.
  /** Writes a tap's share of the gradient to dx ({@code at} in vector code), through f' when fused. */
  private CodeBlock storeShare(CodeBlock share, boolean vector) {
    String at = vector ? "at" : "i0 + offset + j";
    if (fused.isEmpty()) {
      return vector ? CodeBlock.of("$L.intoArray(dx, at);\n", share) : CodeBlock.of("dx[$L] = $L;\n", at, share);
    }
    LayerNames conv = fused.get();
    Nonlinearity f = conv.layer().activation();
    CodeBlock.Builder b = CodeBlock.builder();
    if (vector) {
      b.addStatement("$T g = $L", Names.FLOAT_VECTOR, share);
    } else {
      b.addStatement("float g = $L", share);
    }
    if (appliesDerivative()) {
      if (!max()) {
        b.add(PoolFusion.value(conv, "y", conv.act(), at, vector));
      }
      b.add(vector ? Elementwise.derivativeVector(f, conv.layer().slope())
          : Elementwise.derivativeScalar(f, conv.layer().slope()));
    }
    return b.add(vector ? CodeBlock.of("g.intoArray(dx, at);\n") : CodeBlock.of("dx[$L] = g;\n", at))
        .build();
  }

  /** Whether the backward pass multiplies by a fused convolution's f' (not the identity's). */
  private boolean appliesDerivative() {
    return fused.isPresent() && fused.get().layer().activation() != Nonlinearity.IDENTITY;
  }

  /** Registers the writer. */
  @AutoService(LayerWriters.Factory.class)
  public static final class Factory extends LayerWriters.Factory {
    public Factory() {
      super(Set.of(LayerSpec.Type.MAX_POOL, LayerSpec.Type.AVG_POOL,
          LayerSpec.Type.GLOBAL_AVG_POOL));
    }

    @Override
    LayerWriter writer(LayerNames n, LayerGraph graph, PassCalls calls) {
      return new PoolWriter(n, graph, calls);
    }
  }
}
