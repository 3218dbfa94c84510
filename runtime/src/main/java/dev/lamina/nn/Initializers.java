package dev.lamina.nn;

import dev.lamina.Init;
import dev.lamina.Nonlinearity;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Fills parameters with their starting values; the same seed gives the same values, bit for bit. */
public final class Initializers {
  private Initializers() {}

  /**
   * Initializes every parameter of {@code spec}'s layers from {@code seed}. Biases and β start at
   * 0, γ at 1.
   */
  public static void initialize(NetworkSpec spec, Parameters parameters, long seed) {
    for (LayerSpec layer : spec.layers()) {
      if (layer.type() != LayerSpec.Type.DENSE) {
        continue;
      }
      Parameter weight = parameters.get(layer.name() + ".weight");
      fill(weight.values(), layer, new SplittableRandom(Seeds.derive(seed, "init/" + weight.name())));
      if (layer.bias()) {
        Arrays.fill(parameters.get(layer.name() + ".bias").values(), 0f);
      }
      if (layer.norm().isPresent()) {
        Arrays.fill(parameters.get(layer.name() + ".gamma").values(), 1f);
        Arrays.fill(parameters.get(layer.name() + ".beta").values(), 0f);
      }
    }
  }

  /** Draws a dense layer's weights as its {@link Init} says. */
  static void fill(float[] weights, LayerSpec layer, SplittableRandom random) {
    double std = standardDeviation(layer);
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (float) (std * random.nextGaussian());
    }
  }

  /** The standard deviation of a layer's normal initializer; 0 for {@link Init#ZEROS}. */
  public static double standardDeviation(LayerSpec layer) {
    return switch (resolve(layer.init(), layer.activation())) {
      case HE -> heGain(layer.activation(), layer.slope()) / Math.sqrt(layer.fanIn());
      case XAVIER -> Math.sqrt(2.0 / (layer.fanIn() + layer.units()));
      case NORMAL -> layer.std();
      case ZEROS -> 0;
      case AUTO -> throw new AssertionError("resolved above");
    };
  }

  /** {@link Init#AUTO}: He for the ReLU family, Xavier for every other activation. */
  public static Init resolve(Init init, Nonlinearity activation) {
    if (init != Init.AUTO) {
      return init;
    }
    return activation == Nonlinearity.RELU || activation == Nonlinearity.LEAKY_RELU
        ? Init.HE
        : Init.XAVIER;
  }

  /** PyTorch's {@code calculate_gain} for He init: √2 for ReLU, √(2/(1+slope²)) for leaky ReLU. */
  static double heGain(Nonlinearity activation, double slope) {
    return activation == Nonlinearity.LEAKY_RELU ? Math.sqrt(2 / (1 + slope * slope)) : Math.sqrt(2);
  }
}
