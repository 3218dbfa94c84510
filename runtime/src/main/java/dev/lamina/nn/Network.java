package dev.lamina.nn;

import dev.lamina.data.Dataset;

/**
 * A network as its users see it: the generated {@code <Model>Net} classes, and the scalar {@link
 * ReferenceNetwork} they are tested against. Inputs and outputs are row-major batches: {@code
 * rows × inputSize} floats in, {@code rows × outputSize} out.
 *
 * <p>It offers inference and evaluation; training goes through {@link dev.lamina.train.Trainer}
 * (the passes it needs are internal). Training and inference are separate paths, so an
 * evaluation can never run with dropout on. A network is not thread-safe: one training run or
 * evaluation at a time.
 */
public interface Network {
  /** {@return the model it computes} */
  NetworkSpec spec();

  /** {@return its trainable parameters (live)} */
  Parameters parameters();

  /**
   * Non-trainable state such as batch normalization's running statistics; live arrays.
   *
   * @return the state tensors; empty without any
   */
  default java.util.List<StateTensor> state() {
    return java.util.List.of();
  }

  /**
   * The inference forward pass: no dropout. Returns the output buffer, valid until the next call.
   *
   * @param input {@code rows × inputSize} values, row-major
   * @param rows the number of samples
   * @return the outputs (logits), row-major; read the first {@code rows × outputSize}
   */
  float[] forwardInfer(float[] input, int rows);

  /**
   * Runs the passes on {@code threads} threads, each on its share of a batch's rows, with results
   * bit-identical for every thread count. Networks without parallel passes ignore it.
   *
   * @param threads the thread count, > 0
   */
  default void threads(int threads) {}

  /**
   * A copy of this network frozen for inference, with its dense layers' weights in {@code
   * precision}: weights, biases, normalization statistics and input scaling are taken now
   * (training this network further does not change the copy). {@link WeightPrecision#BFLOAT16}
   * halves the bytes each sample streams; products are still summed in float. The copy runs on
   * the calling thread; like any network it holds buffers, so give each thread its own.
   *
   * <pre>{@code
   * Network fast = trained.inferenceCopy(WeightPrecision.BFLOAT16);
   * int label = fast.predict(pixels);                 // pixels: 784 values
   * double accuracy = fast.evaluate(test).accuracy();
   * }</pre>
   *
   * <p>It covers dense models: dense layers with or without bias, batch normalization (its
   * running statistics) before or after the activation, any activation, dropout in either mode,
   * input scaling.
   *
   * @param precision how the copy stores its weights
   * @return the copy
   * @throws IllegalArgumentException naming the layer, if the model has a layer other than the
   *     input and dense layers, or a normalization other than batch normalization
   */
  default Network inferenceCopy(WeightPrecision precision) {
    return InferenceCopy.of(this, precision);
  }

  /** {@return the number of values per sample it takes} */
  default int inputSize() {
    return spec().inputSize();
  }

  /** {@return the number of outputs per sample (classes, labels or values)} */
  default int outputSize() {
    return spec().outputSize();
  }

  /**
   * Loss and accuracy on {@code data}, in inference mode.
   *
   * @param data samples whose targets fit the model's loss
   * @return the mean loss and the accuracy
   */
  default Evaluation evaluate(Dataset data) {
    return Evaluation.of(this, data);
  }

  /**
   * The predicted class of each of the {@code rows} samples in {@code input}: the highest output,
   * or for {@link dev.lamina.Loss#BINARY_CROSS_ENTROPY} 1 where the logit is above 0.
   *
   * @param input {@code rows × inputSize} values, row-major
   * @param rows the number of samples
   * @return one class per sample
   */
  default int[] predict(float[] input, int rows) {
    return TaskPrediction.classes(this, input, rows);
  }

  /**
   * {@link #predict(float[], int)} of one sample.
   *
   * @param sample {@code inputSize} values
   * @return its class
   */
  default int predict(float[] sample) {
    return predict(sample, 1)[0];
  }

  /**
   * Probabilities, {@code rows × outputs}: each class's (softmax) for softmax cross-entropy, class
   * 1's for a binary model, each label's for a multi-label model (independent sigmoids).
   *
   * @param input {@code rows × inputSize} values, row-major
   * @param rows the number of samples
   * @return the probabilities, row-major
   */
  default float[] predictProbabilities(float[] input, int rows) {
    return TaskPrediction.probabilities(this, input, rows);
  }

  /**
   * {@link #predictProbabilities(float[], int)} of one sample.
   *
   * @param sample {@code inputSize} values
   * @return its probabilities
   */
  default float[] predictProbabilities(float[] sample) {
    return predictProbabilities(sample, 1);
  }

  /**
   * A regression model's predicted values, {@code rows × outputs}.
   *
   * @param input {@code rows × inputSize} values, row-major
   * @param rows the number of samples
   * @return the values, row-major
   */
  default float[] predictValues(float[] input, int rows) {
    return TaskPrediction.values(this, input, rows);
  }

  /**
   * {@link #predictValues(float[], int)} of one sample.
   *
   * @param sample {@code inputSize} values
   * @return its values
   */
  default float[] predictValues(float[] sample) {
    return predictValues(sample, 1);
  }

  /**
   * A multi-label model's labels, {@code rows × outputs} flags: 1 where the label's probability is
   * at least {@code threshold}, else 0.
   *
   * @param input {@code rows × inputSize} values, row-major
   * @param rows the number of samples
   * @param threshold the probability from which a label is on, in [0, 1]
   * @return the flags, row-major
   */
  default int[] predictLabels(float[] input, int rows, double threshold) {
    return TaskPrediction.labels(this, input, rows, threshold);
  }
}
