package dev.lamina.internal;

import dev.lamina.data.Dataset;
import dev.lamina.nn.InputScaling;
import dev.lamina.nn.NetworkSpec;
import dev.lamina.nn.StateTensor;
import java.util.List;

/**
 * Applies and fits a network's {@link InputScaling} over its live state tensors (internal: what
 * generated networks and the reference network call). Both the
 * generated networks and the reference network scale through here, so training, inference and
 * the oracle scale alike: {@code out = (x - shift) / scale}, where {@code scale} is the std, or
 * max − min, and 1 where that is 0.
 */
public final class InputScaler {
  private final InputScaling scaling;
  private final float[] shift;
  private final float[] spread;
  private final float[] count;
  private float[] buffer = new float[0];

  private InputScaler(InputScaling scaling, float[] shift, float[] spread, float[] count) {
    this.scaling = scaling;
    this.shift = shift;
    this.spread = spread;
    this.count = count;
  }

  /** The scaler over {@code state}'s tensors; null when the spec has no input scaling. */
  public static InputScaler of(NetworkSpec spec, List<StateTensor> state) {
    InputScaling scaling = spec.inputScaling();
    if (scaling == InputScaling.NONE) {
      return null;
    }
    String input = spec.layers().get(0).name();
    return new InputScaler(scaling, values(state, input + "." + scaling.shiftStatistic()),
        values(state, input + "." + scaling.spreadStatistic()), values(state, input + ".count"));
  }

  public boolean fitted() {
    return count[0] > 0;
  }

  /** {@code rows} scaled rows of {@code input}, in a buffer of this scaler's, valid until the next call. */
  public float[] apply(float[] input, int rows) {
    int size = shift.length;
    if (buffer.length < rows * size) {
      buffer = new float[rows * size];
    }
    for (int r = 0; r < rows; r++) {
      int at = r * size;
      for (int j = 0; j < size; j++) {
        buffer[at + j] = (input[at + j] - shift[j]) / divisor(j);
      }
    }
    return buffer;
  }

  /** The divisor of feature {@code j}: its std or range, 1 when that is 0 (a constant feature). */
  private float divisor(int j) {
    float d = scaling == InputScaling.STANDARDIZE ? spread[j] : spread[j] - shift[j];
    return d > 0 ? d : 1f;
  }

  /** Fits the statistics on every sample of {@code data}, in double precision. */
  public void fit(Dataset data) {
    int size = shift.length;
    float[] x = data.features();
    for (int i = 0; i < x.length; i++) {
      if (!Float.isFinite(x[i])) {
        throw new IllegalArgumentException("sample " + i / size + ", feature " + i % size
            + " is " + x[i] + ": the input scaling needs finite features; fix or drop the sample");
      }
    }
    int n = data.size();
    if (scaling == InputScaling.STANDARDIZE) {
      double[] sum = new double[size];
      for (int i = 0; i < x.length; i++) {
        sum[i % size] += x[i];
      }
      double[] squares = new double[size];
      for (int i = 0; i < x.length; i++) {
        double d = x[i] - sum[i % size] / n;
        squares[i % size] += d * d;
      }
      for (int j = 0; j < size; j++) {
        shift[j] = (float) (sum[j] / n);
        spread[j] = (float) Math.sqrt(squares[j] / n);
      }
    } else {
      java.util.Arrays.fill(shift, Float.POSITIVE_INFINITY);
      java.util.Arrays.fill(spread, Float.NEGATIVE_INFINITY);
      for (int i = 0; i < x.length; i++) {
        shift[i % size] = Math.min(shift[i % size], x[i]);
        spread[i % size] = Math.max(spread[i % size], x[i]);
      }
    }
    count[0] = n;
  }

  private static float[] values(List<StateTensor> state, String name) {
    return state.stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no state tensor " + name)).values();
  }
}
