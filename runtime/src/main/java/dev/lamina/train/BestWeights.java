package dev.lamina.train;

import dev.lamina.nn.Network;
import dev.lamina.nn.Parameter;
import dev.lamina.nn.StateTensor;
import java.util.List;

/**
 * A copy of a network's parameters and non-trainable state (batch normalization's running
 * statistics belong with the weights they were measured for), taken at the end of the best epoch
 * and put back when training ends. Allocated once; keeping a new best only copies.
 */
final class BestWeights {
  private final List<Parameter> parameters;
  private final List<StateTensor> state;
  private final float[][] values;
  private final float[][] stateValues;

  /** Starts holding the network's current (initial) weights. */
  BestWeights(Network network) {
    this.parameters = network.parameters().list();
    this.state = network.state();
    this.values = new float[parameters.size()][];
    for (int i = 0; i < values.length; i++) {
      values[i] = new float[parameters.get(i).size()];
    }
    this.stateValues = new float[state.size()][];
    for (int i = 0; i < stateValues.length; i++) {
      stateValues[i] = new float[state.get(i).values().length];
    }
    keep();
  }

  /** Copies the network's current weights and state. */
  void keep() {
    for (int i = 0; i < values.length; i++) {
      System.arraycopy(parameters.get(i).values(), 0, values[i], 0, values[i].length);
    }
    for (int i = 0; i < stateValues.length; i++) {
      System.arraycopy(state.get(i).values(), 0, stateValues[i], 0, stateValues[i].length);
    }
  }

  /** The kept copies, parameters then state tensors, in the network's order; for checkpoints. */
  float[][] copies() {
    float[][] all = new float[values.length + stateValues.length][];
    System.arraycopy(values, 0, all, 0, values.length);
    System.arraycopy(stateValues, 0, all, values.length, stateValues.length);
    return all;
  }

  /** Puts the kept weights and state back into the network. */
  void restore() {
    for (int i = 0; i < values.length; i++) {
      System.arraycopy(values[i], 0, parameters.get(i).values(), 0, values[i].length);
    }
    for (int i = 0; i < stateValues.length; i++) {
      System.arraycopy(stateValues[i], 0, state.get(i).values(), 0, stateValues[i].length);
    }
  }
}
