package dev.lamina.nn;

import dev.lamina.Init;
import dev.lamina.init.Draws;
import dev.lamina.init.Fans;
import dev.lamina.init.InitSpec;
import dev.lamina.internal.layer.LayerOps;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Fills parameters with their starting values; the same seed gives the same values, bit for bit. */
public final class Initializers {
  private Initializers() {}

  /**
   * Initializes every parameter of {@code spec}'s layers from {@code seed}: weights and biases as
   * each layer's {@link LayerSpec#weightInit()} and {@link LayerSpec#biasInit()} say, β at 0, γ
   * at 1. Each tensor draws from its own seed, derived from its name, so changing one layer's
   * initializer leaves the others' values as they were.
   *
   * @param spec the model
   * @param parameters its parameters, written in place
   * @param seed the initialization seed
   */
  public static void initialize(NetworkSpec spec, Parameters parameters, long seed) {
    for (LayerSpec layer : spec.layers()) {
      if (!layer.hasWeights()) {
        continue;
      }
      Parameter weight = parameters.get(layer.name() + ".weight");
      // A dense weight is (fan-in, units); a convolution's (kernel² · input channels, filters).
      fill(weight, layer.fanIn(), layer.weightInit(), layer, seed);
      if (layer.bias()) {
        if (layer.biasInit().init() == Init.ORTHOGONAL || layer.biasInit().init() == Init.AUTO) {
          throw new IllegalArgumentException("biasInit of " + layer.name() + " must not be "
              + layer.biasInit().init() + ": a bias is a vector; use ZEROS, CONSTANT, a "
              + "distribution or a variance-scaling initializer");
        }
        fill(parameters.get(layer.name() + ".bias"), 1, layer.biasInit(), layer, seed);
      }
      if (layer.norm().isPresent()) {
        Arrays.fill(parameters.get(layer.name() + ".gamma").values(), (float) layer.norm().gamma());
        Arrays.fill(parameters.get(layer.name() + ".beta").values(), 0f);
      }
    }
  }

  /** Draws one of {@code layer}'s tensors, {@code rows} × (size / rows), from its own seed. */
  private static void fill(Parameter p, int rows, InitSpec init, LayerSpec layer, long seed) {
    SplittableRandom random = new SplittableRandom(Seeds.derive(seed, "init/" + p.name()));
    Draws.fill(p.values(), rows, p.size() / rows, init, fans(layer), layer.activation(),
        layer.slope(), random);
  }

  /**
   * A dense layer's fans: its inputs and its units. A convolution's, as PyTorch's: input channels
   * × kernel² and filters × kernel².
   *
   * @param layer a dense or convolution layer
   * @return its fans
   */
  public static Fans fans(LayerSpec layer) {
    return LayerOps.weighted(layer).fans(layer);
  }

  /**
   * The standard deviation of a dense layer's starting weights (0 for the constants).
   *
   * @param layer a dense layer
   * @return the standard deviation, ≥ 0
   */
  public static double standardDeviation(LayerSpec layer) {
    return layer.weightInit().expectedStd(fans(layer), layer.activation(), layer.slope());
  }
}
