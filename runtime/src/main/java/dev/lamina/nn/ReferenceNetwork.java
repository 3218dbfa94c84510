package dev.lamina.nn;

import dev.lamina.DropoutMode;
import dev.lamina.internal.InputScaler;
import dev.lamina.internal.TrainableNetwork;
import dev.lamina.internal.kernel.Activations;
import dev.lamina.internal.kernel.Bernoulli;
import dev.lamina.internal.kernel.Noise;
import dev.lamina.internal.layer.Images;
import dev.lamina.internal.layer.LayerOps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The plain scalar definition of every layer: loops in double precision, no fusion, no vectors.
 * It is the oracle the generated networks are tested against, and the place to read what they
 * compute. It draws the same dropout masks as the generated code.
 *
 * <p>Every layer computes, in order: its kind's op ({@link LayerOps}: z = x·W + b for a dense
 * layer, the window's maximum for max pooling, ...); then normalization and activation in the
 * layer's placement (norm → f, or f → norm); then, while training, Gaussian noise; then dropout.
 */
public final class ReferenceNetwork implements TrainableNetwork {
  private final NetworkSpec spec;
  private final Parameters parameters;
  private final List<StateTensor> state;
  private final List<LayerSpec> layers;
  /** Per layer: its output as the next layer sees it (after dropout). */
  private final float[][] outputs;
  /** Per layer: the activation's output, which its derivative is written in terms of. */
  private final float[][] activations;
  /** Per layer: the activation's input, which GELU's, SiLU's, softplus' and hard-swish's f' need. */
  private final double[][] preActivations;
  /** Per layer: the dropout factor applied to each element (0, 1/keep or 1). */
  private final float[][] masks;
  /** Per normalized layer: the normalized values x̂ and 1/√(var + eps) per column or row. */
  private final double[][] normalized;
  private final double[][] inverseStd;
  private int rows;

  /**
   * A reference network with fresh parameters initialized from {@code seed}, as a generated
   * network's of the same seed are.
   *
   * @param spec the model
   * @param seed the initialization seed
   */
  public ReferenceNetwork(NetworkSpec spec, long seed) {
    this(spec, spec.newParameters());
    Initializers.initialize(spec, parameters, seed);
  }

