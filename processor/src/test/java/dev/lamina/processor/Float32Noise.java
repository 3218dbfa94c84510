package dev.lamina.processor;

import dev.lamina.internal.TrainableNetwork;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How far a generated network's float32 gradients move when its inputs move by one ulp: the
 * rounding noise of that very computation, element by element, measured rather than guessed.
 *
 * <p>Float32 rounding changes each term of a gradient by about 2⁻²⁴ of the term. Where the terms
 * nearly cancel (batch norm over 3 rows, a bias before a group norm), the result's error is that
 * of the terms, not of the result, and a fixed tolerance on the result fails or is loose. Moving
 * every weight, input and output-gradient element by one ulp up or down at random (a backward
 * error of one rounding) changes which way each term rounds, so the spread of the gradients over
 * {@link #RUNS} such runs is the noise of each element: about 1e-7 of the network's scale where
 * terms cancel, far less elsewhere. A wrong formula differs by the size of the value instead.
 *
 * <p>Measured on fuzz seeds 1..1100 (ProcessorFuzzTest's javadoc has the command): three gradient
 * elements went past the fixed tolerances (seeds 525 and 1013 among them), by differences of
 * 0.38 to {@value #WORST_SEEN} times their noise; {@link #FACTOR} leaves room above that. A wrong
 * formula is off by the size of the value, thousands of times the noise of a well-conditioned
 * element.
 */
final class Float32Noise {
  /** Perturbed runs per model; the noise is the largest change over them. */
  static final int RUNS = 4;

  /** The largest difference / noise ratio seen over seeds 1..1100 (see the class comment). */
  static final double WORST_SEEN = 0.68;

  /** A gradient element may differ from the reference by this many times its noise. */
  static final double FACTOR = 4;

  private Float32Noise() {}

  /**
   * Per parameter of {@code net} (in {@code parameters().list()} order), each element's noise for
   * the batch: fresh copies of the network (same class, weights and state; {@code net} itself is
   * not touched) run {@code forwardTrain} and {@code backward} on perturbed inputs.
   */
  static List<float[]> of(TrainableNetwork net, ReferenceCheck.Batch batch, int rows,
      float[] outputGradient) throws ReflectiveOperationException {
    SplittableRandom random = new SplittableRandom(batch.maskSeed());
    List<float[]> exact = gradients(net, batch, rows, outputGradient, null);
    List<float[]> noise = exact.stream().map(g -> new float[g.length]).toList();
    for (int run = 0; run < RUNS; run++) {
      List<float[]> moved = gradients(net, batch, rows, outputGradient, random);
      for (int p = 0; p < moved.size(); p++) {
        float[] n = noise.get(p);
        for (int e = 0; e < n.length; e++) {
          n[e] = Math.max(n[e], Math.abs(moved.get(p)[e] - exact.get(p)[e]));
        }
      }
    }
    return noise;
  }

  /** A copy's gradients, every input moved by one ulp at random (or not at all, random null). */
  private static List<float[]> gradients(TrainableNetwork net, ReferenceCheck.Batch batch,
      int rows, float[] outputGradient, SplittableRandom random)
      throws ReflectiveOperationException {
    TrainableNetwork copy = net.getClass().getConstructor(long.class).newInstance(0L);
    for (int i = 0; i < net.parameters().list().size(); i++) {
      float[] v = nudge(net.parameters().list().get(i).values(), random);
      System.arraycopy(v, 0, copy.parameters().list().get(i).values(), 0, v.length);
    }
    for (int i = 0; i < net.state().size(); i++) {
      float[] from = net.state().get(i).values();
      System.arraycopy(from, 0, copy.state().get(i).values(), 0, from.length);
    }
    copy.forwardTrain(nudge(batch.x(), random), rows, batch.maskSeed());
    copy.backward(nudge(outputGradient, random), rows);
    return copy.parameters().list().stream().map(p -> p.gradient().clone()).toList();
  }

  private static float[] nudge(float[] values, SplittableRandom random) {
    float[] out = values.clone();
    if (random != null) {
      for (int i = 0; i < out.length; i++) {
        out[i] = random.nextBoolean() ? Math.nextUp(out[i]) : Math.nextDown(out[i]);
      }
    }
    return out;
  }
}
