package dev.lamina.train;

import dev.lamina.nn.Network;
import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Objects;

/**
 * A number measured after each epoch that early stopping watches, with the direction that is
 * better: the built-in metrics know theirs (accuracy is maximized, loss minimized), and a user's
 * metric must state it.
 *
 * <pre>{@code
 * Metric.maximize("validation F1", (stats, network) -> f1(network, validation))
 * }</pre>
 *
 * @param name how messages and reports call it
 * @param goal whether lower or higher is better
 * @param measure computes it from the epoch's figures and the network at the epoch's end
 */
public record Metric(String name, Goal goal, Measure measure) implements Serializable {
  /** Which way is better. */
  public enum Goal {
    /** Lower is better. */
    MINIMIZE,
    /** Higher is better. */
    MAXIMIZE
  }

  /**
   * Computes a metric at the end of an epoch. The network is in its end-of-epoch state. It is
   * serializable so that early stopping on it can travel to cluster members: a lambda travels as
   * a reference to its code (which the member must have on its class path) with what it captured.
   */
  @FunctionalInterface
  public interface Measure extends Serializable {
    /**
     * Computes the metric.
     *
     * @param stats the epoch's figures
     * @param network the network at the end of the epoch, to evaluate; do not change it
     * @return the metric's value; NaN counts as never better
     */
    double measure(EpochStats stats, Network network);
  }

  /** Mean validation loss, in inference mode; lower is better. */
  public static final Metric VALIDATION_LOSS =
      minimize("validation loss", (stats, network) -> stats.validationLoss());

  /** Validation accuracy, in inference mode; higher is better. */
  public static final Metric VALIDATION_ACCURACY =
      maximize("validation accuracy", (stats, network) -> stats.validationAccuracy());

  /** Mean training loss over the epoch's batches; lower is better. */
  public static final Metric TRAINING_LOSS =
      minimize("training loss", (stats, network) -> stats.trainLoss());

  /** Checks that no part is null. */
  public Metric {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(goal, "goal");
    Objects.requireNonNull(measure, "measure");
  }

  /**
   * A metric where lower is better (a loss, an error rate).
   *
   * @param name how messages and reports call it
   * @param measure computes it at the end of each epoch
   * @return the metric
   */
  public static Metric minimize(String name, Measure measure) {
    return new Metric(name, Goal.MINIMIZE, measure);
  }

  /**
   * A metric where higher is better (an accuracy, an F1 score).
   *
   * @param name how messages and reports call it
   * @param measure computes it at the end of each epoch
   * @return the metric
   */
  public static Metric maximize(String name, Measure measure) {
    return new Metric(name, Goal.MAXIMIZE, measure);
  }

  /** Whether {@code a} is better than {@code b} by more than {@code margin}; NaN is never better. */
  boolean better(double a, double b, double margin) {
    return goal == Goal.MINIMIZE ? a < b - margin : a > b + margin;
  }

  /**
   * One of the constants above travels by name and arrives as that same constant.
   *
   * @return what is serialized in its place
   * @throws ObjectStreamException never; declared by the serialization protocol
   */
  @Serial
  private Object writeReplace() throws ObjectStreamException {
    String constant = constantName(this);
    return constant == null ? this : new Constant(constant);
  }

  private record Constant(String field) implements Serializable {
    @Serial
    private Object readResolve() throws ObjectStreamException {
      try {
        return Metric.class.getField(field).get(null);
      } catch (ReflectiveOperationException e) {
        throw new java.io.InvalidObjectException("Metric has no constant " + field
            + "; is this cluster member's Lamina older than the caller's?");
      }
    }
  }

  /** The name of the public constant that is {@code metric}, or null. */
  private static String constantName(Metric metric) {
    for (Field f : Metric.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == Metric.class) {
        try {
          if (f.get(null) == metric) {
            return f.getName();
          }
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return name + (goal == Goal.MINIMIZE ? " (lower is better)" : " (higher is better)");
  }
}
