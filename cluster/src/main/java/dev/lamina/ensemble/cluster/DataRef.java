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
 */
public record DataRef(Kind kind, String name, String argument) implements Serializable {
  /** Where members get the data. */
  public enum Kind {
    /** A {@link TrainingData} class on every member's class path. */
    CLASS,
    /** Chunks in the cluster's map {@link MapData#MAP}. */
    MAP
  }

  public DataRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(argument, "argument");
  }

  /** Data that every member loads with {@code type.load(argument)}. */
  public static DataRef ofClass(Class<? extends TrainingData> type, String argument) {
    return new DataRef(Kind.CLASS, type.getName(), argument);
  }

  @Override
  public String toString() {
    return kind == Kind.CLASS ? name + "(" + argument + ")" : "published dataset " + name;
  }
}
