package dev.lamina.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** A network's trainable tensors, in a fixed order. */
public final class Parameters implements Iterable<Parameter> {
  private final List<Parameter> list;

  /**
   * The parameters, in the network's order.
   *
   * @param list the parameters (the list is copied, the tensors shared)
   */
  public Parameters(List<Parameter> list) {
    this.list = List.copyOf(list);
  }

  /** {@return the parameters, in order (unmodifiable)} */
  public List<Parameter> list() {
    return list;
  }

  /**
   * {@return the parameter named {@code name}}
   *
   * @param name e.g. {@code hidden1.weight}
   * @throws IllegalArgumentException if there is none, listing the names
   */
  public Parameter get(String name) {
    for (Parameter p : list) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    List<String> names = new ArrayList<>();
    list.forEach(p -> names.add(p.name()));
    throw new IllegalArgumentException("no parameter named " + name + "; the network has " + names);
  }

  /**
   * Total number of trainable scalars.
   *
   * @return the count
   */
  public long count() {
    long n = 0;
    for (Parameter p : list) {
      n += p.size();
    }
    return n;
  }

  /**
   * A copy of every parameter's values, in order: a snapshot to restore later.
   *
   * @return one array per parameter
   */
  public float[][] snapshot() {
    float[][] copy = new float[list.size()][];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = list.get(i).values().clone();
    }
    return copy;
  }

  /**
   * Restores values taken by {@link #snapshot()}.
   *
   * @param snapshot arrays {@link #snapshot()} returned for these parameters
   */
  public void restore(float[][] snapshot) {
    if (snapshot.length != list.size()) {
      throw new IllegalArgumentException(
          "snapshot must hold " + list.size() + " tensors, got " + snapshot.length);
    }
    for (int i = 0; i < snapshot.length; i++) {
      float[] values = list.get(i).values();
      if (snapshot[i].length != values.length) {
        throw new IllegalArgumentException(
            "snapshot[" + i + "] (" + list.get(i).name() + ") must have " + values.length
                + " values, got " + snapshot[i].length);
      }
      System.arraycopy(snapshot[i], 0, values, 0, values.length);
    }
  }

  /**
   * Whether every value of every parameter equals {@code other}'s, bit for bit.
   *
   * @param other parameters of the same model
   * @return true when every value is bitwise equal
   */
  public boolean bitEquals(Parameters other) {
    if (other.list.size() != list.size()) {
      return false;
    }
    for (int i = 0; i < list.size(); i++) {
      float[] a = list.get(i).values();
      float[] b = other.list.get(i).values();
      if (a.length != b.length) {
        return false;
      }
      for (int j = 0; j < a.length; j++) {
        if (Float.floatToRawIntBits(a[j]) != Float.floatToRawIntBits(b[j])) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public Iterator<Parameter> iterator() {
    return Collections.unmodifiableList(list).iterator();
  }

  @Override
  public String toString() {
    return Arrays.toString(list.toArray());
  }
}
