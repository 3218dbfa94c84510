package dev.lamina.train;

import dev.lamina.nn.Network;
import dev.lamina.nn.Parameter;
import dev.lamina.nn.StateTensor;
import java.util.Optional;

/**
 * Finds a NaN or an infinity in a network's weights or state. A loss can stay finite while a
 * weight is not (a unit whose input is always zero, say), so the weights are checked too.
 */
final class NonFinite {
  private NonFinite() {}

  /** The first non-finite value, named like {@code "hidden.weight[17] = NaN"}; empty if none. */
  static Optional<String> first(Network network) {
    for (Parameter p : network.parameters()) {
      Optional<String> found = first(p.name(), p.values());
      if (found.isPresent()) {
        return found;
      }
    }
    for (StateTensor s : network.state()) {
      Optional<String> found = first(s.name(), s.values());
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> first(String name, float[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        return Optional.of(name + "[" + i + "] = " + values[i]);
      }
    }
    return Optional.empty();
  }
}
