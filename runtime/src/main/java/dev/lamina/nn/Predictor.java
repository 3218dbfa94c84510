package dev.lamina.nn;

import dev.lamina.Loss;
import dev.lamina.internal.kernel.Losses;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Inference for servers: any number of threads may call one predictor at once. It holds a
 * snapshot of a trained or loaded network's weights and state, taken when it is made (training
 * the network further does not change it), and gives each calling thread its own copy of the
 * network, made on the thread's first call and kept for the thread's life: a network's buffers are
 * not shared, and a copy runs its pass on the caller's thread alone. For one sample, the methods
 * that fill an array the caller passes allocate nothing once the JIT has compiled them.
 *
 * <pre>{@code
 * Predictor predictor = Predictor.of(trained, FashionMlpNet::new);
 * int label = predictor.classOf(pixels);            // pixels: 784 values
 * predictor.probabilities(pixels, probabilities);   // probabilities: 10 values, softmax
 * }</pre>
 */
public final class Predictor {
  private final NetworkSpec spec;
  private final ThreadLocal<Network> copies;

  private Predictor(NetworkSpec spec, Supplier<Network> maker) {
    this.spec = spec;
    this.copies = ThreadLocal.withInitial(maker);
    maker.get(); // fails here, not on a server thread, if the factory makes another model
  }

  /**
   * A predictor with {@code trained}'s current weights; {@code factory} makes the per-thread
   * copies (e.g. {@code FashionMlpNet::new}: the seed does not matter, every tensor is replaced).
   *
   * @param <N> the network's type
   * @param trained the trained network; its weights are copied now
   * @param factory makes a network of the same model from a seed
   * @return the predictor
   */
  public static <N extends Network> Predictor of(N trained, LongFunction<? extends N> factory) {
    Objects.requireNonNull(trained, "trained");
    Objects.requireNonNull(factory, "factory");
    NetworkSpec spec = trained.spec();
    float[][] parameters = trained.parameters().snapshot();
    List<StateTensor> live = trained.state();
    float[][] state = new float[live.size()][];
    for (int i = 0; i < state.length; i++) {
      state[i] = live.get(i).values().clone();
    }
    return new Predictor(spec, () -> copy(spec, factory, parameters, state));
  }

  /**
   * A predictor whose threads run inference copies ({@link Network#inferenceCopy}) of {@code
   * trained}'s current weights in {@code precision}: with {@link WeightPrecision#BFLOAT16}, one
   * sample takes about half the time of the float network, with weights rounded to bfloat16. The
   * threads' copies share one laid-out copy of the weights, and each has its own buffers. It
   * covers the dense models an inference copy does.
   *
   * <pre>{@code
   * Predictor predictor = Predictor.of(trained, WeightPrecision.BFLOAT16);
   * }</pre>
   *
   * @param trained the trained network; its weights are copied now
   * @param precision how the copies store their weights
   * @return the predictor
   * @throws IllegalArgumentException if the model has a layer an inference copy does not cover
   */
  public static Predictor of(Network trained, WeightPrecision precision) {
    Objects.requireNonNull(trained, "trained");
    Objects.requireNonNull(precision, "precision");
    Network frozen = trained.inferenceCopy(precision); // rounding it again changes nothing
    return new Predictor(trained.spec(), () -> frozen.inferenceCopy(precision));
  }

  /** {@return the number of values per sample} */
  public int inputSize() {
    return spec.inputSize();
  }

  /** {@return the number of outputs per sample} */
  public int outputSize() {
    return spec.outputSize();
  }

  /**
   * The class with the highest output for one sample of {@link #inputSize} values.
   *
   * @param sample the values
   * @return the class
   */
  public int classOf(float[] sample) {
    return Losses.argmax(outputs(sample), 0, outputSize());
  }

  /**
   * The class with the highest output for each of {@code rows} samples, row after row.
   *
   * @param samples {@code rows × inputSize} values
   * @param rows the number of samples
   * @return one class per sample
   */
  public int[] classes(float[] samples, int rows) {
    float[] out = outputs(samples, rows);
    int[] classes = new int[rows];
    for (int r = 0; r < rows; r++) {
      classes[r] = Losses.argmax(out, r * outputSize(), outputSize());
    }
    return classes;
  }

