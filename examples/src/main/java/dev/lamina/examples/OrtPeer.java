package dev.lamina.examples;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions.ExecutionMode;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import dev.lamina.io.OnnxFile;
import dev.lamina.nn.Network;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ONNX Runtime (Java) running a network's ONNX export — the same weights — for {@code bin/lamina
 * bench}'s inference, at its best: intra-op threads = the bench's threads, one inter-op thread,
 * sequential execution, every graph optimization ({@code ORT_ENABLE_ALL}); each batch size's input
 * and output tensors are made once over direct buffers and reused (the output pinned), so a pass
 * allocates only the run's small result object. Before any timing, {@link #check} makes sure its
 * logits are Lamina's.
 */
final class OrtPeer implements AutoCloseable {
  /** Largest |ONNX Runtime − Lamina| / max(1, |Lamina|) over the logits that the bench accepts. */
  static final double TOLERANCE = 1e-4;

  private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final int inputSize;
  private final int outputSize;
  private final List<AutoCloseable> tensors = new ArrayList<>();

  /** A session for {@code network}'s weights as they are now, on {@code threads} threads. */
  OrtPeer(Network network, int threads) {
    inputSize = network.inputSize();
    outputSize = network.outputSize();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(ExecutionMode.SEQUENTIAL);
      options.setOptimizationLevel(OptLevel.ALL_OPT);
      session = environment.createSession(OnnxFile.toBytes(network), options);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime could not load the bench's model: " + e, e);
    }
  }

  /** What the JSON records about this peer. */
  static Map<String, Object> settings() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("ort_version", OrtEnvironment.getEnvironment().getVersion());
    json.put("ort_settings", "intra-op threads = the bench's threads, inter-op 1, sequential"
        + " execution, ORT_ENABLE_ALL; input and output tensors reused (output pinned)");
    return json;
  }

  /**
   * One inference pass over the first {@code rows} samples of {@code x} per call, its tensors
   * made now and reused; the logits of the last call stay readable through the returned pass.
   */
  Pass pass(float[] x, int rows) {
    try {
      FloatBuffer in = direct(rows * inputSize).put(0, x, 0, rows * inputSize);
      FloatBuffer out = direct(rows * outputSize);
      OnnxTensor input = OnnxTensor.createTensor(environment, in, new long[] {rows, inputSize});
      tensors.add(input);
      OnnxTensor output = OnnxTensor.createTensor(environment, out, new long[] {rows, outputSize});
      tensors.add(output);
      return new Pass(session, Map.of(OnnxFile.INPUT, input), Map.of(OnnxFile.OUTPUT, output),
          out);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime could not make the bench's tensors: " + e, e);
    }
  }

  /** A reusable inference call; {@link #run} may be timed, {@link #logits} read after it. */
  static final class Pass implements Runnable {
    private final OrtSession session;
    private final Map<String, OnnxTensor> inputs;
    private final Map<String, OnnxTensor> outputs;
    private final FloatBuffer logits;

    private Pass(OrtSession session, Map<String, OnnxTensor> inputs,
        Map<String, OnnxTensor> outputs, FloatBuffer logits) {
      this.session = session;
      this.inputs = inputs;
      this.outputs = outputs;
      this.logits = logits;
    }

    @Override
    public void run() {
      try (OrtSession.Result result = session.run(inputs, outputs)) {
        // The logits are written into the pinned output; the result only names it.
      } catch (OrtException e) {
        throw new IllegalStateException("ONNX Runtime failed during the bench: " + e, e);
      }
    }

    /** The logits of the last {@link #run}, row after row. */
    float[] logits() {
      float[] copy = new float[logits.capacity()];
      logits.get(0, copy);
      return copy;
    }
  }

  /**
   * Runs {@code rows} samples of {@code x} through this session and through {@code network} (the
   * one it was made from) and fails, naming the largest difference, unless every logit agrees
   * within {@link #TOLERANCE}; returns the largest scaled difference.
   */
  double check(Network network, float[] x, int rows) {
    Pass pass = pass(x, rows);
    pass.run();
    pass.run(); // the output tensor must survive a result's closing
    float[] expected = network.forwardInfer(x, rows);
    return compare(expected, pass.logits(), rows * outputSize);
  }

  /**
   * The comparison {@link #check} makes: fails with an {@link IllegalStateException} naming the
   * index, both values and the tolerance when {@code |actual − expected| / max(1, |expected|)}
   * exceeds {@link #TOLERANCE} (or is NaN) for any of the first {@code count} values; otherwise
   * returns the largest.
   */
  static double compare(float[] expected, float[] actual, int count) {
    double worst = 0;
    int at = -1;
    for (int i = 0; i < count; i++) {
      double scaled = Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i]));
      if (!(scaled <= worst)) {
        worst = Double.isNaN(scaled) ? Double.POSITIVE_INFINITY : scaled;
        at = i;
      }
    }
    if (worst > TOLERANCE) {
      throw new IllegalStateException(String.format(Locale.ROOT, "ONNX Runtime's logits"
          + " differ from Lamina's on the same weights: largest scaled difference %.3g at %d"
          + " (Lamina %s, ONNX Runtime %s), tolerance %.0e; the peer is not timed", worst, at,
          expected[at], actual[at], TOLERANCE));
    }
    return worst;
  }

  private static FloatBuffer direct(int floats) {
    return ByteBuffer.allocateDirect(4 * floats).order(ByteOrder.nativeOrder()).asFloatBuffer();
  }

  @Override
  public void close() {
    try {
      for (AutoCloseable tensor : tensors) {
        tensor.close();
      }
      session.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing ONNX Runtime: " + e, e);
    }
  }
}