  /**
   * A reference network over existing parameters, e.g. a generated network's, with fresh state.
   *
   * @param spec the model
   * @param parameters its parameters (shared)
   */
  public ReferenceNetwork(NetworkSpec spec, Parameters parameters) {
    this.spec = spec;
    this.parameters = parameters;
    this.state = spec.newState();
    this.layers = spec.layers();
    this.outputs = new float[layers.size()][];
    this.activations = new float[layers.size()][];
    this.preActivations = new double[layers.size()][];
    this.masks = new float[layers.size()][];
    this.normalized = new double[layers.size()][];
    this.inverseStd = new double[layers.size()][];
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
  public List<StateTensor> state() {
    return state;
  }

  @Override
  public float[] forwardTrain(float[] input, int rows, long maskSeed) {
    if (rows < spec.minTrainingRows()) {
      throw new IllegalArgumentException("rows must be >= 2 to train through batch normalization, got " + rows);
    }
    return forward(input, rows, true, maskSeed);
  }

  @Override
  public float[] forwardInfer(float[] input, int rows) {
    return forward(input, rows, false, 0);
  }

  private float[] forward(float[] input, int rows, boolean training, long maskSeed) {
    this.rows = rows;
    InputScaler scaler = InputScaler.of(spec, state);
    float[] x = Arrays.copyOf(scaler == null ? input : scaler.apply(input, rows),
        rows * spec.inputSize());
    for (int l = 0; l < layers.size(); l++) {
      LayerSpec layer = layers.get(l);
      float[] y = layer.type() == LayerSpec.Type.INPUT ? x : activated(l, layer, training);
      masks[l] = dropoutFactors(layer, l, rows, training, maskSeed);
      float[] h = new float[y.length];
      // Noise goes between the layer's output and its dropout, in training only.
      float noiseScale = training && layer.hasNoise() ? Noise.scale(layer.noise()) : 0f;
      int noiseKey = Noise.layerKey(maskSeed, l);
      for (int i = 0; i < y.length; i++) {
        float v = noiseScale == 0f ? y[i] : y[i] + Noise.gaussian(noiseKey, i, noiseScale);
        h[i] = v * masks[l][i];
      }
      outputs[l] = h;
    }
    return outputs[layers.size() - 1];
  }

  /** The layer's op (see {@link LayerOps}), then normalization and activation in its order. */
  private float[] activated(int l, LayerSpec layer, boolean training) {
    double[] z = LayerOps.of(layer.type()).forward(layer, opInputs(l), parameters, rows);
    NormSpec norm = layer.norm();
    if (norm.isPresent() && norm.beforeActivation()) {
      z = normalize(l, layer, z, rows, training);
    }
    float[] a = new float[z.length];
    for (int i = 0; i < z.length; i++) {
      a[i] = (float) Activations.apply(layer.activation(), layer.slope(), z[i]);
    }
    activations[l] = a;
    preActivations[l] = z;
    if (norm.isPresent() && !norm.beforeActivation()) {
      double[] n = normalize(l, layer, toDouble(a), rows, training);
      float[] y = new float[n.length];
      for (int i = 0; i < n.length; i++) {
        y[i] = (float) n[i];
      }
      return y;
    }
    return a;
  }

  /**
   * The outputs of the layers that layer {@code l} reads, as its op reads them: an op that reads
   * pixels gets an image input of several channels, given (C, H, W), as (H, W, C).
   */
  private List<float[]> opInputs(int l) {
    boolean pixels = LayerOps.of(layers.get(l).type()).readsPixels();
    List<float[]> inputs = new ArrayList<>();
    for (int in : spec.inputIndices(l)) {
      LayerSpec input = layers.get(in);
      inputs.add(pixels && input.isChannelMajorInput()
          ? Images.channelsLast(outputs[in], input.image().out(), rows)
          : outputs[in]);
    }
    return inputs;
  }

  /** γ·x̂ + β, with x̂ from the batch (training), the running statistics (inference) or the row. */
  private double[] normalize(int l, LayerSpec layer, double[] v, int rows, boolean training) {
    if (layer.isImage()) {
      return normalizeImage(l, layer, v, rows, training);
    }
    int units = layer.units();
    NormSpec norm = layer.norm();
    float[] gamma = parameters.get(layer.name() + ".gamma").values();
    float[] beta = parameters.get(layer.name() + ".beta").values();
    double[] xhat = new double[v.length];
    boolean perRow = norm.kind() == NormSpec.Kind.LAYER;
    double[] inv = new double[perRow ? rows : units];
    for (int g = 0; g < inv.length; g++) {
      int count = perRow ? units : rows;
      double mean = 0;
      double variance = 0;
      if (perRow || training) {
        for (int i = 0; i < count; i++) {
          mean += v[index(perRow, g, i, units)];
        }
        mean /= count;
        for (int i = 0; i < count; i++) {
          double d = v[index(perRow, g, i, units)] - mean;
          variance += d * d;
        }
        variance /= count;
        if (!perRow) {
          updateRunningStatistics(layer, g, mean, variance * count / (count - 1));
        }
      } else {
        mean = stateOf(layer, "running_mean")[g];
        variance = stateOf(layer, "running_var")[g];
      }
      inv[g] = 1 / Math.sqrt(variance + norm.eps());
      for (int i = 0; i < count; i++) {
        int k = index(perRow, g, i, units);
        xhat[k] = (v[k] - mean) * inv[g];
      }
    }
    if (training && !perRow) {
      stateOf(layer, "batches_tracked")[0]++;
    }
    normalized[l] = xhat;
    inverseStd[l] = inv;
    double[] y = new double[v.length];
    for (int k = 0; k < v.length; k++) {
      y[k] = gamma[k % units] * xhat[k] + beta[k % units];
    }
    return y;
  }

  /** An image layer's normalization: see {@link ImageNormReference} for its groups. */
  private double[] normalizeImage(int l, LayerSpec layer, double[] v, int rows, boolean training) {
    boolean running = layer.norm().kind() == NormSpec.Kind.BATCH && !training;
    var n = ImageNormReference.normalize(layer, v, rows,
        parameters.get(layer.name() + ".gamma").values(), parameters.get(layer.name() + ".beta").values(),
        running ? stateOf(layer, "running_mean") : null, running ? stateOf(layer, "running_var") : null);
    if (layer.norm().kind() == NormSpec.Kind.BATCH && training) {
      double count = (double) v.length / layer.channels();
      for (int c = 0; c < layer.channels(); c++) {
        updateRunningStatistics(layer, c, n.mean()[c], n.variance()[c] * count / (count - 1));
      }
      stateOf(layer, "batches_tracked")[0]++;
    }
    normalized[l] = n.xhat();
    inverseStd[l] = n.inverseStd();
    return n.y();
  }

  /** Element i of group g: groups are rows for layer norm, columns for batch norm. */
  private static int index(boolean perRow, int g, int i, int units) {
    return perRow ? g * units + i : i * units + g;
  }

  private void updateRunningStatistics(LayerSpec layer, int j, double mean, double unbiasedVariance) {
    float[] runningMean = stateOf(layer, "running_mean");
    float[] runningVar = stateOf(layer, "running_var");
    double weight = switch (layer.norm().runningStats()) {
      case EXPONENTIAL -> layer.norm().momentum();
      case CUMULATIVE -> 1.0 / (stateOf(layer, "batches_tracked")[0] + 1);
    };
    runningMean[j] = (float) ((1 - weight) * runningMean[j] + weight * mean);
    runningVar[j] = (float) ((1 - weight) * runningVar[j] + weight * unbiasedVariance);
  }

  private float[] stateOf(LayerSpec layer, String suffix) {
    String name = layer.name() + "." + suffix;
    return state.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().values();
  }

  /** The factor each element is multiplied by: the Bernoulli mask scaled per the dropout mode. */
  private static float[] dropoutFactors(
      LayerSpec layer, int index, int rows, boolean training, long maskSeed) {
    float[] factors = new float[rows * layer.units()];
    boolean inverted = layer.dropoutMode() == DropoutMode.INVERTED;
    if (!layer.hasDropout() || !training) {
      float scale = layer.hasDropout() && !inverted ? (float) layer.keep() : 1f;
      Arrays.fill(factors, scale);
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
    // dLoss/d(output) of each layer, summed over the layers that read it.
    double[][] gradients = new double[layers.size()][];
    gradients[layers.size() - 1] = toDouble(Arrays.copyOf(outputGradient, rows * spec.outputSize()));
    for (int l = layers.size() - 1; l > 0; l--) {
      LayerSpec layer = layers.get(l);
      double[] dh = gradients[l];
      if (dh == null) {
        zeroGradients(layer); // no layer reads its output
        continue;
      }
      NormSpec norm = layer.norm();
      double[] g = new double[dh.length];
      for (int i = 0; i < g.length; i++) {
        g[i] = dh[i] * masks[l][i];
      }
      if (norm.isPresent() && !norm.beforeActivation()) {
        g = normalizeBackward(l, layer, g, rows);
      }
      for (int i = 0; i < g.length; i++) {
        g[i] *= Activations.derivative(layer.activation(), layer.slope(), preActivations[l][i],
            activations[l][i]);
      }
      if (norm.isPresent() && norm.beforeActivation()) {
        g = normalizeBackward(l, layer, g, rows);
      }
      List<double[]> dx = LayerOps.of(layer.type()).backward(layer, opInputs(l), g, parameters,
          rows);
      int[] inputs = spec.inputIndices(l);
      for (int i = 0; i < inputs.length; i++) {
        addGradient(gradients, inputs[i], dx.get(i));
      }
    }
  }

  private void zeroGradients(LayerSpec layer) {
    for (Parameter p : parameters) {
      if (p.name().startsWith(layer.name() + ".")) {
        Arrays.fill(p.gradient(), 0f);
      }
    }
  }

  /** Adds {@code d} to the gradient of layer {@code at}'s output (the first reader sets it). */
  private static void addGradient(double[][] gradients, int at, double[] d) {
    if (gradients[at] == null) {
      gradients[at] = d;
      return;
    }
    for (int i = 0; i < d.length; i++) {
      gradients[at][i] += d[i];
    }
  }

  /** Gradients of γ and β, and dLoss/d(input of the normalization), from dLoss/d(its output). */
  private double[] normalizeBackward(int l, LayerSpec layer, double[] g, int rows) {
    if (layer.isImage()) {
      return ImageNormReference.backward(layer, g, normalized[l], inverseStd[l], rows,
          parameters.get(layer.name() + ".gamma").values(),
          parameters.get(layer.name() + ".gamma").gradient(),
          parameters.get(layer.name() + ".beta").gradient());
    }
    int units = layer.units();
    boolean perRow = layer.norm().kind() == NormSpec.Kind.LAYER;
    float[] gamma = parameters.get(layer.name() + ".gamma").values();
    float[] dGamma = parameters.get(layer.name() + ".gamma").gradient();
    float[] dBeta = parameters.get(layer.name() + ".beta").gradient();
    double[] xhat = normalized[l];
    for (int j = 0; j < units; j++) {
      double sg = 0;
      double sgx = 0;
      for (int r = 0; r < rows; r++) {
        sg += g[r * units + j];
        sgx += g[r * units + j] * xhat[r * units + j];
      }
      dBeta[j] = (float) sg;
      dGamma[j] = (float) sgx;
    }
    double[] dz = new double[g.length];
    int groups = perRow ? rows : units;
    int count = perRow ? units : rows;
    for (int grp = 0; grp < groups; grp++) {
      // With d = dLoss/dx̂ = g·γ: dz = inv/n · (n·d − Σd − x̂·Σ(d·x̂)), sums over the group.
      double sd = 0;
      double sdx = 0;
      for (int i = 0; i < count; i++) {
        int k = index(perRow, grp, i, units);
        double d = g[k] * gamma[k % units];
        sd += d;
        sdx += d * xhat[k];
      }
      for (int i = 0; i < count; i++) {
        int k = index(perRow, grp, i, units);
        double d = g[k] * gamma[k % units];
        dz[k] = inverseStd[l][grp] / count * (count * d - sd - xhat[k] * sdx);
      }
    }
    return dz;
  }

  private static double[] toDouble(float[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return d;
  }

  /**
   * The output of layer {@code index} in the last forward pass, as the next layer sees it.
   *
   * @param index a layer
   * @return its output, row-major
   */
  public float[] layerOutput(int index) {
    return outputs[index].clone();
  }
}