  /**
   * One sample's raw outputs (logits, or a regression's values) into {@code into}.
   *
   * @param sample the values
   * @param into where the {@link #outputSize} outputs go
   */
  public void values(float[] sample, float[] into) {
    requireLength("into", into, outputSize());
    System.arraycopy(outputs(sample), 0, into, 0, outputSize());
  }

  /**
   * The raw outputs of {@code rows} samples, rows × {@link #outputSize} values: a new array.
   *
   * @param samples {@code rows × inputSize} values
   * @param rows the number of samples
   * @return the outputs
   */
  public float[] values(float[] samples, int rows) {
    return java.util.Arrays.copyOf(outputs(samples, rows), rows * outputSize());
  }

  /**
   * One sample's class probabilities (the softmax of its logits) into {@code into}.
   *
   * @param sample the values
   * @param into where the {@link #outputSize} probabilities go
   */
  public void probabilities(float[] sample, float[] into) {
    requireSoftmax();
    requireLength("into", into, outputSize());
    softmax(outputs(sample), 0, into, 0, outputSize());
  }

  /**
   * The class probabilities of {@code rows} samples, rows × {@link #outputSize}: a new array.
   *
   * @param samples {@code rows × inputSize} values
   * @param rows the number of samples
   * @return the probabilities
   */
  public float[] probabilities(float[] samples, int rows) {
    requireSoftmax();
    float[] out = outputs(samples, rows);
    float[] probabilities = new float[rows * outputSize()];
    for (int r = 0; r < rows; r++) {
      softmax(out, r * outputSize(), probabilities, r * outputSize(), outputSize());
    }
    return probabilities;
  }

  /** The calling thread's network's output buffer for one sample. */
  private float[] outputs(float[] sample) {
    requireLength("sample", sample, inputSize());
    return copies.get().forwardInfer(sample, 1);
  }

  private float[] outputs(float[] samples, int rows) {
    if (rows <= 0) {
      throw new IllegalArgumentException("rows must be > 0, got " + rows);
    }
    Objects.requireNonNull(samples, "samples");
    if ((long) rows * inputSize() > samples.length) {
      throw new IllegalArgumentException("samples must hold rows × inputSize = " + rows + " × "
          + inputSize() + " values, got " + samples.length);
    }
    return copies.get().forwardInfer(samples, rows);
  }

  private static Network copy(NetworkSpec spec, LongFunction<? extends Network> factory,
      float[][] parameters, float[][] state) {
    Network network = factory.apply(0);
    if (!network.spec().equals(spec)) {
      throw new IllegalArgumentException("factory must make the trained network's model "
          + spec.name() + ", got " + network.spec().name() + " (a different spec)");
    }
    network.parameters().restore(parameters);
    List<StateTensor> live = network.state();
    for (int i = 0; i < state.length; i++) {
      System.arraycopy(state[i], 0, live.get(i).values(), 0, state[i].length);
    }
    network.threads(1);
    return network;
  }

  private void requireSoftmax() {
    if (spec.loss() != Loss.SOFTMAX_CROSS_ENTROPY) {
      throw new IllegalStateException("probabilities need a softmax classifier; " + spec.name()
          + " is trained with " + spec.loss() + ": use values() for its outputs");
    }
  }

  private static void requireLength(String name, float[] array, int length) {
    if (Objects.requireNonNull(array, name).length != length) {
      throw new IllegalArgumentException(
          name + " must have " + length + " values, got " + array.length);
    }
  }

  /** softmax(in[from..from+n)) into out[to..to+n), computed in double from the largest logit. */
  private static void softmax(float[] in, int from, float[] out, int to, int n) {
    float max = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, in[from + i]);
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += Math.exp(in[from + i] - max);
    }
    for (int i = 0; i < n; i++) {
      out[to + i] = (float) (Math.exp(in[from + i] - max) / sum);
    }
  }
}
