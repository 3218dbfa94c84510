package dev.lamina.nn;

import dev.lamina.DropoutMode;
import dev.lamina.internal.InputScaler;
import dev.lamina.internal.kernel.BFloat16;
import dev.lamina.internal.kernel.Bf16Gemm;
import dev.lamina.internal.kernel.DenseEpilogue;
import dev.lamina.internal.kernel.Gemm;
import dev.lamina.internal.kernel.Int8Gemm;
import dev.lamina.internal.kernel.PackedMatrix;
import java.util.Arrays;
import java.util.List;

/**
 * A network frozen for inference ({@link Network#inferenceCopy}): its weights, biases,
 * normalization statistics and input scaling taken when it is made, each dense layer one product
 * (float weights laid out once for the product's tiles, {@link PackedMatrix}; or bfloat16
 * widened in registers by {@link Bf16Gemm}; or int8) followed by one {@link
 * DenseEpilogue}: {@code f((x·W)·s1 + t1)·s2 + t2}, where s1 and t1 hold the bias and a batch
 * normalization before the activation (running statistics), s2 and t2 one after it and classic
 * dropout's scale. It runs on the calling thread.
 */
final class InferenceCopy implements Network {
  private final NetworkSpec spec;
  private final WeightPrecision precision;
  private final Parameters parameters;
  private final List<StateTensor> state;
  private final InputScaler scaler;
  /** Classic dropout's scale on the input at inference; 1 without. */
  private final float inputScale;
  /** Per layer index: its stage, null for the input. */
  private final Stage[] stages;
  /** Per layer index: its output, rows × the stage's row length. */
  private final float[][] outputs;
  private float[] scaledInput = new float[0];
  private float[] result = new float[0];
  private int capacity;

  /** One dense layer: its product and its epilogue, each row {@code ld} floats long. */
  private record Stage(int in, int out, int ld, int input, PackedMatrix weights, short[] packed,
      byte[] quantized, float[] s1, float[] t1, float[] s2, float[] t2, dev.lamina.Nonlinearity f, float slope) {}

  /**
   * Copies the source's parameters, state and input scaling; builds the stages, or takes {@code
   * shared} ones: a copy's stages (its laid-out weights and affines) never change once made.
   */
  private InferenceCopy(Network source, WeightPrecision precision, Stage[] shared) {
    this.spec = source.spec();
    this.precision = precision;
    List<LayerSpec> layers = spec.layers();
    for (int l = 1; l < layers.size(); l++) {
      requireSupported(layers.get(l));
    }
    this.parameters = spec.newParameters();
    for (Parameter p : parameters) {
      float[] from = source.parameters().get(p.name()).values();
      System.arraycopy(from, 0, p.values(), 0, p.size());
    }
    this.state = spec.newState();
    for (StateTensor s : state) {
      float[] from = source.state().stream().filter(t -> t.name().equals(s.name())).findFirst()
          .orElseThrow(() -> new IllegalArgumentException(spec.name() + " has no state tensor "
              + s.name() + " to copy"))
          .values();
      System.arraycopy(from, 0, s.values(), 0, s.values().length);
    }
    this.scaler = InputScaler.of(spec, state);
    this.inputScale = dropoutScale(layers.get(0));
    this.outputs = new float[layers.size()][];
    if (shared != null) {
      this.stages = shared;
      return;
    }
    this.stages = new Stage[layers.size()];
    for (int l = 1; l < layers.size(); l++) {
      stages[l] = stage(l, layers.get(l));
    }
  }

  /**
   * A copy of {@code source}. A copy of a copy in the same precision (each thread's, in {@link
   * Predictor}) shares its stages rather than laying the weights out again.
   */
  static Network of(Network source, WeightPrecision precision) {
    java.util.Objects.requireNonNull(source, "source");
    java.util.Objects.requireNonNull(precision, "precision");
    Stage[] shared = source instanceof InferenceCopy copy && copy.precision == precision
        ? copy.stages : null;
    return new InferenceCopy(source, precision, shared);
  }

  private void requireSupported(LayerSpec layer) {
    if (layer.type() != LayerSpec.Type.DENSE) {
      throw new IllegalArgumentException("an inference copy supports dense models (dense layers"
          + " with bias, batch normalization, any activation and dropout); layer " + layer.name()
          + " of " + spec.name() + " is a " + layer.type() + " layer: run the network itself");
    }
    NormSpec.Kind norm = layer.norm().kind();
    if (norm != NormSpec.Kind.NONE && norm != NormSpec.Kind.BATCH) {
      throw new IllegalArgumentException("an inference copy supports batch normalization or none;"
          + " layer " + layer.name() + " of " + spec.name() + " has " + norm
          + " normalization: run the network itself");
    }
  }

