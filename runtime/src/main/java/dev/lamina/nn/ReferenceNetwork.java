package dev.lamina.nn;

import dev.lamina.DropoutMode;
import dev.lamina.kernel.Activations;
import dev.lamina.kernel.Bernoulli;
import java.util.List;

/**
 * The plain scalar definition of every layer: triple loops in double precision, no fusion, no
 * vectors. It is the oracle the generated networks are tested against, and the place to read
 * what they compute. It draws the same dropout masks as the generated code.
 */
public final class ReferenceNetwork implements Network {
  private final NetworkSpec spec;
  private final Parameters parameters;
  private final List<LayerSpec> layers;
  /** Per layer: its output as the next layer sees it (after dropout). */
  private final float[][] outputs;
  /** Per layer: the activation's output, before dropout. */
  private final float[][] activations;
  /** Per layer: the dropout factor applied to each element (0, 1/keep or 1). */
  private final float[][] masks;
  private int rows;

  public ReferenceNetwork(NetworkSpec spec, long seed) {
    this(spec, spec.newParameters());
    Initializers.initialize(spec, parameters, seed);
  }

  /** A reference network over existing parameters, e.g. a generated network's. */
  public ReferenceNetwork(NetworkSpec spec, Parameters parameters) {
    this.spec = spec;
    this.parameters = parameters;
    this.layers = spec.layers();
    this.outputs = new float[layers.size()][];
    this.activations = new float[layers.size()][];
    this.masks = new float[layers.size()][];
  }

  @Override
  public NetworkSpec spec() {
    return spec;
  }

  @Override
  public Parameters parameters() {
    return parameters;
  }

  @Override
  public float[] forwardTrain(float[] input, int rows, long maskSeed) {
    return forward(input, rows, true, maskSeed);
  }

  @Override
  public float[] forwardInfer(float[] input, int rows) {
    return forward(input, rows, false, 0);
  }

  private float[] forward(float[] input, int rows, boolean training, long maskSeed) {
    this.rows = rows;
    float[] x = java.util.Arrays.copyOf(input, rows * spec.inputSize());
    for (int l = 0; l < layers.size(); l++) {
      LayerSpec layer = layers.get(l);
      float[] y = layer.type() == LayerSpec.Type.INPUT ? x : dense(layer, x, rows);
      activations[l] = y;
      masks[l] = dropoutFactors(layer, l, rows, training, maskSeed);
      float[] h = new float[y.length];
      for (int i = 0; i < y.length; i++) {
        h[i] = y[i] * masks[l][i];
      }
      outputs[l] = h;
      x = h;
    }
    return x;
  }

  /** y = f(x·W + b) for one dense layer. */
  private float[] dense(LayerSpec layer, float[] x, int rows) {
    float[] w = parameters.get(layer.name() + ".weight").values();
    float[] b = layer.bias() ? parameters.get(layer.name() + ".bias").values() : null;
    int in = layer.fanIn();
    int out = layer.units();
    float[] y = new float[rows * out];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < out; j++) {
        double z = b == null ? 0 : b[j];
        for (int i = 0; i < in; i++) {
          z += (double) x[r * in + i] * w[i * out + j];
        }
        y[r * out + j] = (float) Activations.apply(layer.activation(), layer.slope(), z);
      }
    }
    return y;
  }

  /** The factor each element is multiplied by: the Bernoulli mask scaled per the dropout mode. */
  private static float[] dropoutFactors(
      LayerSpec layer, int index, int rows, boolean training, long maskSeed) {
    float[] factors = new float[rows * layer.units()];
    boolean inverted = layer.dropoutMode() == DropoutMode.INVERTED;
    if (!layer.hasDropout() || !training) {
      float scale = layer.hasDropout() && !inverted ? (float) layer.keep() : 1f;
      java.util.Arrays.fill(factors, scale);
      return factors;
    }
    float kept = inverted ? (float) (1 / layer.keep()) : 1f;
    int key = Bernoulli.layerKey(maskSeed, index);
    int threshold = layer.keepThreshold();
    for (int i = 0; i < factors.length; i++) {
      factors[i] = Bernoulli.keep(key, i, threshold) ? kept : 0f;
    }
    return factors;
  }

  @Override
  public void backward(float[] outputGradient, int rows) {
    if (rows != this.rows) {
      throw new IllegalArgumentException(
          "rows must match the last forwardTrain (" + this.rows + "), got " + rows);
    }
    float[] dh = java.util.Arrays.copyOf(outputGradient, rows * spec.outputSize());
    for (int l = layers.size() - 1; l > 0; l--) {
      LayerSpec layer = layers.get(l);
      int in = layer.fanIn();
      int out = layer.units();
      float[] y = activations[l];
      double[] dz = new double[rows * out];
      for (int i = 0; i < dz.length; i++) {
        dz[i] = (double) dh[i] * masks[l][i]
            * Activations.derivativeFromOutput(layer.activation(), layer.slope(), y[i]);
      }
      float[] x = outputs[l - 1];
      float[] w = parameters.get(layer.name() + ".weight").values();
      float[] dw = parameters.get(layer.name() + ".weight").gradient();
      for (int i = 0; i < in; i++) {
        for (int j = 0; j < out; j++) {
          double s = 0;
          for (int r = 0; r < rows; r++) {
            s += x[r * in + i] * dz[r * out + j];
          }
          dw[i * out + j] = (float) s;
        }
      }
      if (layer.bias()) {
        float[] db = parameters.get(layer.name() + ".bias").gradient();
        for (int j = 0; j < out; j++) {
          double s = 0;
          for (int r = 0; r < rows; r++) {
            s += dz[r * out + j];
          }
          db[j] = (float) s;
        }
      }
      float[] dx = new float[rows * in];
      for (int r = 0; r < rows; r++) {
        for (int i = 0; i < in; i++) {
          double s = 0;
          for (int j = 0; j < out; j++) {
            s += dz[r * out + j] * w[i * out + j];
          }
          dx[r * in + i] = (float) s;
        }
      }
      dh = dx;
    }
  }

  /** The output of layer {@code index} in the last forward pass, as the next layer sees it. */
  public float[] layerOutput(int index) {
    return outputs[index].clone();
  }
}
