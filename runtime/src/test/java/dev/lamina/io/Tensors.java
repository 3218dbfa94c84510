package dev.lamina.io;

import dev.lamina.nn.Network;
import dev.lamina.nn.Parameter;
import dev.lamina.nn.StateTensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Every tensor of a network, parameters and state, for the io tests. */
final class Tensors {
  private Tensors() {}

  /** Fills every parameter and state tensor with seeded values (variances positive). */
  static void randomize(Network network, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (Parameter p : network.parameters()) {
      fill(p.values(), random, false);
    }
    for (StateTensor s : network.state()) {
      fill(s.values(), random, s.name().endsWith("running_var") || s.name().endsWith("tracked"));
    }
  }

  private static void fill(float[] values, SplittableRandom random, boolean positive) {
    for (int i = 0; i < values.length; i++) {
      double v = random.nextGaussian();
      values[i] = (float) (positive ? 0.5 + Math.abs(v) : v);
    }
  }

  /** A copy of every tensor by name, in order. */
  static Map<String, float[]> copy(Network network) {
    Map<String, float[]> copy = new LinkedHashMap<>();
    for (Parameter p : network.parameters()) {
      copy.put(p.name(), p.values().clone());
    }
    for (StateTensor s : network.state()) {
      copy.put(s.name(), s.values().clone());
    }
    return copy;
  }

  /** The names of tensors whose bits differ between two copies; empty when all are equal. */
  static List<String> differences(Map<String, float[]> a, Map<String, float[]> b) {
    List<String> differ = new ArrayList<>();
    for (String name : a.keySet()) {
      float[] x = a.get(name);
      float[] y = b.get(name);
      boolean same = y != null && x.length == y.length;
      for (int i = 0; same && i < x.length; i++) {
        same = Float.floatToRawIntBits(x[i]) == Float.floatToRawIntBits(y[i]);
      }
      if (!same) {
        differ.add(name);
      }
    }
    return differ;
  }
}
