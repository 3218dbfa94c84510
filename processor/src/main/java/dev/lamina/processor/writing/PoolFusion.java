package dev.lamina.processor.writing;

import com.palantir.javapoet.CodeBlock;
import dev.lamina.nn.ImageSpec;
import dev.lamina.nn.LayerSpec;
import java.util.List;
import java.util.Optional;

/**
 * A convolution's batch norm and activation applied by the pooling layer that reads it, while
 * training: conv → batch norm → ReLU → max pool, as in most small CNNs. The convolution keeps only
 * its product z (and the batch statistics); the pool makes each value it reads, {@code y = f(γ·x̂ +
 * β)} with {@code x̂ = (z − mean)·invStd}, as the convolution's own pass would have, and its
 * backward pass multiplies each value's gradient by f'(y) as it writes it. The batch norm's
 * backward kernels make x̂ again from z. Every value is the same float as when each pass is its
 * own, but the convolution's normalize pass and its gradient pass, which each read and wrote the
 * whole activation, are gone, and x̂ is never stored.
 *
 * <p>It applies where nothing else needs the stored activation: the pool is the convolution's
 * only reader, its windows tile the input (its backward pass writes each value once), and the
 * convolution has no dropout or noise and an activation computed in registers.
 */
final class PoolFusion {
  private PoolFusion() {}

  /** Whether {@code conv}'s reader applies its normalization and activation. */
  static boolean normalizesInPool(LayerNames conv, LayerGraph graph) {
    LayerSpec layer = conv.layer();
    if (layer.type() != LayerSpec.Type.CONV || !conv.batchNorm() || !layer.norm().beforeActivation()
        || layer.hasDropout() || layer.hasNoise() || Elementwise.activationStores(layer.activation())) {
      return false;
    }
    List<LayerNames> readers = graph.readers(conv);
    if (readers.size() != 1) {
      return false;
    }
    LayerSpec pool = readers.get(0).layer();
    return (pool.type() == LayerSpec.Type.MAX_POOL || pool.type() == LayerSpec.Type.AVG_POOL)
        && tilesExactly(pool.image());
  }

  /** The convolution whose normalization and activation {@code pool} applies, if any. */
  static Optional<LayerNames> fusedInput(LayerNames pool, LayerGraph graph) {
    LayerNames input = graph.input(pool);
    return normalizesInPool(input, graph) ? Optional.of(input) : Optional.empty();
  }

  /** Whether the pool's windows cover every input value exactly once (stride = kernel, no remainder). */
  static boolean tilesExactly(ImageSpec g) {
    return g.stride() == g.kernel() && g.out().height() * g.kernel() == g.in().height()
        && g.out().width() * g.kernel() == g.in().width();
  }

  // FloatVector mean = FloatVector.fromArray(S, conv1Mean, j); … inv, gamma, beta
  /** Declares {@code mean}, {@code inv}, {@code gamma} and {@code beta} of channel(s) j. */
  static CodeBlock channelConstants(LayerNames conv, boolean vector) {
    CodeBlock.Builder b = CodeBlock.builder();
    String[][] constants = {{"mean", conv.mean()}, {"inv", conv.invStd()}, {"gamma", conv.gamma()},
        {"beta", conv.beta()}};
    for (String[] c : constants) {
      if (vector) {
        b.addStatement("$T $L = $T.fromArray(S, $N, j)", Names.FLOAT_VECTOR, c[0], Names.FLOAT_VECTOR, c[1]);
      } else {
        b.addStatement("float $L = $N[j]", c[0], c[1]);
      }
    }
    return b.build();
  }

  // FloatVector t = FloatVector.fromArray(S, x, i0 + offset + j).sub(mean).mul(inv).fma(gamma, beta);
  // t = t.max(0f);
  /**
   * Declares {@code name} = f(γ·x̂ + β) of the convolution's value at {@code array[index]}: the
   * arithmetic of its normalize pass, in the same order.
   */
  static CodeBlock value(LayerNames conv, String name, String array, String index, boolean vector) {
    CodeBlock.Builder b = CodeBlock.builder();
    if (vector) {
      b.addStatement("$T $L = $T.fromArray(S, $L, $L).sub(mean).mul(inv).fma(gamma, beta)",
          Names.FLOAT_VECTOR, name, Names.FLOAT_VECTOR, array, index);
    } else {
      b.addStatement("float $L = $T.fma(($L[$L] - mean) * inv, gamma, beta)", name, Names.MATH,
          array, index);
    }
    return b.add(Elementwise.inRegisters(conv.layer().activation(), conv.layer().slope(), name, vector))
        .build();
  }
}
