package dev.lamina.ensemble.cluster;

import java.io.Serializable;
import java.util.Objects;

/**
 * Names the training data of a cluster's members, so that a task can carry it: either a {@link
 * TrainingData} class that each member runs to load the data itself, or a dataset published to
 * the cluster's distributed map by {@link BaggingCluster#publish}.
 *
 * @param name the class name, or the published dataset's name
 * @param argument what the class is given; for a published dataset, its publication's id
 * @param kind whether members load the data with a class or read it from the cluster's map
 */
public record DataRef(Kind kind, String name, String argument) implements Serializable {
  /** Where members get the data. */
  public enum Kind {
    /** A {@link TrainingData} class on every member's class path. */
    CLASS,
    /** Chunks in the cluster's map {@link MapData#MAP}. */
    MAP
  }

  /** Checks that no part is null. */
  public DataRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(argument, "argument");
  }

  /**
   * Data that every member loads with {@code type.load(argument)}.
   *
   * @param type a class with a public no-argument constructor, on every member's class path
   * @param argument passed to its {@code load}, e.g. a directory
   * @return the reference
   */
  public static DataRef ofClass(Class<? extends TrainingData> type, String argument) {
    return new DataRef(Kind.CLASS, type.getName(), argument);
  }

  @Override
  public String toString() {
    return kind == Kind.CLASS ? name + "(" + argument + ")" : "published dataset " + name;
  }
}