  /** The layer's weights in this copy's precision, its bias and normalization as two affines. */
  private Stage stage(int l, LayerSpec layer) {
    int in = layer.fanIn();
    int out = layer.units();
    boolean bf16 = precision == WeightPrecision.BFLOAT16;
    boolean int8 = precision == WeightPrecision.INT8;
    int ld = bf16 ? BFloat16.paddedColumns(out) : int8 ? Int8Gemm.paddedColumns(out) : out;
    float[] w = parameters.get(layer.name() + ".weight").values();
    short[] packed = null;
    byte[] quantized = null;
    float[] s1 = new float[ld];
    float[] t1 = new float[ld];
    Arrays.fill(s1, 0, out, 1f);
    // What this copy computes with replaces the weights, so that parameters() tells the truth.
    if (bf16) {
      packed = BFloat16.pack(w, in, out);
      System.arraycopy(BFloat16.unpack(packed, in, out), 0, w, 0, w.length);
    } else if (int8) {
      quantized = Int8Gemm.quantize(w, in, out, s1); // each column's scale: the sum's factor
      for (int p = 0; p < in; p++) {
        for (int j = 0; j < out; j++) {
          w[p * out + j] = quantized[p * ld + j] * s1[j];
        }
      }
    }
    if (layer.bias()) {
      System.arraycopy(parameters.get(layer.name() + ".bias").values(), 0, t1, 0, out);
    }
    float[] s2 = null;
    float[] t2 = null;
    float drop = dropoutScale(layer);
    NormSpec norm = layer.norm();
    if (norm.isPresent()) {
      double[][] affine = batchNormAffine(layer);
      if (norm.beforeActivation()) {
        for (int j = 0; j < out; j++) { // (z + b)·scale + shift
          s1[j] = (float) (s1[j] * affine[0][j]);
          t1[j] = (float) (t1[j] * affine[0][j] + affine[1][j]);
        }
      } else {
        s2 = new float[ld];
        t2 = new float[ld];
        for (int j = 0; j < out; j++) {
          s2[j] = (float) (affine[0][j] * drop);
          t2[j] = (float) (affine[1][j] * drop);
        }
      }
    }
    if (s2 == null && drop != 1f) {
      s2 = new float[ld];
      t2 = new float[ld];
      Arrays.fill(s2, 0, out, drop);
    }
    PackedMatrix floats = bf16 || int8 ? null : PackedMatrix.of(w, in, out);
    return new Stage(in, out, ld, spec.inputIndex(l), floats, packed, quantized, s1, t1, s2, t2,
        layer.activation(), (float) layer.slope());
  }

  /** γ/√(var + eps) and β − mean·γ/√(var + eps) per unit, from the running statistics. */
  private double[][] batchNormAffine(LayerSpec layer) {
    float[] gamma = parameters.get(layer.name() + ".gamma").values();
    float[] beta = parameters.get(layer.name() + ".beta").values();
    float[] mean = stateOf(layer.name() + ".running_mean");
    float[] var = stateOf(layer.name() + ".running_var");
    double[][] affine = new double[2][layer.units()];
    for (int j = 0; j < layer.units(); j++) {
      affine[0][j] = gamma[j] / Math.sqrt(var[j] + layer.norm().eps());
      affine[1][j] = beta[j] - mean[j] * affine[0][j];
    }
    return affine;
  }

  private float[] stateOf(String name) {
    return state.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().values();
  }

  /** Classic dropout multiplies by keep at inference; inverted dropout does nothing then. */
  private static float dropoutScale(LayerSpec layer) {
    return layer.hasDropout() && layer.dropoutMode() != DropoutMode.INVERTED
        ? (float) layer.keep() : 1f;
  }

  @Override
  public NetworkSpec spec() {
    return spec;
  }

  /**
   * The values this copy computes with (a bfloat16 copy's weights are the rounded ones); changing
   * them does not change the copy, which packed them when it was made.
   */
  @Override
  public Parameters parameters() {
    return parameters;
  }

  @Override
  public List<StateTensor> state() {
    return state;
  }

  @Override
  public float[] forwardInfer(float[] input, int rows) {
    int size = spec.inputSize();
    if (rows <= 0 || (long) rows * size > input.length) {
      throw new IllegalArgumentException("input must hold rows × inputSize = " + rows + " × "
          + size + " values (rows > 0), got " + input.length);
    }
    ensureCapacity(rows);
    float[] x = input;
    if (scaler != null) {
      x = scaler.apply(input, rows);
    }
    if (inputScale != 1f) {
      for (int i = 0; i < rows * size; i++) {
        scaledInput[i] = x[i] * inputScale;
      }
      x = scaledInput;
    }
    outputs[0] = x;
    for (int l = 1; l < stages.length; l++) {
      Stage s = stages[l];
      float[] a = outputs[s.input];
      int lda = s.input == 0 ? size : stages[s.input].ld;
      float[] y = outputs[l];
      if (s.packed != null) {
        Bf16Gemm.matmul(y, s.ld, a, lda, s.packed, s.in, s.ld, 0, rows);
      } else if (s.quantized != null) {
        Int8Gemm.matmul(y, s.ld, a, lda, s.quantized, s.in, s.ld, 0, rows);
      } else {
        Gemm.matmul(y, a, s.weights, 0, rows);
      }
      for (int r = 0; r < rows; r++) {
        DenseEpilogue.apply(y, r * s.ld, s.out, s.s1, s.t1, s.f, s.slope, s.s2, s.t2);
      }
    }
    Stage last = stages[stages.length - 1];
    float[] y = outputs[stages.length - 1];
    if (last.ld == last.out) {
      return y;
    }
    for (int r = 0; r < rows; r++) {
      System.arraycopy(y, r * last.ld, result, r * last.out, last.out);
    }
    return result;
  }

  /** Buffers for {@code rows} rows, grown (never shrunk) when a larger batch comes. */
  private void ensureCapacity(int rows) {
    if (rows <= capacity) {
      return;
    }
    for (int l = 1; l < stages.length; l++) {
      outputs[l] = new float[rows * stages[l].ld];
    }
    if (inputScale != 1f) {
      scaledInput = new float[rows * spec.inputSize()];
    }
    result = new float[rows * spec.outputSize()];
    capacity = rows;
  }

  @Override
  public String toString() {
    return spec.name() + " inference copy (" + precision + " weights)";
  }
}
