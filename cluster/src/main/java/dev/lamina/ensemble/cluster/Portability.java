package dev.lamina.ensemble.cluster;

import dev.lamina.train.TrainingConfig;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;

/**
 * Checks, before any task is sent, that a training configuration can travel to cluster members,
 * and names the setting that cannot: Lamina's own settings all can, but an optimizer, a metric or
 * an augmentation of the user's may be code that does not serialize.
 */
final class Portability {
  private Portability() {}

  static void requireTravels(TrainingConfig config) {
    check("optimizer", config.optimizer(),
        "use one of Optimizer's, or make yours java.io.Serializable");
    check("earlyStopping", config.earlyStopping(), "use one of Metric's constants, e.g."
        + " Metric.VALIDATION_LOSS (the out-of-bag loss), or a metric whose lambda captures only"
        + " serializable values");
    check("augmentation", config.augmentation(), "build it with Augmentation.builder");
    check("config", config, "leave out the settings that are not serializable");
  }

  private static void check(String setting, Object value, String fix) {
    if (value == null) {
      return;
    }
    try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new IllegalArgumentException("the " + setting + " " + value + " cannot travel to"
          + " cluster members (" + e + "): " + fix + "; or train in-process", e);
    }
  }
}
