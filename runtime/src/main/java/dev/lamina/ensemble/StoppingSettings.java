package dev.lamina.ensemble;

import dev.lamina.train.EarlyStopping;
import dev.lamina.train.Metric;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Early stopping as plain data, so that a task can carry it to a cluster member. A member's
 * validation data is its out-of-bag samples, so {@code Metric.VALIDATION_LOSS} watches the
 * out-of-bag loss. Only the metrics {@link Metric} defines as constants can travel; a metric of
 * your own is code, and works in-process only.
 */
public sealed interface StoppingSettings extends Serializable {
  EarlyStopping earlyStopping();

  /** Whether it can be sent to another JVM. */
  boolean portable();

  static StoppingSettings of(EarlyStopping e) {
    String name = constantName(e.metric());
    return name == null ? new Given(e) : new Named(name, e.patience(), e.minDelta(), e.warmup(),
        e.baseline(), e.restoreBestWeights());
  }

  /** Early stopping on the {@code Metric} constant named {@code metric}, e.g. "VALIDATION_LOSS". */
  record Named(String metric, int patience, double minDelta, int warmup, double baseline,
      boolean restoreBestWeights) implements StoppingSettings {
    @Override
    public EarlyStopping earlyStopping() {
      Metric constant;
      try {
        constant = (Metric) Metric.class.getField(metric).get(null);
      } catch (ReflectiveOperationException e) {
        throw new IllegalArgumentException("Metric has no constant " + metric
            + "; is this cluster member's Lamina older than the caller's?", e);
      }
      return new EarlyStopping(constant, patience, minDelta, warmup, baseline, restoreBestWeights);
    }

    @Override
    public boolean portable() {
      return true;
    }
  }

  /** Early stopping on a metric of the user's: in-process only. */
  record Given(EarlyStopping earlyStopping) implements StoppingSettings {
    @Override
    public boolean portable() {
      return false;
    }
  }

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
}
